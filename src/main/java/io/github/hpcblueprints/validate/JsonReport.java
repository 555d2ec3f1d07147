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
import io.github.hpcblueprints.rules.Severity;

/**
 * A report as JSON (also {@code findings.json} of every generated blueprint): the profile, counts, and each finding
 * with its rule's equivalents in other tools, so another checker's results can be compared with ours.
 */
public final class JsonReport {

    private JsonReport() {
    }

    public static String write(Report report) {
        return write(report, (finding, json) -> { });
    }

    /**
     * As {@link #write(Report)}, letting {@code decorate} add to (or correct) each finding's JSON as it is made, so a
     * caller that knows more about where a finding is (its Bicep symbol) never parses the report again.
     */
    public static String write(Report report, java.util.function.BiConsumer<Finding, ObjectNode> decorate) {
        ObjectNode root = JsonTrees.object();
        root.put("generator", Generator.describe());
        root.put("profile", report.hardened() ? "hardened" : "baseline");
        ObjectNode summary = root.putObject("summary");
        var counts = report.counts();
        for (var s : java.util.List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
            summary.put(s.label(), counts.get(s));
        }
        summary.put("suppressed", report.suppressed().size());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode o = findings.addObject();
            o.put("rule", f.ruleId());
            o.put("severity", f.severity().label());
            o.put("message", f.message());
            o.put("file", f.location().source());
            o.put("line", f.location().line());
            o.put("column", f.location().column());
            o.put("path", f.location().jsonPath());
            if (!f.resource().isEmpty()) {
                o.put("resource", f.resource());
            }
            if (f.unknown()) {
                o.put("unknownAtBuildTime", true);
            }
            if (f.suppressed()) {
                o.put("suppressed", f.suppressedBecause());
            }
            Catalogue.standard().info(f.ruleId()).ifPresent(info -> o.set("equivalents", equivalents(info)));
            decorate.accept(f, o);
        }
        // input problems only when there are some, so findings.json of a good blueprint keeps its shape
        if (!report.problems().isEmpty()) {
            summary.put("problems", report.problems().size());
            ArrayNode problems = root.putArray("problems");
            for (Problem p : report.problems()) {
                ObjectNode o = problems.addObject();
                o.put("code", p.code());
                o.put("message", p.message());
                o.put("file", p.location().source());
                o.put("line", p.location().line());
                o.put("column", p.location().column());
                o.put("path", p.location().jsonPath());
                o.put("fix", p.hint());
            }
        }
        return JsonPrinter.print(root);
    }

    static ObjectNode equivalents(RuleInfo info) {
        ObjectNode e = JsonTrees.object();
        e.set("checkov", Json.arrOf(info.checkov()));
        e.set("psrule", Json.arrOf(info.psrule()));
        e.set("bicep", Json.arrOf(info.bicep()));
        return e;
    }
}
