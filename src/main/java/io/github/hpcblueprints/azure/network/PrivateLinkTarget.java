package io.github.hpcblueprints.azure.network;

/**
 * What a private endpoint connects to: the target service's group id and the private DNS zone (Azure public cloud)
 * that must resolve its name to the endpoint's private address.
 */
public enum PrivateLinkTarget {
    BLOB("Microsoft.Storage/storageAccounts", "blob", "privatelink.blob.core.windows.net"),
    DFS("Microsoft.Storage/storageAccounts", "dfs", "privatelink.dfs.core.windows.net"),
    FILE("Microsoft.Storage/storageAccounts", "file", "privatelink.file.core.windows.net"),
    QUEUE("Microsoft.Storage/storageAccounts", "queue", "privatelink.queue.core.windows.net"),
    TABLE("Microsoft.Storage/storageAccounts", "table", "privatelink.table.core.windows.net"),
    KEY_VAULT("Microsoft.KeyVault/vaults", "vault", "privatelink.vaultcore.azure.net");

    private final String targetType;
    private final String groupId;
    private final String dnsZone;

    PrivateLinkTarget(String targetType, String groupId, String dnsZone) {
        this.targetType = targetType;
        this.groupId = groupId;
        this.dnsZone = dnsZone;
    }

    /** The resource type a private endpoint of this kind connects to. */
    public String targetType() {
        return targetType;
    }

    /** The {@code groupIds} entry of the private link connection. */
    public String groupId() {
        return groupId;
    }

    /** The private DNS zone name. */
    public String dnsZone() {
        return dnsZone;
    }
}
