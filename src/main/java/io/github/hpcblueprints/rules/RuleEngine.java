package io.github.hpcblueprints.rules;

import io.github.hpcblueprints.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every rule of a catalogue on a context and applies suppressions: those given (blueprint, suppressions
 * file) and those a template carries in {@code metadata._hpcb.suppressions} (the generator writes the reasons for its
 * deliberate exceptions there, so linting its output later agrees with validating the blueprint).
 */
public final class RuleEngine {

    private final Catalogue catalogue;

    public RuleEngine(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    public static RuleEngine standard() {
        return new RuleEngine(Catalogue.standard());
    }

    public Report run(RuleContext context, List<Suppression> suppressions) {
        List<Finding> found = new ArrayList<>();
        for (Rule rule : catalogue.rules()) {
            Findings out = new Findings(rule.info(), context);
            try {
                rule.check(context, out);
            } catch (RuntimeException e) {
                throw new IllegalStateException("rule " + rule.info().id() + " failed: " + e, e);
            }
            found.addAll(out.list());
        }
        List<Suppression> all = new ArrayList<>(suppressions);
        for (TemplateView t : context.templates()) {
            all.addAll(fromMetadata(t));
        }
        List<Finding> result = new ArrayList<>();
        for (Finding f : found) {
            Finding r = f;
            for (Suppression s : all) {
                if (s.matches(f)) {
                    r = f.suppress(s.reason());
                    break;
                }
            }
            result.add(r);
        }
        result.sort(Comparator.comparing((Finding f) -> f.location().source())
                .thenComparingInt(f -> f.location().line())
                .thenComparingInt(f -> f.location().column())
                .thenComparing(Finding::ruleId)
                .thenComparing(Finding::message));
        List<String> sources = context.templates().stream().map(TemplateView::source).toList();
        return new Report(dedupe(result), context.hardened(), sources);
    }

    /**
     * Reports each of {@code given} that matched no finding of {@code report} as HPCB-STRUCT-017 at the suppression's
     * own place, so a stale suppression is seen before it silently accepts something new.
     */
    public static Report withStaleSuppressions(Report report, List<Suppression> given) {
        RuleInfo info = Catalogue.standard().info(StructRules.STALE_SUPPRESSION).orElseThrow();
        List<Finding> stale = new ArrayList<>();
        for (Suppression s : given) {
            if (report.findings().stream().noneMatch(s::matches)) {
                stale.add(new Finding(info.id(), info.severity(report.hardened()), "the suppression of " + s.rule()
                        + (s.target().isEmpty() ? "" : " at '" + s.target() + "'") + " matches no finding", s.at(),
                        "", false, ""));
            }
        }
        if (stale.isEmpty()) {
            return report;
        }
        List<Finding> all = new ArrayList<>(report.findings());
        all.addAll(stale);
        return new Report(all, report.hardened(), report.sources(), report.problems());
    }

    /** The same rule at the same place with the same message is one finding. */
    private static List<Finding> dedupe(List<Finding> sorted) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : sorted) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals(f)) {
                out.add(f);
            }
        }
        return out;
    }

    static List<Suppression> fromMetadata(TemplateView t) {
        List<Suppression> out = new ArrayList<>();
        JsonNode hpcb = t.root().path("metadata").path("_hpcb");
        if (hpcb.isTextual()) {
            // a template compiled from our Bicep carries it as JSON text (Bicep tools read string metadata only)
            try {
                hpcb = JsonTrees.parse(hpcb.textValue());
            } catch (RuntimeException e) {
                return out;
            }
        }
        for (JsonNode s : hpcb.path("suppressions")) {
            String reason = s.path("reason").asText("");
            if (!reason.isBlank()) {
                out.add(new Suppression(s.path("rule").asText(""), reason, s.path("target").asText(""),
                        t.source(), "template metadata"));
            }
        }
        return out;
    }
}
