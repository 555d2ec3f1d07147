package io.github.hpcblueprints.azure.resources;

import io.github.hpcblueprints.arm.ArmJsonWriter;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.arm.ResourceNames;
import io.github.hpcblueprints.arm.Template;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.List;
import java.util.Objects;

/**
 * One immutable version of a template spec ({@code Microsoft.Resources/templateSpecs/versions}) holding a whole
 * template. Its expressions belong to that template, evaluated when someone deploys the spec, not here.
 */
public final class TemplateSpecVersion extends ResourceSpec<TemplateSpecVersion> {

    public static final String TYPE = "Microsoft.Resources/templateSpecs/versions";
    public static final String API_VERSION = TemplateSpec.API_VERSION;

    private final Template template;
    private String description = "";

    private TemplateSpecVersion(Expr name, Template template) {
        super(name, TYPE, API_VERSION);
        this.template = Objects.requireNonNull(template);
    }

    public static TemplateSpecVersion of(Ref<TemplateSpec> spec, String version, Template template) {
        if (!version.matches("[A-Za-z0-9._()-]{1,90}")) {
            throw new IllegalArgumentException("template spec version '" + version + "' must be 1-90 letters, "
                    + "digits, '.', '_', '-', '(' or ')'");
        }
        return new TemplateSpecVersion(ResourceNames.join(List.of(spec.name(), Expr.str(version))), template);
    }

    public TemplateSpecVersion description(String text) {
        this.description = text;
        return this;
    }

    @Override
    protected TemplateSpecVersion self() {
        return this;
    }

    @Override
    public Resource toResource() {
        // the inner template's expressions must reach ARM unevaluated: escape every string that looks like one
        return base(true).properties(Json.obj("description", description,
                "mainTemplate", Escaping.escapeExpressions(ArmJsonWriter.tree(template)))).build();
    }
}
