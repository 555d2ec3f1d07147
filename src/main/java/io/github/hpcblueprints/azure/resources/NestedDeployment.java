package io.github.hpcblueprints.azure.resources;

import io.github.hpcblueprints.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.ArmJsonWriter;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.arm.Template;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A nested deployment ({@code Microsoft.Resources/deployments}) into another resource group: how one template
 * reaches a resource outside its own group, such as granting the CycleCloud identity the right to join a subnet of a
 * virtual network that lives elsewhere. The inner template is evaluated in its own scope; values pass in as
 * parameters.
 */
public final class NestedDeployment extends ResourceSpec<NestedDeployment> {

    public static final String TYPE = "Microsoft.Resources/deployments";
    public static final String API_VERSION = "2025-04-01";

    private final Expr resourceGroup;
    private final Template template;
    private final Map<String, Expr> parameters = new LinkedHashMap<>();

    private NestedDeployment(Expr name, Expr resourceGroup, Template template) {
        super(name, TYPE, API_VERSION);
        this.resourceGroup = Objects.requireNonNull(resourceGroup);
        this.template = Objects.requireNonNull(template);
    }

    public static NestedDeployment into(Expr resourceGroup, String name, Template template) {
        if (!name.matches("[-\\w._()]{1,64}")) {
            throw new IllegalArgumentException("deployment name '" + name + "' must be 1-64 letters, digits, "
                    + "'-', '_', '.', '(' or ')'");
        }
        return new NestedDeployment(Expr.str(name), resourceGroup, template);
    }

    /** Passes {@code value} (evaluated in this template) to the inner template's parameter {@code name}. */
    public NestedDeployment parameter(String name, Expr value) {
        if (template.parameter(name).isEmpty()) {
            throw new IllegalArgumentException("the inner template has no parameter '" + name + "'");
        }
        parameters.put(name, value);
        return this;
    }

    @Override
    protected NestedDeployment self() {
        return this;
    }

    @Override
    public Resource toResource() {
        ObjectNode params = JsonTrees.object();
        parameters.forEach((k, v) -> params.set(k, Json.obj("value", v)));
        return base(false).extra("resourceGroup", Json.expr(resourceGroup)).properties(Json.obj(
                "mode", "Incremental",
                "expressionEvaluationOptions", Json.obj("scope", "Inner"),
                "parameters", params,
                "template", ArmJsonWriter.tree(template))).build();
    }
}
