package io.github.hpcblueprints.azure.consumption;

import io.github.hpcblueprints.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import io.github.hpcblueprints.azure.insights.ActionGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A cost budget ({@code Microsoft.Consumption/budgets}) at the deployment's scope (resource group or
 * subscription), optionally narrowed to resources carrying a tag value: one per project makes cost traceable per
 * project.
 *
 * <p>Defaults: monthly, notifying at 80% and 100% of actual spend and at 100% of forecast spend, so people hear
 * about an overrun while it can still be stopped. Budgets notify; they never stop resources.
 */
public final class Budget extends ResourceSpec<Budget> {

    public static final String TYPE = "Microsoft.Consumption/budgets";
    public static final String API_VERSION = "2024-08-01";

    /** Reset period of the budget. */
    public enum TimeGrain { Monthly, Quarterly, Annually }

    /** One notification threshold. */
    public record Threshold(int percent, boolean forecast) {
        public Threshold {
            if (percent < 1 || percent > 1000) {
                throw new IllegalArgumentException("budget threshold " + percent + "% is outside 1-1000");
            }
        }
    }

    private final Expr amount;
    private final Expr startDate;
    private TimeGrain grain = TimeGrain.Monthly;
    private final List<Threshold> thresholds = new ArrayList<>(List.of(new Threshold(80, false),
            new Threshold(100, false), new Threshold(100, true)));
    private Expr contactEmails;
    private final List<Expr> actionGroups = new ArrayList<>();
    private String tagName;
    private List<String> tagValues = List.of();
    private Expr resourceGroup;

    private Budget(Expr name, Expr amount, Expr startDate) {
        super(name, TYPE, API_VERSION);
        this.amount = Objects.requireNonNull(amount);
        this.startDate = Objects.requireNonNull(startDate);
        if (amount instanceof Expr.Num n && n.value() <= 0) {
            throw new IllegalArgumentException("budget amount must be above 0");
        }
    }

    /**
     * A budget of {@code amount} (in the billing currency) from {@code startDate}: the first day of a month, given as
     * a parameter because Azure refuses start dates in the past when a budget is created.
     */
    public static Budget named(String name, Expr amount, Expr startDate) {
        return new Budget(Expr.str(name), amount, startDate);
    }

    public Budget timeGrain(TimeGrain value) {
        this.grain = value;
        return this;
    }

    /** Replaces the default thresholds. */
    public Budget thresholds(List<Threshold> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a budget needs at least one notification threshold");
        }
        thresholds.clear();
        thresholds.addAll(values);
        return this;
    }

    /** Who is emailed: an array expression (a parameter). */
    public Budget contactEmails(Expr arrayOfAddresses) {
        this.contactEmails = arrayOfAddresses;
        return this;
    }

    public Budget actionGroup(Ref<ActionGroup> group) {
        actionGroups.add(group.id());
        return this;
    }

    /** Counts only resources tagged {@code name} with one of {@code values} (per-project budgets). */
    public Budget filterTag(String name, List<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a tag filter needs at least one value");
        }
        this.tagName = name;
        this.tagValues = List.copyOf(values);
        return this;
    }

    /** The values of tag {@code name} this budget is limited to; empty when it filters on no such tag. */
    public List<String> tagFilter(String name) {
        return name.equals(tagName) ? tagValues : List.of();
    }

    /** Counts only one resource group (for a budget deployed at subscription scope). */
    public Budget filterResourceGroup(Expr name) {
        this.resourceGroup = name;
        return this;
    }

    public List<Threshold> thresholds() {
        return List.copyOf(thresholds);
    }

    @Override
    protected Budget self() {
        return this;
    }

    @Override
    public Resource toResource() {
        if (contactEmails == null && actionGroups.isEmpty()) {
            throw new IllegalArgumentException("budget " + name.toArmString() + " notifies nobody: give contact "
                    + "emails or an action group");
        }
        Map<String, ObjectNode> notes = new TreeMap<>();
        for (Threshold t : thresholds) {
            ObjectNode n = Json.obj("enabled", true, "operator", "GreaterThanOrEqualTo", "threshold", t.percent(),
                    "thresholdType", t.forecast() ? "Forecasted" : "Actual", "locale", "en-gb");
            // the schema requires contactEmails even when only action groups are notified
            n.set("contactEmails", contactEmails != null ? Json.expr(contactEmails) : JsonTrees.array());
            if (!actionGroups.isEmpty()) {
                n.set("contactGroups", Json.arrOf(actionGroups));
            }
            notes.put((t.forecast() ? "forecast" : "actual") + "_" + String.format("%03d", t.percent()), n);
        }
        ObjectNode notifications = JsonTrees.object();
        notes.forEach(notifications::set);
        ObjectNode props = Json.obj(
                "category", "Cost",
                "amount", amount,
                "timeGrain", grain.name(),
                "timePeriod", Json.obj("startDate", startDate),
                "notifications", notifications);
        List<ObjectNode> filters = new ArrayList<>();
        if (tagName != null) {
            filters.add(Json.obj("tags", Json.obj("name", tagName, "operator", "In", "values", tagValues)));
        }
        if (resourceGroup != null) {
            filters.add(Json.obj("dimensions", Json.obj("name", "ResourceGroupName", "operator", "In",
                    "values", Json.arr(resourceGroup))));
        }
        if (filters.size() == 1) {
            props.set("filter", filters.get(0));
        } else if (filters.size() > 1) {
            ArrayNode and = JsonTrees.array();
            filters.forEach(and::add);
            props.set("filter", Json.obj("and", and));
        }
        return Resource.builder(TYPE, API_VERSION, name).dependsOn(dependsOn).properties(props).build();
    }
}
