package io.github.hpcblueprints.azure.resources;

import io.github.hpcblueprints.arm.ArmJsonWriter;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.arm.Template;
import io.github.hpcblueprints.azure.Names;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A deployment stack ({@code Microsoft.Resources/deploymentStacks}) at resource-group scope: deploys a template and
 * keeps its resources as designed. Secure defaults: deny settings {@code denyWriteAndDelete} on the managed
 * resources (only the stack, or excluded principals, can change them), applied to child scopes; resources dropped
 * from the template are detached, never deleted by surprise.
 */
public final class DeploymentStack extends ResourceSpec<DeploymentStack> {

    public static final String TYPE = "Microsoft.Resources/deploymentStacks";
    public static final String API_VERSION = "2025-07-01";

    /** Deny-settings modes. */
    public enum DenyMode { denyDelete, denyWriteAndDelete, none }

    private final Template template;
    private DenyMode mode = DenyMode.denyWriteAndDelete;
    private final List<Expr> excludedPrincipals = new ArrayList<>();
    private boolean deleteUnmanaged;
    private String description = "";

    private DeploymentStack(Expr name, Template template) {
        super(name, TYPE, API_VERSION);
        Names.general("deployment stack", name, 90);
        this.template = Objects.requireNonNull(template);
    }

    public static DeploymentStack named(String name, Template template) {
        return new DeploymentStack(Expr.str(name), template);
    }

    public DeploymentStack denyMode(DenyMode value) {
        this.mode = value;
        return this;
    }

    /** A principal (the platform team's group) that may still change the stack's resources; at most five. */
    public DeploymentStack excludePrincipal(Expr objectId) {
        if (excludedPrincipals.size() == 5) {
            throw new IllegalArgumentException("a deployment stack excludes at most five principals");
        }
        excludedPrincipals.add(objectId);
        return this;
    }

    /** Deletes resources that leave the template (default: detach them). */
    public DeploymentStack deleteUnmanagedResources() {
        this.deleteUnmanaged = true;
        return this;
    }

    public DeploymentStack description(String text) {
        this.description = text;
        return this;
    }

    @Override
    protected DeploymentStack self() {
        return this;
    }

    @Override
    public Resource toResource() {
        String action = deleteUnmanaged ? "delete" : "detach";
        return base(false).properties(Json.obj(
                "description", description,
                "template", Escaping.escapeExpressions(ArmJsonWriter.tree(template)),
                "actionOnUnmanage", Json.obj("resources", action, "resourceGroups", action,
                        "managementGroups", "detach"),
                "denySettings", Json.obj("mode", mode.name(), "applyToChildScopes", true,
                        "excludedPrincipals", Json.arrOf(excludedPrincipals)))).build();
    }
}
