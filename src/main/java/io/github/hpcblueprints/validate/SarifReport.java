package io.github.hpcblueprints.validate;

import io.github.hpcblueprints.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.json.JsonPrinter;
import io.github.hpcblueprints.diagnostics.Generator;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.rules.Catalogue;
import io.github.hpcblueprints.rules.Finding;
import io.github.hpcblueprints.rules.Report;
import io.github.hpcblueprints.rules.RuleInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A report as SARIF 2.1.0, the format code-scanning tools (GitHub, Azure DevOps) read: the rule catalogue under
 * {@code runs[0].tool.driver.rules}, one result per finding with its level, message, file, line and column, and
 * suppressed findings marked with their justification.
 */
public final class SarifReport {

    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {
    }

    public static String write(Report report) {
        List<RuleInfo> rules = Catalogue.standard().infos();
        Map<String, Integer> index = new HashMap<>();
        ObjectNode root = JsonTrees.object();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", Generator.NAME);
        driver.put("version", Generator.VERSION);
        driver.put("informationUri", Generator.URL);
        ArrayNode ruleArray = driver.putArray("rules");
        for (int i = 0; i < rules.size(); i++) {
            RuleInfo r = rules.get(i);
            index.put(r.id(), i);
            ObjectNode o = ruleArray.addObject();
            o.put("id", r.id());
            o.put("name", camel(r.title()));
            o.putObject("shortDescription").put("text", r.title());
            o.putObject("fullDescription").put("text", r.rationale());
            ObjectNode help = o.putObject("help");
            help.put("text", r.fix());
            help.put("markdown", "**Why:** " + r.rationale() + "\n\n**Fix:** " + r.fix());
            o.put("helpUri", Generator.link(r.docsAnchor()));
            o.putObject("defaultConfiguration").put("level", r.baseline().sarifLevel());
            ObjectNode props = o.putObject("properties");
            props.set("tags", Json.arr(r.category().name().toLowerCase(Locale.ROOT), "security"));
            props.set("equivalents", JsonReport.equivalents(r));
        }
        // input problems: the run did not judge those files; say so, and show each where it is
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", report.problems().isEmpty());
        ArrayNode results = run.putArray("results");
        for (Problem p : report.problems()) {
            ObjectNode o = results.addObject();
            o.put("ruleId", p.code());
            o.put("level", "error");
            o.putObject("message").put("text", p.message() + (p.hint().isEmpty() ? "" : " Fix: " + p.hint()));
            physicalLocation(o.putArray("locations").addObject(), p.location());
        }
        for (Finding f : report.findings()) {
            ObjectNode o = results.addObject();
            o.put("ruleId", f.ruleId());
            if (index.containsKey(f.ruleId())) {
                o.put("ruleIndex", index.get(f.ruleId()));
            }
            o.put("level", f.severity().sarifLevel());
            o.putObject("message").put("text", f.message());
            ObjectNode location = o.putArray("locations").addObject();
            physicalLocation(location, f.location());
            if (!f.location().jsonPath().isEmpty()) {
                location.putArray("logicalLocations").addObject().put("fullyQualifiedName",
                        f.location().jsonPath());
            }
            if (f.suppressed()) {
                ObjectNode s = o.putArray("suppressions").addObject();
                s.put("kind", "external");
                s.put("justification", f.suppressedBecause());
            }
        }
        return JsonPrinter.print(root);
    }

    /** The file, line and column of a result (the line and column only where known). */
    private static void physicalLocation(ObjectNode location, io.github.hpcblueprints.diagnostics.Location where) {
        ObjectNode physical = location.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri(where.source()));
        if (where.line() > 0) {
            ObjectNode region = physical.putObject("region");
            region.put("startLine", where.line());
            if (where.column() > 0) {
                region.put("startColumn", where.column());
            }
        }
    }

    /** Relative paths stay relative (to the folder the tool ran in); absolute ones become file: URIs. */
    static String uri(String source) {
        if (source.isEmpty()) {
            return source;
        }
        try {
            java.nio.file.Path p = java.nio.file.Path.of(source);
            if (p.isAbsolute()) {
                return p.toUri().toString();
            }
        } catch (java.nio.file.InvalidPathException e) {
            return source;
        }
        return source.replace('\\', '/').replace(" ", "%20");
    }

    private static String camel(String title) {
        StringBuilder sb = new StringBuilder();
        for (String w : title.replaceAll("[^A-Za-z0-9 ]", " ").split("\\s+")) {
            if (!w.isEmpty()) {
                sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return sb.toString();
    }
}
