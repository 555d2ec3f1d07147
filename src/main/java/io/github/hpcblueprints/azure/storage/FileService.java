package io.github.hpcblueprints.azure.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.arm.ResourceNames;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.List;

/**
 * The file service of a storage account ({@code Microsoft.Storage/storageAccounts/fileServices}, named
 * {@code default}). Secure defaults: share soft delete (14 days) and, for NFS, encryption in transit required:
 * clients mount through Microsoft's AZNFS helper, which wraps NFS in TLS, so secure transfer can stay on.
 */
public final class FileService extends ResourceSpec<FileService> {

    public static final String TYPE = "Microsoft.Storage/storageAccounts/fileServices";
    public static final String API_VERSION = StorageAccount.API_VERSION;

    private int retentionDays = 14;
    private boolean nfsEncryptionInTransit = true;

    private FileService(Expr name) {
        super(name, TYPE, API_VERSION);
    }

    public static FileService of(Ref<StorageAccount> account) {
        return new FileService(ResourceNames.join(List.of(account.name(), Expr.str("default"))));
    }

    public FileService retentionDays(int days) {
        if (days < 1 || days > 365) {
            throw new IllegalArgumentException("share soft-delete retention " + days + " days is outside 1-365");
        }
        this.retentionDays = days;
        return this;
    }

    /**
     * NFS without TLS. The account then has to allow HTTP ({@link StorageAccount#allowHttp}) and should be reachable
     * only through a private endpoint.
     */
    public FileService withoutNfsEncryptionInTransit() {
        this.nfsEncryptionInTransit = false;
        return this;
    }

    public boolean nfsEncryptionInTransit() {
        return nfsEncryptionInTransit;
    }

    @Override
    protected FileService self() {
        return this;
    }

    @Override
    public Resource toResource() {
        ObjectNode props = Json.obj(
                "shareDeleteRetentionPolicy", Json.obj("enabled", true, "days", retentionDays),
                "protocolSettings", Json.obj("nfs", Json.obj("encryptionInTransit",
                        Json.obj("required", nfsEncryptionInTransit))));
        return Resource.builder(TYPE, API_VERSION, name).dependsOn(dependsOn).properties(props).build();
    }
}
