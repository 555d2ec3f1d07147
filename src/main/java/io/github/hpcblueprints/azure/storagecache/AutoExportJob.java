package io.github.hpcblueprints.azure.storagecache;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.arm.ResourceNames;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.List;

/**
 * Continuous export from a Managed Lustre file system to its linked Blob container
 * ({@code Microsoft.StorageCache/amlFilesystems/autoExportJobs}): new and changed files under the prefix reach Blob
 * without anyone remembering to run an archive job. Without export, results live only in the file system.
 */
public final class AutoExportJob extends ResourceSpec<AutoExportJob> {

    public static final String TYPE = "Microsoft.StorageCache/amlFilesystems/autoExportJobs";
    public static final String API_VERSION = AmlFilesystem.API_VERSION;

    private final String prefix;

    private AutoExportJob(Expr name, String prefix) {
        super(name, TYPE, API_VERSION);
        this.prefix = prefix;
    }

    /** Exports everything under {@code prefix} ({@code /} for the whole namespace; Azure allows one prefix). */
    public static AutoExportJob of(Ref<AmlFilesystem> filesystem, String jobName, String prefix) {
        if (!jobName.matches("[0-9a-zA-Z][-0-9a-zA-Z_]{0,78}[0-9a-zA-Z]")) {
            throw new IllegalArgumentException("auto-export job name '" + jobName + "' must be 2-80 letters, digits, "
                    + "'-' or '_'");
        }
        if (!prefix.startsWith("/")) {
            throw new IllegalArgumentException("export prefix '" + prefix + "' must start with '/'");
        }
        return new AutoExportJob(ResourceNames.join(List.of(filesystem.name(), Expr.str(jobName))), prefix);
    }

    public String prefix() {
        return prefix;
    }

    @Override
    protected AutoExportJob self() {
        return this;
    }

    @Override
    public Resource toResource() {
        return base(true).properties(Json.obj("adminStatus", "Enable", "autoExportPrefixes", Json.arr(prefix)))
                .build();
    }
}
