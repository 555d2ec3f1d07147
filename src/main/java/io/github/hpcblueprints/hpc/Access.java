package io.github.hpcblueprints.hpc;

import java.util.Objects;

/**
 * Who gets in, and how. Entra ID groups map to Azure roles (administrators: Virtual Machine Administrator Login;
 * researchers: Virtual Machine User Login and read access), SSH to VMs is by Entra ID sign-in where enabled, and
 * CycleCloud's web UI signs users in with Entra ID through an app registration the administrator creates (ARM
 * cannot create app registrations).
 *
 * @param cycleCloudEntraSignIn CycleCloud's web UI signs users in with Entra ID (otherwise local accounts, which
 *     need {@code localSignInReason})
 * @param cycleCloudEntraClientId the app registration's client id when the blueprint knows it (it then goes to the
 *     parameters file; otherwise it is supplied at deployment)
 */
public record Access(Group admins, Group researchers, boolean entraSshLogin, boolean cycleCloudEntraSignIn,
        String cycleCloudEntraClientId, String localSignInReason) {

    public Access {
        Objects.requireNonNull(admins);
        Objects.requireNonNull(researchers);
        Objects.requireNonNull(cycleCloudEntraClientId);
        Objects.requireNonNull(localSignInReason);
        if (!cycleCloudEntraSignIn && localSignInReason.isBlank()) {
            throw new IllegalArgumentException("CycleCloud without Entra ID sign-in needs localSignInReason: local "
                    + "accounts are passwords nobody else controls");
        }
        if (!cycleCloudEntraClientId.isEmpty()
                && !cycleCloudEntraClientId.matches("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")) {
            throw new IllegalArgumentException("entraClientId '" + cycleCloudEntraClientId + "' is not a GUID");
        }
    }

    public static Access defaults() {
        return new Access(new Group("admins", "adminsGroupObjectId", ""),
                new Group("researchers", "researchersGroupObjectId", ""), true, true, "", "");
    }
    /** CycleCloud signs users in with its own local accounts; the reason is required and shown in the docs. */
    public Access withLocalSignIn(String reason) {
        return new Access(admins, researchers, entraSshLogin, false, "", reason);
    }

    /** The CycleCloud app registration's client id, when known at generation time. */
    public Access withEntraClientId(String clientId) {
        return new Access(admins, researchers, entraSshLogin, cycleCloudEntraSignIn, clientId, localSignInReason);
    }

    /** Object ids of the admins' and researchers' groups, for the parameters file. */
    public Access withGroupObjectIds(String adminsObjectId, String researchersObjectId) {
        return new Access(new Group(admins.role(), admins.parameter(), adminsObjectId),
                new Group(researchers.role(), researchers.parameter(), researchersObjectId), entraSshLogin,
                cycleCloudEntraSignIn, cycleCloudEntraClientId, localSignInReason);
    }

}
