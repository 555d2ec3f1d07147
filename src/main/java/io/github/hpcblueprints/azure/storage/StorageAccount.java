package io.github.hpcblueprints.azure.storage;

import io.github.hpcblueprints.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.Names;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import io.github.hpcblueprints.azure.network.Cidr;
import io.github.hpcblueprints.azure.network.Subnet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A storage account ({@code Microsoft.Storage/storageAccounts}).
 *
 * <p>Secure defaults: HTTPS only, TLS 1.2 minimum, no anonymous blob access, shared-key (account key and SAS)
 * access off so every request is an Entra ID identity, Entra ID the default in the portal, no cross-tenant
 * replication, copies only within the tenant, no local (SFTP) users, public network access disabled with a
 * deny-by-default firewall (reach it through a private endpoint or allowed subnets), infrastructure (double)
 * encryption. Each loosening takes a written reason, which {@link #exceptions()} lists for the blueprint's docs
 * and the rules' report.
 */
public final class StorageAccount extends ResourceSpec<StorageAccount> {

    public static final String TYPE = "Microsoft.Storage/storageAccounts";
    public static final String API_VERSION = "2026-04-01";

    /** Account kinds: general purpose v2, premium files (needed for NFS shares), premium block blobs. */
    public enum Kind { StorageV2, FileStorage, BlockBlobStorage }

    private static final Set<String> SKUS = Set.of("Standard_LRS", "Standard_GRS", "Standard_RAGRS", "Standard_ZRS",
            "Premium_LRS", "Premium_ZRS", "Standard_GZRS", "Standard_RAGZRS");

    private Kind kind = Kind.StorageV2;
    private String sku = "Standard_ZRS";
    private boolean hns;
    private boolean nfsV3;
    private boolean publicNetwork;
    private boolean sharedKey;
    private boolean httpAllowed;
    private boolean infrastructureEncryption = true;
    private final List<Expr> subnetRules = new ArrayList<>();
    private final List<String> ipRules = new ArrayList<>();
    private final Map<String, String> exceptions = new LinkedHashMap<>();

    private StorageAccount(Expr name) {
        super(name, TYPE, API_VERSION);
        Names.storageAccount(name);
    }

    public static StorageAccount named(Expr name) {
        return new StorageAccount(name);
    }

    public static StorageAccount named(String name) {
        return named(Expr.str(name));
    }

    public StorageAccount kind(Kind value) {
        this.kind = Objects.requireNonNull(value);
        if (value != Kind.StorageV2 && sku.startsWith("Standard")) {
            sku = "Premium_LRS";
        }
        return this;
    }

    public StorageAccount sku(String value) {
        if (!SKUS.contains(value)) {
            throw new IllegalArgumentException("storage SKU '" + value + "' is not one of " + SKUS);
        }
        this.sku = value;
        return this;
    }

    /** Data Lake Storage (hierarchical namespace): directories with POSIX ACLs; needed for blob NFS v3. */
    public StorageAccount hierarchicalNamespace(boolean value) {
        this.hns = value;
        return this;
    }

    /**
     * Blob NFS v3. Azure requires secure transfer off for it (NFS v3 has no TLS), so the account must be reachable
     * only from its virtual network; {@code reason} is recorded.
     */
    public StorageAccount nfsV3(String reason) {
        this.hns = true;
        this.nfsV3 = true;
        return allowHttp(reason);
    }

    /** Public endpoint reachable, still behind the deny-by-default firewall (allowed subnets and IPs only). */
    public StorageAccount allowPublicNetworkAccess(String reason) {
        this.publicNetwork = true;
        exceptions.put("publicNetworkAccess", reason(reason));
        return this;
    }

    /** Account keys and SAS tokens work again (Azure Managed Lustre's blob integration needs them). */
    public StorageAccount allowSharedKeyAccess(String reason) {
        this.sharedKey = true;
        exceptions.put("allowSharedKeyAccess", reason(reason));
        return this;
    }

    /** Accepts unencrypted HTTP/NFS traffic (Azure requires it for NFS v3 and for NFS shares without TLS). */
    public StorageAccount allowHttp(String reason) {
        this.httpAllowed = true;
        exceptions.put("supportsHttpsTrafficOnly", reason(reason));
        return this;
    }

    /** Lets a subnet (with the Microsoft.Storage service endpoint) through the firewall. */
    public StorageAccount allowSubnet(Ref<Subnet> subnet) {
        subnetRules.add(subnet.id());
        return this;
    }

    /** Lets a public IP range through the firewall (only meaningful with public network access). */
    public StorageAccount allowIpRange(String cidr) {
        Cidr.parse(cidr);
        ipRules.add(cidr);
        return this;
    }

    /** Skips the second (infrastructure) encryption layer; it can only be chosen at creation. */
    public StorageAccount withoutInfrastructureEncryption() {
        this.infrastructureEncryption = false;
        return this;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isHierarchicalNamespace() {
        return hns;
    }

    /** The secure defaults this account gives up, each with its reason. */
    public Map<String, String> exceptions() {
        return Map.copyOf(exceptions);
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("loosening a secure default needs a written reason");
        }
        return reason;
    }

    /** True when the public endpoint answers (behind the deny-by-default firewall). */
    public boolean publicNetworkAccess() {
        return publicNetwork;
    }

    /** The subnets the firewall admits, by id. */
    public java.util.List<Expr> subnetRules() {
        return java.util.List.copyOf(subnetRules);
    }

    @Override
    protected StorageAccount self() {
        return this;
    }

    @Override
    public Resource toResource() {
        if (kind == Kind.FileStorage && !sku.startsWith("Premium")) {
            throw new IllegalArgumentException("a FileStorage account needs a Premium SKU, not " + sku);
        }
        if (nfsV3 && kind == Kind.FileStorage) {
            throw new IllegalArgumentException("blob NFS v3 needs a StorageV2 or BlockBlobStorage account");
        }
        ArrayNode vnetRules = JsonTrees.array();
        subnetRules.forEach(id -> vnetRules.add(Json.obj("id", id, "action", "Allow")));
        ArrayNode ips = JsonTrees.array();
        ipRules.forEach(ip -> ips.add(Json.obj("value", ip, "action", "Allow")));
        ObjectNode props = Json.obj(
                "supportsHttpsTrafficOnly", !httpAllowed,
                "minimumTlsVersion", "TLS1_2",
                "allowBlobPublicAccess", false,
                "allowSharedKeyAccess", sharedKey,
                "defaultToOAuthAuthentication", true,
                "allowCrossTenantReplication", false,
                "allowedCopyScope", "AAD",
                "isLocalUserEnabled", false,
                "isSftpEnabled", false,
                "publicNetworkAccess", publicNetwork ? "Enabled" : "Disabled",
                "networkAcls", Json.obj("defaultAction", "Deny", "bypass", "AzureServices",
                        "virtualNetworkRules", vnetRules, "ipRules", ips),
                "encryption", Json.obj("keySource", "Microsoft.Storage",
                        "requireInfrastructureEncryption", infrastructureEncryption,
                        "services", Json.obj(
                                "blob", Json.obj("enabled", true, "keyType", "Account"),
                                "file", Json.obj("enabled", true, "keyType", "Account"))));
        if (kind != Kind.FileStorage) {
            props.put("accessTier", "Hot");
        }
        if (hns) {
            props.put("isHnsEnabled", true);
        }
        if (nfsV3) {
            props.put("isNfsV3Enabled", true);
        }
        return base(true).sku(Json.obj("name", sku)).kind(kind.name()).properties(props).build();
    }
}
