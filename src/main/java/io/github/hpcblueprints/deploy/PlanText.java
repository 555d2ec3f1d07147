package io.github.hpcblueprints.deploy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A plan as people read ARM's what-if: one line per resource that changes ({@code +} create, {@code ~} modify with
 * each property that differs, {@code -} delete), then the counts. Values Azure decides when it deploys are shown as
 * {@code (known at deployment: ...)}.
 */
public final class PlanText {

    private static final int MAX_VALUE = 100;

    private PlanText() {
    }

    public static String render(Plan plan, PlanContext context) {
        StringBuilder sb = new StringBuilder();
        boolean azure = !plan.local();
        sb.append("Plan for ").append(plan.environment()).append(azure ? " in " : " against ").append(plan.state())
                .append(azure ? " (ARM's what-if)\n" : " (local: no Azure account used)\n");
        sb.append("Resource group ").append(context.resourceGroup()).append(", subscription ")
                .append(context.subscriptionId()).append(", location ").append(context.location()).append("\n\n");
        for (Change c : plan.changes()) {
            if (c.action() == Change.Action.NO_CHANGE) {
                continue;
            }
            sb.append("  ").append(c.action().symbol()).append(' ').append(shortId(c.id(), context));
            sb.append(c.action() == Change.Action.MODIFY ? "" : "  (" + c.action().word() + ")").append('\n');
            for (Change.PropertyChange p : c.properties()) {
                sb.append("      ~ ").append(p.path()).append(": ").append(show(p.before())).append(" => ")
                        .append(show(p.after())).append('\n');
            }
        }
        if (!plan.hasChanges()) {
            sb.append("  No changes: the recorded state matches the templates.\n");
        }
        sb.append(String.format("%nPlan: %d to create, %d to modify, %d to delete, %d unchanged.%n",
                plan.count(Change.Action.CREATE), plan.count(Change.Action.MODIFY), plan.count(Change.Action.DELETE),
                plan.count(Change.Action.NO_CHANGE)));
        return sb.toString();
    }

    /** The id below the deployment's own scope: {@code Microsoft.Network/virtualNetworks/vnet1}. */
    static String shortId(String id, PlanContext context) {
        for (String prefix : new String[] {context.resourceGroupPath() + "/providers/",
            context.subscriptionPath() + "/providers/"}) {
            if (id.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return id.substring(prefix.length());
            }
        }
        return id;
    }

    private static String show(JsonNode v) {
        if (v == null) {
            return "(none)";
        }
        String text = v.toString();
        return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE - 3) + "..." : text;
    }
}
