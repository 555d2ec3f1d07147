package io.github.hpcblueprints.hpc;

import java.util.Map;
import java.util.LinkedHashMap;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Parameter;
import io.github.hpcblueprints.azure.Deployment;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.authorization.BuiltInRole;
import io.github.hpcblueprints.azure.authorization.PrincipalType;
import io.github.hpcblueprints.azure.authorization.RoleAssignment;
import io.github.hpcblueprints.azure.authorization.RoleDefinition;
import io.github.hpcblueprints.azure.identity.UserAssignedIdentity;
import io.github.hpcblueprints.azure.keyvault.KeyVault;
import io.github.hpcblueprints.azure.network.PrivateLinkTarget;
import io.github.hpcblueprints.azure.resources.NestedDeployment;
import java.util.List;

/**
 * Who may do what: Key Vault for the one credential the environment keeps, the CycleCloud identity with a custom
 * role limited to this resource group, one identity per project, and roles for the Entra ID groups.
 */
final class IdentityPart {

    /**
     * What CycleCloud needs in the cluster's resource group: Microsoft's "CycleCloud Orchestrator Role" narrowed
     * to this group, without storage keys (the locker is reached with this identity), storage account writes,
     * public IPs or NSG changes.
     */
    static final List<String> CYCLECLOUD_ACTIONS = List.of(
            "Microsoft.Compute/*/read",
            "Microsoft.Compute/availabilitySets/*",
            "Microsoft.Compute/disks/*",
            "Microsoft.Compute/images/read",
            "Microsoft.Compute/virtualMachines/*",
            "Microsoft.Compute/virtualMachineScaleSets/*",
            "Microsoft.Compute/virtualMachineScaleSets/virtualMachines/*",
            "Microsoft.ManagedIdentity/userAssignedIdentities/*/assign/action",
            "Microsoft.Network/*/read",
            "Microsoft.Network/networkInterfaces/write",
            "Microsoft.Network/networkInterfaces/delete",
            "Microsoft.Network/networkInterfaces/join/action",
            "Microsoft.Network/networkSecurityGroups/join/action",
            "Microsoft.Network/virtualNetworks/subnets/join/action",
            "Microsoft.Resources/deployments/read",
            "Microsoft.Resources/subscriptions/resourceGroups/read",
            "Microsoft.Resources/subscriptions/resourceGroups/resources/read",
            "Microsoft.Storage/storageAccounts/read",
            "Microsoft.Storage/storageAccounts/blobServices/containers/read");

    /** The CycleCloud server, as calls name it. */
    static final String SERVER = "the CycleCloud server";

    private IdentityPart() {
    }

    /** The identities while they are being made; {@link #compile} returns them fixed. */
    private static final class Made {
        Expr adminsGroup;
        Expr researchersGroup;
        final Map<String, Expr> projectGroups = new LinkedHashMap<>();
        Expr sshPublicKey;
        Expr adminUsername;
        Ref<KeyVault> keyVault;
        Expr cycleCloudIdentityId;
        Expr cycleCloudPrincipalId;
        Expr cycleCloudClientId;
        final Map<String, Ref<UserAssignedIdentity>> projectIdentities = new LinkedHashMap<>();
        Ref<UserAssignedIdentity> nodeIdentity;

        Identities result() {
            return new Identities(adminsGroup, researchersGroup, projectGroups, sshPublicKey, adminUsername, keyVault,
                    cycleCloudIdentityId, cycleCloudPrincipalId, cycleCloudClientId, projectIdentities, nodeIdentity);
        }
    }

    static Identities compile(CompileContext c, NetworkResources net) {
        Made m = new Made();
        Access a = c.env.access();
        m.adminsGroup = c.param(groupParameter(a.admins()), value(a.admins().objectId()));
        m.researchersGroup = c.param(groupParameter(a.researchers()), value(a.researchers().objectId()));
        for (Project p : c.env.projects()) {
            m.projectGroups.put(p.name(), c.param(Parameter.string(p.groupParameter()).withDescription(
                    "Object id of the Entra ID group of project " + p.name() + "."), value(p.groupObjectId())));
        }
        m.sshPublicKey = c.param(Parameter.string("adminSshPublicKey").withDescription(
                "SSH public key of the break-glass administrator account (sign-in is normally with Entra ID)."));
        // a parameter, not a literal: linters (and reviewers) expect the admin user name to be chosen at deployment
        m.adminUsername = c.param(Parameter.string("adminUsername").withDescription("Name of the break-glass "
                + "administrator account on every VM (and of the CycleCloud administrator).").withMinLength(1)
                .withMaxLength(32).withDefault(c.env.cycleCloud().map(CycleCloudServer::adminUser).orElse("hpcadmin")));

        // administrators sign in to VMs as administrators, researchers as users, both through Entra ID
        // Entra ID SSH works where the AADSSHLoginForLinux extension is: research instances. Cluster nodes are
        // CycleCloud's, with the accounts (and SSH keys) of its own user management; the CycleCloud server has
        // only CycleCloud's identity. So these roles are assigned only where they let someone in.
        if (a.entraSshLogin() && !c.env.instances().isEmpty()) {
            c.d.add(RoleAssignment.onResourceGroup(BuiltInRole.VIRTUAL_MACHINE_ADMINISTRATOR_LOGIN, m.adminsGroup,
                    PrincipalType.Group).description("Administrators sign in to research instances with Entra ID."));
            c.d.add(RoleAssignment.onResourceGroup(BuiltInRole.VIRTUAL_MACHINE_USER_LOGIN, m.researchersGroup,
                    PrincipalType.Group).description("Researchers sign in to research instances with Entra ID."));
        }
        c.d.add(RoleAssignment.onResourceGroup(BuiltInRole.READER, m.researchersGroup, PrincipalType.Group)
                .description("Researchers see the environment's resources and costs."));

        if (c.env.cluster().isPresent()) {
            keyVault(c, net, m);
            cycleCloudIdentity(c, m);
            String purpose = "reads (on first boot: writes) the administrator password, secret cyclecloud-admin-password";
            c.calls.add(Call.as(SERVER, net.subnet(SubnetRole.ADMIN), m.cycleCloudPrincipalId, purpose, m.keyVault,
                    PrivateLinkTarget.KEY_VAULT, m.keyVault, BuiltInRole.KEY_VAULT_SECRETS_OFFICER));
            // CycleCloud attaches its locker identity to every node, where any user can take its token from the
            // instance metadata service: nodes get one of their own that can only read the locker
            m.nodeIdentity = c.d.add(c.place(UserAssignedIdentity.named(c.names.name("id", "nodes"))));
            c.facts.put("nodeIdentityId", m.nodeIdentity.id());
            if (a.cycleCloudEntraSignIn()) {
                c.facts.put("entraClientId", c.param(Parameter.string("cycleCloudEntraClientId").withDescription(
                        "Client id of the app registration CycleCloud signs users in with (created by an "
                                + "administrator: ARM cannot create app registrations)."),
                        value(a.cycleCloudEntraClientId())));
            }
        }
        for (Project p : c.env.projects()) {
            m.projectIdentities.put(p.name(), c.d.add(c.place(UserAssignedIdentity.named(c.names.name("id", p.name())),
                    p.name())));
        }
        return m.result();
    }

    private static Parameter groupParameter(Group g) {
        return Parameter.string(g.parameter()).withDescription("Object id of the Entra ID group of the environment's "
                + g.role() + ".");
    }

    private static JsonNode value(String v) {
        return v.isEmpty() ? null : Json.literal(v);
    }

    private static void keyVault(CompileContext c, NetworkResources net, Made m) {
        // purge protection keeps a deleted vault's name for its retention: a resource group deleted and deployed
        // again recovers the vault (and the administrator password in it) instead of failing on the name
        Expr createMode = c.param(Parameter.string("keyVaultCreateMode").withAllowed("default", "recover")
                .withDefault("default").withDescription("recover after the resource group was deleted and is "
                        + "deployed again: the vault is soft-deleted, keeps its name, and is brought back with its "
                        + "secrets (purge protection forbids purging it)."));
        KeyVault kv = c.place(KeyVault.named(Naming.variable(c.d, "keyVaultName", c.names.keyVault())))
                .createMode(createMode);
        if (!c.privateEndpoints()) {
            // the server reads and writes its secret from the admin subnet (service endpoint); nothing else gets in
            kv.allowPublicNetworkAccess().allowSubnet(net.subnet(SubnetRole.ADMIN));
            c.suppress("HPCB-NET-004", kv.name(), "baseline profile: reached through the vault's firewall, which "
                    + "admits only the CycleCloud server's subnet (service endpoint)");
        }
        m.keyVault = c.d.add(kv);
        c.d.add(RoleAssignment.on(m.keyVault, BuiltInRole.KEY_VAULT_SECRETS_USER, m.adminsGroup, PrincipalType.Group)
                .description("Administrators read the CycleCloud administrator's password."));
        if (c.privateEndpoints()) {
            StoragePart.privateEndpoint(c, net, m.keyVault, PrivateLinkTarget.KEY_VAULT, "kv");
        }
        c.facts.put("keyVaultName", m.keyVault.name());
    }

    private static void cycleCloudIdentity(CompileContext c, Made m) {
        CycleCloudServer cc = c.env.cycleCloud().orElseThrow();
        if (cc.usesExistingIdentity()) {
            // pre-authorised by an administrator where policy forbids role assignments from templates
            m.cycleCloudIdentityId = Expr.str(cc.existingIdentityId());
            Ref<UserAssignedIdentity> existing = Ref.ofId(UserAssignedIdentity.class, UserAssignedIdentity.TYPE,
                    UserAssignedIdentity.API_VERSION, m.cycleCloudIdentityId);
            m.cycleCloudPrincipalId = existing.property("principalId");
            m.cycleCloudClientId = existing.property("clientId");
            // the vault is made here, so no administrator can have granted this beforehand (like the locker's)
            vaultGrant(c, m);
            return;
        }
        Ref<UserAssignedIdentity> id = c.d.add(c.place(UserAssignedIdentity.named(c.names.name("id", "cyclecloud"))));
        m.cycleCloudIdentityId = id.id();
        m.cycleCloudPrincipalId = UserAssignedIdentity.principalId(id);
        m.cycleCloudClientId = UserAssignedIdentity.clientId(id);
        Ref<RoleDefinition> role = c.d.add(RoleDefinition.named("CycleCloud orchestrator (" + c.env.name() + ")")
                .description("Lets CycleCloud create and remove the cluster's VMs, scale sets, NICs and disks in this "
                        + "resource group, and assign the node identities; nothing else.")
                .actions(CYCLECLOUD_ACTIONS.toArray(String[]::new)));
        c.cycleCloudGrants.add(c.d.add(RoleAssignment.onResourceGroup(role, m.cycleCloudPrincipalId,
                PrincipalType.ServicePrincipal).description("CycleCloud runs the cluster in this resource group.")));
        vaultGrant(c, m);
        if (c.env.network() instanceof Network.Existing e && e.inOtherResourceGroup()) {
            subnetJoinElsewhere(c, e, m);
        }
    }

    private static void vaultGrant(CompileContext c, Made m) {
        c.cycleCloudGrants.add(c.d.add(RoleAssignment.on(m.keyVault, BuiltInRole.KEY_VAULT_SECRETS_OFFICER,
                m.cycleCloudPrincipalId,
                PrincipalType.ServicePrincipal).description("CycleCloud creates and reads its administrator "
                        + "password here on first boot.")));
    }

    /** A VNet in another resource group: CycleCloud may join its subnets, and do nothing else there. */
    private static void subnetJoinElsewhere(CompileContext c, Network.Existing e, Made m) {
        Deployment inner = Deployment.resourceGroup();
        Expr principal = inner.parameter(Parameter.string("principalId"));
        Ref<RoleDefinition> role = inner.add(RoleDefinition.named("CycleCloud subnet join (" + c.env.name() + ")")
                .description("Lets CycleCloud place cluster NICs in this resource group's subnets.")
                .actions("Microsoft.Network/virtualNetworks/read", "Microsoft.Network/virtualNetworks/subnets/read",
                        "Microsoft.Network/virtualNetworks/subnets/join/action"));
        inner.add(RoleAssignment.onResourceGroup(role, principal, PrincipalType.ServicePrincipal)
                .description("CycleCloud of environment " + c.env.name() + " joins cluster NICs to these subnets."));
        c.cycleCloudGrants.add(c.d.add(NestedDeployment.into(Expr.str(e.resourceGroup()),
                c.names.name("grant", "subnet-join"), inner.build()).parameter("principalId",
                        m.cycleCloudPrincipalId)));
    }
}
