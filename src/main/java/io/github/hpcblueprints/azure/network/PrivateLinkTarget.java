package io.github.hpcblueprints.azure.network;

import io.github.hpcblueprints.arm.Expr;

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

    /** The private DNS zone name in Azure's public cloud. */
    public String dnsZone() {
        return dnsZone;
    }

    /**
     * The private DNS zone name as a template computes it: storage zones end in the cloud's storage suffix
     * ({@code environment().suffixes.storage}), so the same template serves sovereign clouds and no endpoint URL is
     * hard-coded; Key Vault's {@code vaultcore} zone has no suffix in {@code environment()} and stays literal.
     */
    public Expr dnsZoneName() {
        return withStorageSuffix(dnsZone);
    }

    /**
     * A zone name or zone id ending in the public cloud's storage suffix, with the suffix taken from
     * {@code environment()}; anything else as it is.
     */
    public static Expr withStorageSuffix(String nameOrId) {
        String suffix = ".core.windows.net";
        if (nameOrId.endsWith(suffix) && nameOrId.indexOf('{') < 0 && nameOrId.indexOf('}') < 0) {
            String prefix = nameOrId.substring(0, nameOrId.length() - suffix.length() + 1);
            return Expr.format(prefix + "{0}", Expr.call("environment").path("suffixes.storage"));
        }
        return Expr.str(nameOrId);
    }
}
