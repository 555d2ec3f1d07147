package io.github.hpcblueprints.hpc;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Output;
import io.github.hpcblueprints.arm.Parameter;
import io.github.hpcblueprints.arm.ParameterType;
import io.github.hpcblueprints.azure.resources.ResourceGroupTags;
import io.github.hpcblueprints.azure.Deployment;
import io.github.hpcblueprints.azure.consumption.Budget;
import java.util.ArrayList;
import java.util.List;

/**
 * Budgets: one for the environment (resource group, or subscription when asked), one per project filtered by its
 * {@code project} tag. Azure refuses to change a budget's start date, so the date is chosen once: the first
 * deployment takes the first day of its month ({@code utcNow}, evaluated only as a parameter default), records it as
 * the resource group's tag {@value #START_TAG}, and every later deployment reads it back from there.
 */
final class CostPart {

    /** The resource group tag that remembers the budgets' start date between deployments. */
    static final String START_TAG = "hpcb-budget-start";

    private CostPart() {
    }

    static void compile(CompileContext c) {
        CostControls cost = c.env.cost();
        boolean any = cost.budget() > 0 || c.env.projects().stream().anyMatch(p -> p.budget() > 0);
        if (!any) {
            return;
        }
        Expr start = startDate(c.d);
        c.d.add(ResourceGroupTags.adding(START_TAG, start));
        // a subscription budget is deployed by subscription.json, which cannot read the group's tags: it is given this
        c.d.output(Output.of("budgetStart", ParameterType.STRING, start)
                .withDescription("Pass to subscription.json as budgetStartDate."));
        Expr emails = emails(c, c.d);
        if (cost.budget() > 0 && !cost.subscriptionScope()) {
            c.d.add(budget(c.names.name("budget", ""), cost.budget(), start, emails, cost));
        }
        for (Project p : c.env.projects()) {
            if (p.budget() > 0) {
                c.d.add(budget(c.names.name("budget", p.name()), p.budget(), start, emails, cost)
                        .filterTag("project", List.of(p.name())));
            }
        }
    }

    static Expr startDate(Deployment d) {
        if (d.scope() == io.github.hpcblueprints.arm.Scope.SUBSCRIPTION) {
            return d.parameter(Parameter.string("budgetStartDate").withDescription("Output budgetStart of the "
                    + "resource-group deployment (the budgets' start date, fixed at their first deployment)."));
        }
        return d.parameter(Parameter.string("budgetStartDate").withDefault(ResourceGroupTags.readOr(START_TAG,
                Expr.call("utcNow", Expr.str("yyyy-MM-01")))).withDescription("First day of the month the budgets "
                        + "start: the date recorded on the resource group by the first deployment, else this month."));
    }

    static Expr emails(CompileContext c, Deployment d) {
        Expr e = d.parameter(Parameter.array("budgetContactEmails").withDescription(
                "Who is emailed when spend reaches a budget threshold."));
        if (d == c.d && !c.env.cost().contactEmails().isEmpty()) {
            c.parameterValues.put("budgetContactEmails", Json.arrOf(c.env.cost().contactEmails()));
        }
        return e;
    }

    static Budget budget(String name, long amount, Expr start, Expr emails, CostControls cost) {
        List<Budget.Threshold> thresholds = new ArrayList<>();
        cost.actualThresholds().forEach(t -> thresholds.add(new Budget.Threshold(t, false)));
        cost.forecastThresholds().forEach(t -> thresholds.add(new Budget.Threshold(t, true)));
        return Budget.named(name, Expr.num(amount), start).contactEmails(emails).thresholds(thresholds);
    }
}
