package io.github.hpcblueprints.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.ArmReader;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.json.JsonPrinter;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.arm.Template;
import io.github.hpcblueprints.bicep.BicepWriter;
import io.github.hpcblueprints.rules.Report;
import io.github.hpcblueprints.validate.JsonReport;
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

    /**
     * The findings as {@code findings.json}, each finding about a resource with where that resource is in the Bicep.
     * When the ARM files were not written ({@code --format bicep}), each finding in a template is re-pointed at the
     * Bicep file that was: its file, and the line and column of the declaration ({@code resource}, {@code module},
     * {@code param}, {@code output}) or the file's first line for the whole template. The JSON path stays the
     * template's, as it is the same model.
     */
    static String write(Report report, List<Target> targets, Optional<Map<String, String>> bicepOnly) {
        Symbols symbols = new Symbols();
        return JsonReport.write(report, (finding, f) -> {
            String file = f.path("file").asText("");
            for (Target t : targets) {
                if (t.armFile().equals(file)) {
                    Optional<ObjectNode> where = symbols.locate(t.template(), t.bicepFile(), f.path("path").asText(""));
                    where.ifPresent(w -> f.set("bicep", w));
                    bicepOnly.ifPresent(texts -> repoint(f, t, where, texts));
                }
            }
        });
    }

    private static void repoint(ObjectNode f, Target t, Optional<ObjectNode> where, Map<String, String> texts) {
        String path = f.path("path").asText("");
        String file = where.map(w -> w.path("file").asText()).orElse(t.bicepFile());
        String declaration;
        if (where.isPresent()) {
            String symbol = where.get().path("resource").asText();
            declaration = "(?:resource|module) " + Pattern.quote(symbol) + " ";
        } else {
            Matcher m = Pattern.compile("^\\$\\.(parameters|outputs)\\.([A-Za-z0-9_]+)").matcher(path);
            declaration = m.find() ? (m.group(1).equals("parameters") ? "param " : "output ")
                    + Pattern.quote(m.group(2)) + " " : null;
        }
        int line = 1;
        int column = 1;
        String text = texts.getOrDefault(file, "");
        if (declaration != null) {
            Matcher d = Pattern.compile("(?m)^\\s*(" + declaration + ")").matcher(text);
            if (d.find()) {
                line = (int) text.substring(0, d.start(1)).chars().filter(c -> c == '\n').count() + 1;
                column = d.start(1) - text.lastIndexOf('\n', d.start(1) - 1);
            }
        }
        f.put("file", file);
        f.put("line", line);
        f.put("column", column);
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
