package io.github.hpcblueprints.azure.authorization;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A role assignment ({@code Microsoft.Authorization/roleAssignments}): a principal gets a role at a scope (a
 * resource, or the deployment's resource group).
 *
 * <p>Its name is {@code guid(scope, principal, role)}, so redeploying updates the same assignment instead of failing
 * on a duplicate. ARM needs names at the start of a deployment, so a principal only known at run time
 * ({@code reference(identity).principalId}) is stood for in the name by the identity's resource id. The principal type is always given. Owner and User Access Administrator are refused unless
 * {@link #allowPrivilegedRole(String)} says why: a template that can grant access can grant it to anyone.
 */
public final class RoleAssignment extends ResourceSpec<RoleAssignment> {

    public static final String TYPE = "Microsoft.Authorization/roleAssignments";
    public static final String API_VERSION = "2022-04-01";

    private final Expr scope;
    private final Expr roleDefinitionId;
    private final Expr principalId;
    private final PrincipalType principalType;
    private final BuiltInRole builtIn;
    private String description = "";
    private String privilegeReason = "";

    private RoleAssignment(Expr name, Expr scope, Expr roleDefinitionId, BuiltInRole builtIn, Expr principalId,
            PrincipalType principalType) {
        super(name, TYPE, API_VERSION);
        this.scope = scope;
        this.roleDefinitionId = roleDefinitionId;
        this.builtIn = builtIn;
        this.principalId = Objects.requireNonNull(principalId);
        this.principalType = Objects.requireNonNull(principalType);
    }

    /** A built-in role on a resource. */
    public static RoleAssignment on(Ref<?> target, BuiltInRole role, Expr principalId, PrincipalType type) {
        return new RoleAssignment(Expr.guid(target.id(), seed(principalId), role.definitionId()), target.scopeRef(),
                role.definitionId(), role, principalId, type);
    }

    /** A custom role on a resource. */
    public static RoleAssignment on(Ref<?> target, Ref<RoleDefinition> role, Expr principalId, PrincipalType type) {
        Expr roleId = RoleDefinition.definitionId(role);
        return new RoleAssignment(Expr.guid(target.id(), seed(principalId), roleId), target.scopeRef(), roleId, null,
                principalId, type);
    }

    /** A built-in role on the deployment's resource group. */
    public static RoleAssignment onResourceGroup(BuiltInRole role, Expr principalId, PrincipalType type) {
        return new RoleAssignment(Expr.guid(Expr.resourceGroupId(), seed(principalId), role.definitionId()), null,
                role.definitionId(), role, principalId, type);
    }

    /** A custom role on the deployment's resource group. */
    public static RoleAssignment onResourceGroup(Ref<RoleDefinition> role, Expr principalId, PrincipalType type) {
        Expr roleId = RoleDefinition.definitionId(role);
        return new RoleAssignment(Expr.guid(Expr.resourceGroupId(), seed(principalId), roleId), null, roleId, null,
                principalId, type);
    }

    /** A custom role on the deployment's subscription (from a subscription-scope template). */
    public static RoleAssignment onSubscription(Ref<RoleDefinition> role, Expr principalId, PrincipalType type) {
        Expr roleId = RoleDefinition.definitionId(role);
        return new RoleAssignment(Expr.guid(Expr.subscription().prop("id"), seed(principalId), roleId), null, roleId, null,
                principalId, type);
    }

    /** What names the principal in the assignment's name: deterministic before the deployment starts. */
    static Expr seed(Expr principalId) {
        for (Expr.Call c : principalId.calls()) {
            if (c.is("reference") && !c.args().isEmpty()) {
                return c.arg(0);
            }
            if (c.name().toLowerCase(Locale.ROOT).startsWith("list")) {
                throw new IllegalArgumentException("principal " + principalId.toArmString() + " comes from "
                        + c.name() + "(), which ARM evaluates only during deployment; pass the identity's "
                        + "principalId through reference() or a parameter");
            }
        }
        return principalId;
    }

    /** The built-in role it assigns; empty for a custom role. */
    public Optional<BuiltInRole> builtInRole() {
        return Optional.ofNullable(builtIn);
    }

    /** Who gets the role. */
    public Expr principalId() {
        return principalId;
    }

    /** The resource it is assigned on (its scope reference); empty when it is the deployment's resource group or subscription. */
    public Optional<Expr> scope() {
        return Optional.ofNullable(scope);
    }

    public RoleAssignment description(String text) {
        this.description = text;
        return this;
    }

    /** Permits Owner or User Access Administrator; the reason is kept with the assignment. */
    public RoleAssignment allowPrivilegedRole(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a privileged role assignment needs a written reason");
        }
        this.privilegeReason = reason;
        return this;
    }

    @Override
    protected RoleAssignment self() {
        return this;
    }

    @Override
    public Resource toResource() {
        if (builtIn != null && builtIn.isPrivileged() && privilegeReason.isEmpty()) {
            throw new IllegalArgumentException("role assignment of " + builtIn.displayName() + " refused: it lets "
                    + "the principal grant access to others; use a narrower role or allowPrivilegedRole(reason)");
        }
        var props = Json.obj("roleDefinitionId", roleDefinitionId, "principalId", principalId,
                "principalType", principalType.name());
        String text = privilegeReason.isEmpty() ? description
                : (description + (description.isEmpty() ? "" : " ") + "Privileged: " + privilegeReason);
        if (!text.isEmpty()) {
            props.put("description", text);
        }
        Resource.Builder b = Resource.builder(TYPE, API_VERSION, name).dependsOn(dependsOn).properties(props);
        if (scope != null) {
            b.scope(scope);
        }
        if (condition != null) {
            b.condition(condition);
        }
        return b.build();
    }
}
