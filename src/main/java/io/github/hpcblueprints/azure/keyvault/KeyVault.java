package io.github.hpcblueprints.azure.keyvault;

import io.github.hpcblueprints.json.JsonTrees;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.Names;
import io.github.hpcblueprints.azure.ResourceSpec;

/**
 * A key vault ({@code Microsoft.KeyVault/vaults}) for the credentials the environment needs at run time (the
 * CycleCloud administrator's password, a database password), read by managed identities, never written into
 * templates or scripts.
 *
 * <p>Secure defaults: Azure RBAC authorisation (no access policies), soft delete with 90-day retention and purge
 * protection (a deleted secret can be recovered and cannot be purged early), public network access disabled with a
 * deny-by-default firewall, not readable by ARM deployments unless {@link #allowTemplateDeploymentReferences()}.
 */
public final class KeyVault extends ResourceSpec<KeyVault> {

    public static final String TYPE = "Microsoft.KeyVault/vaults";
    public static final String API_VERSION = "2026-02-01";

    private boolean templateDeployment;
    private boolean publicNetwork;
    private int retentionDays = 90;
    private final java.util.List<Expr> subnetRules = new java.util.ArrayList<>();
    private Expr createMode;

    private KeyVault(Expr name) {
        super(name, TYPE, API_VERSION);
        Names.keyVault(name);
    }

    public static KeyVault named(Expr name) {
        return new KeyVault(name);
    }

    public static KeyVault named(String name) {
        return named(Expr.str(name));
    }

    /** Lets ARM read secrets for Key Vault references in parameters files (the deployer still needs rights). */
    public KeyVault allowTemplateDeploymentReferences() {
        this.templateDeployment = true;
        return this;
    }

    /** Public endpoint reachable, still behind the deny-by-default firewall. */
    public KeyVault allowPublicNetworkAccess() {
        this.publicNetwork = true;
        return this;
    }

    /**
     * Lets a subnet (with the {@code Microsoft.KeyVault} service endpoint) through the firewall. Without a private
     * endpoint this is the only way a VM reaches the vault: {@code bypass: AzureServices} covers Azure's own
     * services (Backup, ARM deployments), not a VM's calls.
     */
    public KeyVault allowSubnet(io.github.hpcblueprints.azure.Ref<io.github.hpcblueprints.azure.network.Subnet> subnet) {
        subnetRules.add(subnet.id());
        return this;
    }

    /**
     * {@code createMode}, for a vault that may have to be recovered: with purge protection a deleted vault keeps its
     * name for the retention period, so recreating it (a resource group deleted and deployed again) needs
     * {@code recover}.
     */
    public KeyVault createMode(Expr mode) {
        this.createMode = mode;
        return this;
    }

    /** Days a deleted vault or secret can be recovered (7-90). */
    public KeyVault softDeleteRetentionDays(int days) {
        if (days < 7 || days > 90) {
            throw new IllegalArgumentException("soft-delete retention " + days + " days is outside 7-90");
        }
        this.retentionDays = days;
        return this;
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
    protected KeyVault self() {
        return this;
    }

    @Override
    public Resource toResource() {
        com.fasterxml.jackson.databind.node.ArrayNode rules = JsonTrees.array();
        subnetRules.forEach(id -> rules.add(Json.obj("id", id, "ignoreMissingVnetServiceEndpoint", false)));
        com.fasterxml.jackson.databind.node.ObjectNode props = Json.obj(
                "tenantId", Expr.tenantId(),
                "sku", Json.obj("family", "A", "name", "standard"),
                "enableRbacAuthorization", true,
                "enableSoftDelete", true,
                "softDeleteRetentionInDays", retentionDays,
                "enablePurgeProtection", true,
                "enabledForDeployment", false,
                "enabledForDiskEncryption", false,
                "enabledForTemplateDeployment", templateDeployment,
                "publicNetworkAccess", publicNetwork ? "Enabled" : "Disabled",
                "networkAcls", Json.obj("defaultAction", "Deny", "bypass", "AzureServices",
                        "ipRules", JsonTrees.array(), "virtualNetworkRules", rules));
        if (createMode != null) {
            props.set("createMode", Json.expr(createMode));
        }
        return base(true).properties(props).build();
    }
}
