package io.github.hpcblueprints.rules;

import io.github.hpcblueprints.diagnostics.SourceTree;
import java.util.List;
import java.util.Optional;

/**
 * What the rules look at: one or more templates (a blueprint's resource-group and subscription templates, or the
 * files being linted), the model they were compiled from when there is one (only a {@link RuleSet}'s rules read
 * it), the profile, and Azure's schemas when a folder of them was given.
 *
 * @param models what the templates were made from, for the rules that judge it (the compiled environment, the
 *     whole build); none when linting files
 * @param blueprint the blueprint's merged YAML, to point domain findings at the line that decides them
 */
public record RuleContext(List<TemplateView> templates, List<?> models, Optional<SourceTree> blueprint,
        boolean hardened, Optional<SchemaLookup> schemas) {

    public RuleContext {
        templates = List.copyOf(templates);
        models = List.copyOf(models);
    }

    /** A context with at most one model. */
    public RuleContext(List<TemplateView> templates, Optional<?> model, Optional<SourceTree> blueprint,
            boolean hardened, Optional<SchemaLookup> schemas) {
        this(templates, model.<List<?>>map(List::of).orElse(List.of()), blueprint, hardened, schemas);
    }

    /** The model of this kind, when the context has one. */
    public <T> Optional<T> model(Class<T> kind) {
        return models.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    /** Every resource of every template, with the template it belongs to. */
    public List<Located> resources() {
        return templates.stream().flatMap(t -> t.resources().stream().map(r -> new Located(t, r))).toList();
    }

    public List<Located> resources(String type) {
        return resources().stream().filter(l -> l.resource().is(type)).toList();
    }

    /** The resource of this type whose {@code name} is written exactly so (an expression's text, brackets and all). */
    public Optional<Located> resource(String type, String writtenName) {
        return resources(type).stream().filter(l -> l.resource().json().path("name").asText("").equals(writtenName))
                .findFirst();
    }

    /** A resource and the template it is in. */
    public record Located(TemplateView template, ResourceView resource) {
        public Value value(String dotted) {
            return template.value(resource, dotted);
        }
    }
}
