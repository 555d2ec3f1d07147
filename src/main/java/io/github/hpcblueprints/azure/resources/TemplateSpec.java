package io.github.hpcblueprints.azure.resources;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.Names;
import io.github.hpcblueprints.azure.ResourceSpec;

/**
 * A template spec ({@code Microsoft.Resources/templateSpecs}): a versioned, access-controlled home for an approved
 * template, so research groups deploy what governance reviewed instead of a copy that drifted. With Azure Blueprints
 * retiring, template specs plus deployment stacks and policy carry governed environments.
 */
public final class TemplateSpec extends ResourceSpec<TemplateSpec> {

    public static final String TYPE = "Microsoft.Resources/templateSpecs";
    public static final String API_VERSION = "2022-02-01";

    private String description = "";

    private TemplateSpec(Expr name) {
        super(name, TYPE, API_VERSION);
        Names.general("template spec", name, 90);
    }

    public static TemplateSpec named(String name) {
        return new TemplateSpec(Expr.str(name));
    }

    public TemplateSpec description(String text) {
        this.description = text;
        return this;
    }

    @Override
    protected TemplateSpec self() {
        return this;
    }

    @Override
    public Resource toResource() {
        return base(true).properties(Json.obj("description", description)).build();
    }
}
