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
 * A blob container ({@code Microsoft.Storage/storageAccounts/blobServices/containers}). Secure default: no public
 * (anonymous) access, whatever the account allows. Names: 3-63 lowercase letters, digits and single hyphens.
 */
public final class BlobContainer extends ResourceSpec<BlobContainer> {

    public static final String TYPE = "Microsoft.Storage/storageAccounts/blobServices/containers";
    public static final String API_VERSION = StorageAccount.API_VERSION;
    private static final Pattern NAME = Pattern.compile("[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]");

    private final String containerName;

    private BlobContainer(Expr name, String containerName) {
        super(name, TYPE, API_VERSION);
        this.containerName = containerName;
    }

    public static BlobContainer of(Ref<StorageAccount> account, String containerName) {
        requireValidName(containerName);
        return new BlobContainer(ResourceNames.join(List.of(account.name(), Expr.str("default"),
                Expr.str(containerName))), containerName);
    }

    /** Refuses a name Azure refuses (so a domain value can be checked where it is written). */
    public static void requireValidName(String containerName) {
        if (!NAME.matcher(containerName).matches()) {
            throw new IllegalArgumentException("container name '" + containerName + "' must be 3-63 lowercase "
                    + "letters, digits and single hyphens, starting and ending with a letter or digit");
        }
    }

    public String containerName() {
        return containerName;
    }

    @Override
    protected BlobContainer self() {
        return this;
    }

    @Override
    public Resource toResource() {
        return Resource.builder(TYPE, API_VERSION, name).dependsOn(dependsOn)
                .properties(Json.obj("publicAccess", "None")).build();
    }
}
