package io.github.hpcblueprints.azure.identity;

import io.github.hpcblueprints.json.JsonTrees;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.Names;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;

/**
 * A user-assigned managed identity ({@code Microsoft.ManagedIdentity/userAssignedIdentities}): credentials Azure
 * rotates for you, so nothing on a VM or in a script holds a key. Give each role (CycleCloud, each project's
 * nodes) its own identity with only the rights it needs.
 */
public final class UserAssignedIdentity extends ResourceSpec<UserAssignedIdentity> {

    public static final String TYPE = "Microsoft.ManagedIdentity/userAssignedIdentities";
    public static final String API_VERSION = "2024-11-30";

    private UserAssignedIdentity(Expr name) {
        super(name, TYPE, API_VERSION);
        Names.general("managed identity", name, 128);
    }

    public static UserAssignedIdentity named(Expr name) {
        return new UserAssignedIdentity(name);
    }

    public static UserAssignedIdentity named(String name) {
        return named(Expr.str(name));
    }

    /** The identity's service principal object id, for role assignments. */
    public static Expr principalId(Ref<UserAssignedIdentity> identity) {
        return identity.property("principalId");
    }

    /** The client (application) id that software on a VM uses to ask for tokens. */
    public static Expr clientId(Ref<UserAssignedIdentity> identity) {
        return identity.property("clientId");
    }

    @Override
    protected UserAssignedIdentity self() {
        return this;
    }

    @Override
    public Resource toResource() {
        return base(true).properties(JsonTrees.object()).build();
    }
}
