package io.github.hpcblueprints.hpc;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Parameter;
import io.github.hpcblueprints.azure.Deployment;
import io.github.hpcblueprints.azure.consumption.Budget;
import java.util.ArrayList;
import java.util.List;

/**
 * Budgets: one for the environment (resource group, or subscription when asked), one per project filtered by its
 * {@code project} tag. They start on the first day of the month of the deployment ({@code utcNow} is evaluated
 * only as a parameter default, so the template itself stays the same every day).
 */
final class CostPart {

    private CostPart() {
    }

    static void compile(CompileContext c) {
        CostControls cost = c.env.cost();
        boolean any = (cost.budget() > 0 && !cost.subscriptionScope())
                || c.env.projects().stream().anyMatch(p -> p.budget() > 0);
        if (!any) {
            return;
        }
        Expr start = startDate(c.d);
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
        return d.parameter(Parameter.string("budgetStartDate").withDefault(Expr.call("utcNow", Expr.str("yyyy-MM-01")))
                .withDescription("First day of the month budgets start (defaults to this month)."));
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
