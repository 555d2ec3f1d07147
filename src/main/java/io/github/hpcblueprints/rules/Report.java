package io.github.hpcblueprints.rules;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The findings of one run, active and suppressed, in a stable order. */
public record Report(List<Finding> findings, boolean hardened, List<String> sources) {

    public Report {
        findings = List.copyOf(findings);
        sources = List.copyOf(sources);
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
                f.suppressedBecause())).toList(), hardened, sources.stream().map(rename).toList());
    }

    /** True when an active finding is at or above {@code threshold}. */
    public boolean failsAt(Severity threshold) {
        return active().stream().anyMatch(f -> f.severity().atLeast(threshold));
    }
}
