package io.github.hpcblueprints.hpc;

import io.github.hpcblueprints.azure.netapp.CapacityPool;
import io.github.hpcblueprints.azure.storagecache.AmlSku;
import java.util.List;
import java.util.Objects;

/** Permanent shared storage of the environment, each kind with where it is mounted on the cluster. */
public sealed interface SharedStorage permits SharedStorage.Lustre, SharedStorage.AzureFilesNfs,
        SharedStorage.NetAppFiles, SharedStorage.Blob {

    /** Where the cluster and research instances see it; empty for storage that is not mounted. */
    String mountPoint();

    /** How results leave a Lustre file system for Blob. */
    enum Export {
        /** An auto-export job copies new and changed files continuously. */
        AUTO,
        /** Users run archive jobs; nothing leaves by itself. */
        ARCHIVE_JOBS
    }

    /**
     * Azure Managed Lustre, linked to a Blob container: names and metadata imported at creation, results exported.
     */
    record Lustre(AmlSku sku, int capacityTiB, String mountPoint, String container, String importPrefix,
            Export export, String zone) implements SharedStorage {
        public Lustre {
            Objects.requireNonNull(sku);
            sku.checkCapacity(capacityTiB);
            checkMount(mountPoint);
            Objects.requireNonNull(container);
            Objects.requireNonNull(export);
            if (!importPrefix.startsWith("/")) {
                throw new IllegalArgumentException("import prefix '" + importPrefix + "' must start with '/'");
            }
        }
    }

    /** An NFS share on premium Azure Files, reached through a private endpoint, with encryption in transit. */
    record AzureFilesNfs(String share, int quotaGiB, String mountPoint, boolean zoneRedundant,
            boolean encryptionInTransit) implements SharedStorage {
        public AzureFilesNfs {
            Objects.requireNonNull(share);
            checkMount(mountPoint);
        }
    }

    /** An Azure NetApp Files NFS volume in a delegated subnet. */
    record NetAppFiles(String volume, CapacityPool.ServiceLevel level, int poolTiB, int quotaGiB, String mountPoint)
            implements SharedStorage {
        public NetAppFiles {
            Objects.requireNonNull(volume);
            Objects.requireNonNull(level);
            checkMount(mountPoint);
            if ((long) quotaGiB > (long) poolTiB * 1024) {
                throw new IllegalArgumentException("NetApp volume of " + quotaGiB + " GiB does not fit a " + poolTiB
                        + " TiB pool");
            }
        }
    }

    /** Blob containers for data coming in and results going out (not mounted; copied with azcopy or az). */
    record Blob(List<String> containers) implements SharedStorage {
        public Blob {
            containers = List.copyOf(containers);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String c : containers) {
                io.github.hpcblueprints.azure.storage.BlobContainer.requireValidName(c);
                if (!seen.add(c)) {
                    throw new IllegalArgumentException("container '" + c + "' is listed twice");
                }
            }
        }

        @Override
        public String mountPoint() {
            return "";
        }
    }

    /** A locally redundant premium NFS share with encryption in transit, mounted at {@code mountPoint}. */
    static AzureFilesNfs azureFilesNfs(String share, int quotaGiB, String mountPoint) {
        return new AzureFilesNfs(share, quotaGiB, mountPoint, false, true);
    }


    private static void checkMount(String mountPoint) {
        if (!mountPoint.matches("/[A-Za-z0-9._/-]+") || mountPoint.equals("/") || mountPoint.contains("..")) {
            throw new IllegalArgumentException("mount point '" + mountPoint + "' must be an absolute path such as "
                    + "/shared");
        }
    }
}
