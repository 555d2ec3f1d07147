package io.github.hpcblueprints.azure.authorization;

import io.github.hpcblueprints.json.JsonTrees;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A custom role ({@code Microsoft.Authorization/roleDefinitions}) assignable only in the deployment's resource group
 * (or, from a subscription-scope template, {@link #atSubscription its subscription}):
 * least privilege where no built-in role is narrow enough (the CycleCloud identity needs to create VMs, NICs and
 * disks, not to own the subscription). Its name is {@code guid(resourceGroup().id, roleName)}, stable across
 * deployments. The role name Azure shows must be unique in the whole tenant, so it is written with a hash of the
 * scope it is assignable in: a second copy of the same template (another resource group or subscription) makes
 * its own role instead of failing with {@code RoleDefinitionWithSameNameExists}. A bare {@code *} action is
 * refused: it is Owner under another name.
 */
public final class RoleDefinition extends ResourceSpec<RoleDefinition> {

    public static final String TYPE = "Microsoft.Authorization/roleDefinitions";
    public static final String API_VERSION = "2022-04-01";
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9.]+(/[A-Za-z0-9*._-]+)+");

    private final String roleName;
    private boolean subscriptionScope;
    private String description = "";
    private final List<String> actions = new ArrayList<>();
    private final List<String> notActions = new ArrayList<>();
    private final List<String> dataActions = new ArrayList<>();

    private RoleDefinition(String roleName, boolean subscriptionScope) {
        super(Expr.guid(subscriptionScope ? Expr.subscription().prop("id") : Expr.resourceGroupId(),
                Expr.str(roleName)), TYPE, API_VERSION);
        this.subscriptionScope = subscriptionScope;
        if (roleName.isBlank() || roleName.length() > 512) {
            throw new IllegalArgumentException("role name must be 1-512 characters");
        }
        this.roleName = roleName;
    }

    public static RoleDefinition named(String roleName) {
        return new RoleDefinition(roleName, false);
    }

    /** A role deployed by a subscription-scope template, assignable across the subscription. */
    public static RoleDefinition atSubscription(String roleName) {
        return new RoleDefinition(roleName, true);
    }

    /** The id role assignments use. */
    public static Expr definitionId(Ref<RoleDefinition> role) {
        return Expr.subscriptionResourceId(TYPE, role.name());
    }

    public RoleDefinition description(String text) {
        this.description = text;
        return this;
    }

    public RoleDefinition actions(String... values) {
        for (String v : values) {
            actions.add(check(v));
        }
        return this;
    }

    public RoleDefinition notActions(String... values) {
        for (String v : values) {
            notActions.add(check(v));
        }
        return this;
    }

    public RoleDefinition dataActions(String... values) {
        for (String v : values) {
            dataActions.add(check(v));
        }
        return this;
    }

    public String roleName() {
        return roleName;
    }

    public List<String> actions() {
        return List.copyOf(actions);
    }

    private static String check(String action) {
        if (action.equals("*") || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("'" + action + "' is not a narrow action such as "
                    + "Microsoft.Compute/virtualMachines/write (a bare '*' is refused)");
        }
        return action;
    }

    @Override
    protected RoleDefinition self() {
        return this;
    }

    @Override
    public Resource toResource() {
        if (actions.isEmpty() && dataActions.isEmpty()) {
            throw new IllegalArgumentException("custom role '" + roleName + "' grants nothing");
        }
        var permission = Json.obj("actions", actions, "notActions", notActions, "dataActions", dataActions,
                "notDataActions", JsonTrees.array());
        return Resource.builder(TYPE, API_VERSION, name).dependsOn(dependsOn).properties(Json.obj(
                "roleName", Expr.call("format", Expr.str("{0} [{1}]"), Expr.str(roleName),
                        Expr.call("uniqueString", scopeId())),
                "description", description,
                "type", "CustomRole",
                "permissions", Json.arr(permission),
                "assignableScopes", Json.arr(scopeId()))).build();
    }

    private Expr scopeId() {
        return subscriptionScope ? Expr.subscription().prop("id") : Expr.resourceGroupId();
    }
}
