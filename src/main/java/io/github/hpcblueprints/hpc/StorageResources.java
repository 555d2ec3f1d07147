package io.github.hpcblueprints.hpc;

import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.storage.BlobContainer;
import io.github.hpcblueprints.azure.storage.StorageAccount;
import io.github.hpcblueprints.azure.storagecache.AmlFilesystem;
import java.util.Map;

/**
 * What the storage part made: the accounts, the Lustre file system and the projects' containers. Governance (logs,
 * locks) and the template's outputs take it as an argument.
 *
 * @param locker CycleCloud's locker account; null without a cluster
 * @param data the research data account
 * @param nfsAccount the Azure Files NFS account; null without Azure Files
 * @param lustre the Managed Lustre file system; null without Lustre
 * @param containers each project's data container, by project name
 */
record StorageResources(Ref<StorageAccount> locker, Ref<StorageAccount> data, Ref<StorageAccount> nfsAccount,
        Ref<AmlFilesystem> lustre, Map<String, Ref<BlobContainer>> containers) {

    StorageResources {
        containers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(containers));
    }
}
