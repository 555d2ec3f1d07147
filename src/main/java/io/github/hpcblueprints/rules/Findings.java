package io.github.hpcblueprints.rules;

import io.github.hpcblueprints.diagnostics.Location;
import java.util.ArrayList;
import java.util.List;

/** Collects one rule's findings, each at the severity the rule has in the context's profile. */
public final class Findings {

    private final RuleInfo rule;
    private final RuleContext context;
    private final List<Finding> found = new ArrayList<>();

    Findings(RuleInfo rule, RuleContext context) {
        this.rule = rule;
        this.context = context;
    }

    /** A finding on a resource property ({@code path} is the JSON path in {@code at}'s template). */
    public void at(RuleContext.Located at, String path, String message) {
        found.add(new Finding(rule.id(), rule.severity(context.hardened()), message,
                at.template().locate(path).withPath(path), at.resource().label(), false, ""));
    }

    /** A finding about a whole template (a missing budget, an unused parameter). */
    public void at(TemplateView template, String path, String message) {
        found.add(new Finding(rule.id(), rule.severity(context.hardened()), message,
                template.locate(path).withPath(path), "", false, ""));
    }

    /** A note, whatever the rule's severity: what the rule cannot judge from what it was given. */
    public void note(RuleContext.Located at, String path, String message) {
        found.add(new Finding(rule.id(), Severity.INFO, message, at.template().locate(path).withPath(path),
                at.resource().label(), false, ""));
    }

    /** The rule cannot decide: {@code value} is only known at deployment. Reported, never as an error. */
    public void unknown(RuleContext.Located at, String path, String what, Value value) {
        found.add(new Finding(rule.id(), Severity.INFO, what + " is " + value.describe(),
                at.template().locate(path).withPath(path), at.resource().label(), true, ""));
    }

    /** A finding about the blueprint itself, located in its YAML when there is one. */
    public void inBlueprint(String blueprintPath, String message) {
        Location where = context.blueprint().map(t -> t.locate(blueprintPath))
                .orElse(Location.ofPath(blueprintPath));
        found.add(new Finding(rule.id(), rule.severity(context.hardened()), message, where, "", false, ""));
    }

    List<Finding> list() {
        return found;
    }

    /** Applies a three-way verdict: a finding on failure, an "unknown" note when the value is not known. */
    public void verdict(RuleContext.Located at, String dotted, Value v, Value.Verdict verdict, String what,
            String failure) {
        String path = at.resource().at(dotted);
        if (verdict == Value.Verdict.FAIL) {
            at(at, JsonNodePath.nearest(at.resource(), dotted), failure);
        } else if (verdict == Value.Verdict.UNKNOWN) {
            unknown(at, path, what, v);
        }
    }
}
