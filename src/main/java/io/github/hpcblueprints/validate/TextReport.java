package io.github.hpcblueprints.validate;

import io.github.hpcblueprints.rules.Catalogue;
import io.github.hpcblueprints.rules.Finding;
import io.github.hpcblueprints.rules.Report;
import io.github.hpcblueprints.rules.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A report for people: grouped by file, most severe first, each finding with where, why and the fix. */
public final class TextReport {

    private static final String RESET = "\u001b[0m";

    private TextReport() {
    }

    public static String write(Report report, boolean colour) {
        StringBuilder sb = new StringBuilder();
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Finding f : report.active()) {
            byFile.computeIfAbsent(f.location().source(), k -> new java.util.ArrayList<>()).add(f);
        }
        for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
            sb.append(e.getKey().isEmpty() ? "(blueprint)" : e.getKey()).append('\n');
            List<Finding> sorted = e.getValue().stream()
                    .sorted((a, b) -> b.severity().compareTo(a.severity())).toList();
            for (Finding f : sorted) {
                String level = f.severity().label();
                sb.append("  ").append(colour ? colour(f.severity()) + level + RESET : level)
                        .append(' ').append(f.ruleId()).append(' ');
                if (f.location().line() > 0) {
                    sb.append(f.location().line()).append(':').append(f.location().column()).append(' ');
                }
                sb.append(f.location().jsonPath()).append('\n');
                sb.append("    ").append(f.message()).append('\n');
                Catalogue.standard().info(f.ruleId()).ifPresent(i -> sb.append("    fix: ").append(i.fix())
                        .append('\n'));
            }
        }
        if (!report.suppressed().isEmpty()) {
            sb.append("suppressed, with reasons:\n");
            for (Finding f : report.suppressed()) {
                sb.append("  ").append(f.ruleId()).append(' ').append(f.location().source());
                if (f.location().line() > 0) {
                    sb.append(':').append(f.location().line());
                }
                sb.append(" - ").append(f.suppressedBecause()).append('\n');
            }
        }
        sb.append(summary(report)).append('\n');
        return sb.toString();
    }

    /** The closing line: input problems, findings by severity, suppressions and the profile. */
    public static String summary(Report report) {
        StringBuilder sb = new StringBuilder();
        Map<Severity, Integer> counts = report.counts();
        if (!report.problems().isEmpty()) {
            // the problems themselves go to stderr (CLI) or the build log's errors (Maven)
            sb.append(report.problems().size()).append(" input problem(s) (not judged), ");
        }
        sb.append(counts.get(Severity.ERROR)).append(" error(s), ").append(counts.get(Severity.WARNING))
                .append(" warning(s), ").append(counts.get(Severity.INFO)).append(" note(s), ")
                .append(report.suppressed().size()).append(" suppressed (").append(report.hardened() ? "hardened"
                        : "baseline").append(" profile)");
        return sb.toString();
    }

    private static String colour(Severity s) {
        return switch (s) {
            case ERROR -> "\u001b[31m";
            case WARNING -> "\u001b[33m";
            case INFO -> "\u001b[36m";
        };
    }
}
