package io.github.hpcblueprints.rules;

import io.github.hpcblueprints.diagnostics.SourceTree;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import java.util.List;
import java.util.Optional;

/**
 * What the rules look at: one or more templates (a blueprint's resource-group and subscription templates, or the
 * files being linted), the environment when there is one (rules about partitions, projects and sign-in need it), the
 * profile, and Azure's schemas when a folder of them was given.
 *
 * @param blueprint the blueprint's merged YAML, to point domain findings at the line that decides them
 */
public record RuleContext(List<TemplateView> templates, Optional<ClusterEnvironment> environment,
        Optional<SourceTree> blueprint, boolean hardened, Optional<SchemaLookup> schemas) {

    public RuleContext {
        templates = List.copyOf(templates);
    }

    /** Every resource of every template, with the template it belongs to. */
    public List<Located> resources() {
        return templates.stream().flatMap(t -> t.resources().stream().map(r -> new Located(t, r))).toList();
    }

    public List<Located> resources(String type) {
        return resources().stream().filter(l -> l.resource().is(type)).toList();
    }

    /** A resource and the template it is in. */
    public record Located(TemplateView template, ResourceView resource) {
        public Value value(String dotted) {
            return template.value(resource, dotted);
        }
    }
}
