package io.github.hpcblueprints.azure.storage;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.arm.ResourceNames;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An NFS file share on a premium {@code FileStorage} account
 * ({@code Microsoft.Storage/storageAccounts/fileServices/shares}). Secure default: root squash (a client's root is
 * mapped to an anonymous user, so one compromised node cannot rewrite everyone's files); turn it off only for a
 * share the cluster's provisioning must own, with {@link #noRootSquash()}.
 */
public final class FileShare extends ResourceSpec<FileShare> {

    public static final String TYPE = "Microsoft.Storage/storageAccounts/fileServices/shares";
    public static final String API_VERSION = StorageAccount.API_VERSION;
    private static final Pattern NAME = Pattern.compile("[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]");

    /** Root squash modes. */
    public enum RootSquash { RootSquash, NoRootSquash, AllSquash }

    private final String shareName;
    private final int quotaGiB;
    private RootSquash rootSquash = RootSquash.RootSquash;

    private FileShare(Expr name, String shareName, int quotaGiB) {
        super(name, TYPE, API_VERSION);
        this.shareName = shareName;
        this.quotaGiB = quotaGiB;
    }

    /** An NFS share of {@code quotaGiB} (100 GiB minimum on premium files; you pay for the provisioned size). */
    public static FileShare nfs(Ref<StorageAccount> account, String shareName, int quotaGiB) {
        if (!NAME.matcher(shareName).matches()) {
            throw new IllegalArgumentException("share name '" + shareName + "' must be 3-63 lowercase letters, "
                    + "digits and single hyphens");
        }
        if (quotaGiB < 100 || quotaGiB > 102_400) {
            throw new IllegalArgumentException("premium share size " + quotaGiB + " GiB is outside 100-102400");
        }
        return new FileShare(ResourceNames.join(List.of(account.name(), Expr.str("default"), Expr.str(shareName))),
                shareName, quotaGiB);
    }

    public FileShare noRootSquash() {
        this.rootSquash = RootSquash.NoRootSquash;
        return this;
    }

    public RootSquash rootSquash() {
        return rootSquash;
    }

    public FileShare allSquash() {
        this.rootSquash = RootSquash.AllSquash;
        return this;
    }

    public String shareName() {
        return shareName;
    }

    @Override
    protected FileShare self() {
        return this;
    }

    @Override
    public Resource toResource() {
        return Resource.builder(TYPE, API_VERSION, name).dependsOn(dependsOn).properties(Json.obj(
                "enabledProtocols", "NFS",
                "rootSquash", rootSquash.name(),
                "shareQuota", quotaGiB)).build();
    }
}
