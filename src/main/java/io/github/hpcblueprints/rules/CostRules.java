package io.github.hpcblueprints.rules;

import static io.github.hpcblueprints.rules.Specs.E;
import static io.github.hpcblueprints.rules.Specs.W;
import static io.github.hpcblueprints.rules.Specs.rule;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** COST: no surprise bills. */
final class CostRules {

    static final String BUDGET = "Microsoft.Consumption/budgets";
    static final List<String> COST_TAGS = List.of("project", "owner", "environment");

    private CostRules() {
    }

    static List<Rule> all() {
        return List.of(
                Rule.of(rule("HPCB-COST-001").severity(W, E).title("No budget with the usual alerts")
                        .why("Without a budget nobody hears about spend until the invoice; alerts at 80% and 100% of "
                                + "actual and 100% of forecast spend give time to act.")
                        .fix("Add a Microsoft.Consumption/budgets resource with those notifications (cost.budget in "
                                + "a blueprint).")
                        .build(), CostRules::budget),
                Rule.of(rule("HPCB-COST-003").severity(W, E).title("Resource without cost tags")
                        .why("Cost is traced per project, owner and environment by tags; an untagged resource is spend "
                                + "nobody owns.")
                        .fix("Tag it with project, owner and environment.")
                        .psrule("Azure.Resource.UseTags")
                        .build(),
                        CostRules::tags),
                Rule.of(rule("HPCB-COST-005").severity(W, E).title("Fixed VM without auto-shutdown")
                        .why("A VM left running overnight and at weekends costs more than twice what its working hours "
                                + "do.")
                        .fix("Add a daily shutdown (Microsoft.DevTestLab/schedules shutdown-computevm-<vm>), or "
                                + "suppress with the reason it must stay up.")
                        .build(), CostRules::autoShutdown));
    }

    private static void budget(RuleContext c, Findings out) {
        List<RuleContext.Located> budgets = c.resources(BUDGET);
        // the environment's budget: one without a tag filter
        List<RuleContext.Located> overall = budgets.stream()
                .filter(b -> b.resource().get("properties.filter").isMissingNode()).toList();
        if (overall.isEmpty()) {
            if (!c.templates().isEmpty() && !c.resources().isEmpty()) {
                out.at(c.templates().get(0), "$.resources", "no budget covers this deployment");
            }
            return;
        }
        for (RuleContext.Located b : overall) {
            Set<String> have = new HashSet<>();
            b.resource().get("properties.notifications").forEach(n -> have.add(
                    n.path("thresholdType").asText("Actual").toLowerCase(Locale.ROOT) + ":"
                            + n.path("threshold").asText()));
            for (String want : List.of("actual:80", "actual:100", "forecasted:100")) {
                if (!have.contains(want)) {
                    out.at(b, b.resource().at("properties.notifications"), "the budget does not notify at "
                            + want.replace(":", " ") + "%");
                }
            }
        }
    }

    private static void tags(RuleContext c, Findings out) {
        for (RuleContext.Located l : c.resources()) {
            ResourceView r = l.resource();
            if (!r.json().has("location")) {
                continue; // extension resources and most children take no tags of their own
            }
            Value whole = l.value("tags");
            if (whole instanceof Value.Unknown u) {
                out.unknown(l, r.at("tags"), "the tags", u);
                continue;
            }
            // tags written as an expression ("[variables('tags')]", union(...)) count as what they evaluate to
            JsonNode tags = whole instanceof Value.Known k ? k.node() : r.json().path("tags");
            List<String> missing = COST_TAGS.stream().filter(t -> !tags.has(t)).toList();
            if (!missing.isEmpty()) {
                out.at(l, tags.isMissingNode() ? r.path() : r.at("tags"), "missing cost tags " + missing);
            }
        }
    }

    private static void autoShutdown(RuleContext c, Findings out) {
        List<RuleContext.Located> schedules = c.resources("Microsoft.DevTestLab/schedules");
        for (RuleContext.Located vm : c.resources(DataRules.VM)) {
            boolean scheduled = schedules.stream().anyMatch(s -> Links.id(s.resource().get(
                    "properties.targetResourceId")).map(id -> Links.refersTo(id, vm.resource())).orElse(false)
                    && s.value("properties.status").text().equalsIgnoreCase("Enabled"));
            if (!scheduled) {
                out.at(vm, vm.resource().path(), "the VM has no enabled daily shutdown");
            }
        }
    }
}
