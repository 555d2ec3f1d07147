package io.github.hpcblueprints.azure.authorization;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.Objects;

/**
 * A policy assignment ({@code Microsoft.Authorization/policyAssignments}) of a built-in definition at the deployment's
 * scope (resource group or subscription): guard rails that hold even for people who never read the blueprint.
 * Enforced ({@code Default}) unless {@link #auditOnly()}; a non-compliance message tells people what to do.
 */
public final class PolicyAssignment extends ResourceSpec<PolicyAssignment> {

    public static final String TYPE = "Microsoft.Authorization/policyAssignments";
    public static final String API_VERSION = "2026-06-01";

    private final BuiltInPolicy policy;
    private final JsonNode value;
    private String displayName;
    private String message = "";
    private boolean enforce = true;

    private PolicyAssignment(String name, BuiltInPolicy policy, JsonNode value) {
        super(Expr.str(name), TYPE, API_VERSION);
        if (name.isBlank() || name.length() > 64 || name.matches(".*[<>*%&:\\\\?.+/].*")) {
            throw new IllegalArgumentException("policy assignment name '" + name + "' must be 1-64 characters "
                    + "without <>*%&:\\?.+/");
        }
        this.policy = Objects.requireNonNull(policy);
        this.value = Objects.requireNonNull(value);
        this.displayName = name;
    }

    /** Assigns {@code policy} with its one parameter set to {@code value} (a list, or a tag name). */
    public static PolicyAssignment of(String name, BuiltInPolicy policy, Object value) {
        return new PolicyAssignment(name, policy, Json.node(value));
    }

    public PolicyAssignment displayName(String text) {
        this.displayName = text;
        return this;
    }

    public PolicyAssignment nonComplianceMessage(String text) {
        this.message = text;
        return this;
    }

    /** Records violations without denying them. */
    public PolicyAssignment auditOnly() {
        this.enforce = false;
        return this;
    }

    public BuiltInPolicy policy() {
        return policy;
    }

    @Override
    protected PolicyAssignment self() {
        return this;
    }

    @Override
    public Resource toResource() {
        var props = Json.obj(
                "displayName", displayName,
                "policyDefinitionId", policy.definitionId(),
                "enforcementMode", enforce ? "Default" : "DoNotEnforce",
                "parameters", Json.obj(policy.parameter(), Json.obj("value", value)));
        if (!message.isEmpty()) {
            props.set("nonComplianceMessages", Json.arr(Json.obj("message", message)));
        }
        Resource.Builder b = Resource.builder(TYPE, API_VERSION, name).dependsOn(dependsOn).properties(props);
        if (policy.modifies()) {
            if (location == null) {
                throw new IllegalArgumentException("policy assignment " + name.toArmString() + " modifies "
                        + "resources, so it needs an identity and therefore a location");
            }
            b.location(location).identity(Json.obj("type", "SystemAssigned"));
        }
        return b.build();
    }
}
