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

    /**
     * Refuses an existing private DNS zone id that is not a zone of this service: a malformed resource id, or the
     * zone of another service (a blob endpoint registered in the file zone resolves nowhere).
     */
    public void checkZoneId(String zoneId) {
        io.github.hpcblueprints.azure.Names.resourceId("private DNS zone id", zoneId,
                "Microsoft.Network/privateDnsZones");
        String name = io.github.hpcblueprints.azure.Names.lastSegment(zoneId).toLowerCase(java.util.Locale.ROOT);
        java.util.List<String> names = zoneNamesInEveryCloud();
        if (!names.contains(name)) {
            throw new IllegalArgumentException("private DNS zone '" + name + "' is not the zone for " + groupId
                    + " endpoints; it must be " + names.get(0) + " (in sovereign clouds " + names.get(1) + " or "
                    + names.get(2) + ")");
        }
    }

    /** The zone's name in Azure's public, US Government and China clouds. */
    java.util.List<String> zoneNamesInEveryCloud() {
        if (this == KEY_VAULT) {
            return java.util.List.of(dnsZone, dnsZone.replace("azure.net", "usgovcloudapi.net"),
                    dnsZone.replace("azure.net", "azure.cn"));
        }
        return java.util.List.of(dnsZone, dnsZone.replace("core.windows.net", "core.usgovcloudapi.net"),
                dnsZone.replace("core.windows.net", "core.chinacloudapi.cn"));
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
