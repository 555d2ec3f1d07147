package io.github.hpcblueprints.hpc;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.identity.UserAssignedIdentity;
import io.github.hpcblueprints.azure.keyvault.KeyVault;
import java.util.Map;
import java.util.Objects;

/**
 * What the identity part made: the groups' and administrator's parameters, the Key Vault, CycleCloud's identity and
 * the projects' identities. Storage and compute take it as an argument.
 *
 * @param keyVault the vault holding the CycleCloud administrator's password; null without a cluster
 * @param cycleCloudIdentityId CycleCloud's user-assigned identity (resource id); null without a cluster
 * @param cycleCloudPrincipalId its principal id; null without a cluster
 * @param cycleCloudClientId its client id; null without a cluster
 * @param nodeIdentity the identity cluster nodes read CycleCloud's locker with (never CycleCloud's own, which can
 *     create VMs and read the administrator password); null without a cluster
 */
record Identities(Expr adminsGroup, Expr researchersGroup, Map<String, Expr> projectGroups, Expr sshPublicKey,
        Expr adminUsername, Ref<KeyVault> keyVault, Expr cycleCloudIdentityId, Expr cycleCloudPrincipalId,
        Expr cycleCloudClientId, Map<String, Ref<UserAssignedIdentity>> projectIdentities,
        Ref<UserAssignedIdentity> nodeIdentity) {

    Identities {
        Objects.requireNonNull(adminsGroup);
        Objects.requireNonNull(researchersGroup);
        Objects.requireNonNull(sshPublicKey);
        Objects.requireNonNull(adminUsername);
        projectGroups = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(projectGroups));
        projectIdentities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(projectIdentities));
    }
}
