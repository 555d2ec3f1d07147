package io.github.hpcblueprints.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.ArmReader;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.JsonPrinter;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.arm.Template;
import io.github.hpcblueprints.bicep.BicepWriter;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds to each finding about a resource where that resource is in the Bicep output ({@code "bicep": {"file":
 * "main.bicep", "resource": "lockerAccount"}}), so a reader of {@code main.bicep}, and tools that scan it, can match
 * a finding to the declaration they see.
 */
final class BicepFindings {

    /** An ARM file of the output and the Bicep file rendered from the same template. */
    record Target(String armFile, String bicepFile, Template template) {
    }

    private static final Pattern RESOURCE = Pattern.compile("^\\$\\.resources\\[(\\d+)\\]");
    private static final Pattern NESTED = Pattern.compile("^\\.properties\\.template\\.resources\\[(\\d+)\\]");

    private BicepFindings() {
    }

    static String annotate(String findingsJson, List<Target> targets) {
        if (targets.isEmpty()) {
            return findingsJson;
        }
        ObjectNode root = (ObjectNode) Json.parse(findingsJson);
        Symbols symbols = new Symbols();
        for (JsonNode f : root.path("findings")) {
            String file = f.path("file").asText("");
            for (Target t : targets) {
                if (t.armFile().equals(file)) {
                    symbols.locate(t.template(), t.bicepFile(), f.path("path").asText("")).ifPresent(
                            where -> ((ObjectNode) f).set("bicep", where));
                }
            }
        }
        return JsonPrinter.print(root);
    }

    /** Symbol tables and module templates, each worked out once however many findings point into them. */
    private static final class Symbols {
        private final Map<Template, Map<Resource, String>> tables = new IdentityHashMap<>();
        private final Map<Resource, Template> modules = new IdentityHashMap<>();

        Optional<ObjectNode> locate(Template t, String bicepFile, String path) {
            Matcher m = RESOURCE.matcher(path);
            if (!m.find()) {
                return Optional.empty();
            }
            int index = Integer.parseInt(m.group(1));
            if (index >= t.resources().size()) {
                return Optional.empty();
            }
            Resource r = t.resources().get(index);
            String rest = path.substring(m.end());
            Matcher nested = NESTED.matcher(rest);
            Optional<String> module = BicepWriter.moduleFile(r);
            if (module.isPresent() && nested.find()) {
                Template inner = modules.computeIfAbsent(r, x -> ArmReader.readTemplate(
                        JsonPrinter.print(x.properties().orElseThrow().get("template"))));
                return locate(inner, module.get(),
                        "$.resources[" + nested.group(1) + "]" + rest.substring(nested.end()));
            }
            String symbol = tables.computeIfAbsent(t, BicepWriter::symbols).get(r);
            return Optional.of(Json.obj("file", bicepFile, "resource", symbol));
        }
    }
}
