package io.github.hpcblueprints.azure.storage;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.arm.ResourceNames;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.List;

/**
 * The blob service of a storage account ({@code Microsoft.Storage/storageAccounts/blobServices}, always named
 * {@code default}). Secure defaults for research data that must survive mistakes: soft delete for blobs and for
 * containers (14 days), versioning, and a change feed as an audit trail of writes and deletes.
 */
public final class BlobService extends ResourceSpec<BlobService> {

    public static final String TYPE = "Microsoft.Storage/storageAccounts/blobServices";
    public static final String API_VERSION = StorageAccount.API_VERSION;

    private int retentionDays = 14;
    private boolean versioning = true;

    private BlobService(Expr name) {
        super(name, TYPE, API_VERSION);
    }

    public static BlobService of(Ref<StorageAccount> account) {
        return new BlobService(ResourceNames.join(List.of(account.name(), Expr.str("default"))));
    }

    /** Days deleted blobs and containers can be restored (1-365). */
    public BlobService retentionDays(int days) {
        if (days < 1 || days > 365) {
            throw new IllegalArgumentException("soft-delete retention " + days + " days is outside 1-365");
        }
        this.retentionDays = days;
        return this;
    }

    /** Accounts with a hierarchical namespace do not support versioning; soft delete still protects them. */
    public BlobService withoutVersioning() {
        this.versioning = false;
        return this;
    }

    @Override
    protected BlobService self() {
        return this;
    }

    @Override
    public Resource toResource() {
        var props = Json.obj(
                "deleteRetentionPolicy", Json.obj("enabled", true, "days", retentionDays),
                "containerDeleteRetentionPolicy", Json.obj("enabled", true, "days", retentionDays));
        if (versioning) {
            props.put("isVersioningEnabled", true);
            props.set("changeFeed", Json.obj("enabled", true));
        }
        return Resource.builder(TYPE, API_VERSION, name).dependsOn(dependsOn).properties(props).build();
    }
}
