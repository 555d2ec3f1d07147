package io.github.hpcblueprints.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.build.Build;
import io.github.hpcblueprints.build.BuiltTemplate;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.json.JsonTrees;
import io.github.hpcblueprints.json.TextFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the CLI and the Maven goal share: a build's templates and parameters as deployments, the plan context for its
 * environment, and a {@link PlanException} turned into a located problem.
 */
public final class PlanService {

    /** Where the resource-group template's location parameter is missing: the region the plan assumes. */
    public static final String DEFAULT_LOCATION = "uksouth";

    private PlanService() {
    }

    /** The build's templates with their parameters files' values, then the values of {@code parametersFile}. */
    public static List<TemplateDeployment> deployments(Build build, Optional<Path> parametersFile) {
        Map<String, JsonNode> extra = parametersFile.map(f -> TemplateDeployment.values(read(f))).orElse(Map.of());
        List<TemplateDeployment> out = new ArrayList<>();
        for (BuiltTemplate t : build.templates()) {
            Map<String, JsonNode> values = new HashMap<>(TemplateDeployment.values(t.parameters().tree()));
            t.document().root().path("parameters").fieldNames().forEachRemaining(p -> {
                if (extra.containsKey(p)) {
                    values.put(p, extra.get(p));
                }
            });
            out.add(new TemplateDeployment(t.file(), t.document().root(), values));
        }
        return out;
    }

    /** The context a local plan of this build assumes: its location parameter's value, a group named for it. */
    public static PlanContext context(Build build, List<TemplateDeployment> deployments, Optional<String> group) {
        String location = deployments.isEmpty() ? DEFAULT_LOCATION : Optional.ofNullable(deployments.get(0)
                .parameters().get("location")).filter(JsonNode::isTextual).map(JsonNode::textValue)
                .orElse(DEFAULT_LOCATION);
        PlanContext c = PlanContext.defaults(build.environment().name(), location);
        return group.map(c::withResourceGroup).orElse(c);
    }

    /** A build ready to plan: its deployments and the context a plan of them assumes. */
    public record Prepared(List<TemplateDeployment> deployments, PlanContext context) {
        public Prepared {
            deployments = List.copyOf(deployments);
        }

        /** Every resource as a deployment in this context would create it (no parameter overrides). */
        public Map<String, PlannedResource> resources() {
            return located(() -> LocalPlan.evaluate(context, deployments, Map.of()));
        }

        /** The local what-if against the state in {@code stateDirectory}. */
        public Plan localPlan(String environment, java.nio.file.Path stateDirectory, Map<String, String> parameters) {
            return located(() -> new LocalPlan(new StateStore(stateDirectory), context).plan(environment,
                    deployments, parameters));
        }
    }

    /** The build's deployments (with {@code parametersFile}'s values) and their context (in {@code group}). */
    public static Prepared prepare(Build build, Optional<Path> parametersFile, Optional<String> group) {
        List<TemplateDeployment> deployments = deployments(build, parametersFile);
        return new Prepared(deployments, context(build, deployments, group));
    }

    /** Runs {@code body}, turning a template the plan cannot evaluate into a located problem. */
    public static <T> T located(java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (PlanException e) {
            throw new BlueprintException(Problem.of("PLAN", e.getMessage(), new Location(e.file(), 0, 0, e.path()),
                    e.fix()));
        }
    }

    private static JsonNode read(Path f) {
        try {
            return JsonTrees.parse(TextFiles.read(f));
        } catch (RuntimeException e) {
            throw new BlueprintException(Problem.of("PARAM", "the parameters file " + f + " is not JSON",
                    Location.of(f.toString(), 0, 0), "give an ARM parameters file (deploymentParameters schema)"));
        }
    }
}
