package io.github.hpcblueprints.rules;

import io.github.hpcblueprints.diagnostics.Problem;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The findings of one run, active and suppressed, in a stable order, and the input problems of the files that could
 * not be judged (a bad blueprint among good ones, an unreadable template): every file is judged and every problem
 * reported, so one bad file never hides the rest.
 */
public record Report(List<Finding> findings, boolean hardened, List<String> sources, List<Problem> problems) {

    public Report {
        findings = List.copyOf(findings);
        sources = List.copyOf(sources);
        problems = List.copyOf(problems);
    }

    public Report(List<Finding> findings, boolean hardened, List<String> sources) {
        this(findings, hardened, sources, List.of());
    }

    /** Several reports as one (validate or lint of several files). */
    public static Report merge(List<Report> reports, boolean hardened) {
        List<Finding> f = new java.util.ArrayList<>();
        List<String> s = new java.util.ArrayList<>();
        List<Problem> p = new java.util.ArrayList<>();
        for (Report r : reports) {
            f.addAll(r.findings());
            s.addAll(r.sources());
            p.addAll(r.problems());
        }
        return new Report(f, hardened, s, p);
    }

    /** A report of a file that could not be judged. */
    public static Report unjudged(List<Problem> problems, boolean hardened) {
        return new Report(List.of(), hardened, List.of(), problems);
    }

    public List<Finding> active() {
        return findings.stream().filter(f -> !f.suppressed()).toList();
    }

    public List<Finding> suppressed() {
        return findings.stream().filter(Finding::suppressed).toList();
    }

    /** Active findings by severity. */
    public Map<Severity, Integer> counts() {
        Map<Severity, Integer> out = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            out.put(s, 0);
        }
        active().forEach(f -> out.merge(f.severity(), 1, Integer::sum));
        return out;
    }

    /** The same report with every file name rewritten (to make paths relative to where they are shown). */
    public Report mapSources(UnaryOperator<String> rename) {
        return new Report(findings.stream().map(f -> new Finding(f.ruleId(), f.severity(), f.message(),
                f.location().withSource(rename.apply(f.location().source())), f.resource(), f.unknown(),
                f.suppressedBecause())).toList(), hardened, sources.stream().map(rename).toList(),
                problems.stream().map(p -> p.withLocation(p.location().withSource(rename.apply(p.location()
                        .source())))).toList());
    }

    /** The same report with each finding replaced (to re-point findings at the files a user has). */
    public Report mapFindings(UnaryOperator<Finding> change) {
        return new Report(findings.stream().map(change).toList(), hardened, sources, problems);
    }

    /** True when an active finding is at or above {@code threshold}. */
    public boolean failsAt(Severity threshold) {
        return active().stream().anyMatch(f -> f.severity().atLeast(threshold));
    }
}
