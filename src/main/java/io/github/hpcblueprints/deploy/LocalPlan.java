package io.github.hpcblueprints.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.json.JsonTrees;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The embedded deployer: plans by evaluating the templates as ARM would ({@link TemplatePlanner}), compares the
 * result with the local state ({@link StateStore}) the way ARM's what-if does (create, modify with the properties
 * that differ, delete, no change), and applies by recording the new state. Needs no Azure account.
 */
public final class LocalPlan implements Deployer {

    private final StateStore store;
    private final PlanContext context;

    public LocalPlan(StateStore store, PlanContext context) {
        this.store = store;
        this.context = context;
    }

    @Override
    public Plan plan(String environment, List<TemplateDeployment> templates, Map<String, String> overrides) {
        return diff(environment, store.read(environment), evaluate(context, templates, overrides));
    }

    /**
     * The resources the templates deploy, in deployment order, as ARM would evaluate them in {@code context}: what
     * a plan compares with the state, and what the blueprint docs draw.
     */
    public static Map<String, PlannedResource> evaluate(PlanContext context, List<TemplateDeployment> templates,
            Map<String, String> overrides) {
        Map<String, PlannedResource> after = new LinkedHashMap<>();
        List<String> unused = new ArrayList<>(overrides.keySet());
        for (TemplateDeployment t : templates) {
            Map<String, JsonNode> values = new HashMap<>(t.parameters());
            values.putAll(typed(t, overrides, unused));
            TemplatePlanner planner = new TemplatePlanner(t.file(), t.template(), context, after);
            for (PlannedResource r : planner.plan(values)) {
                after.put(r.id(), r);
            }
        }
        if (!unused.isEmpty()) {
            throw new BlueprintException(Problem.of("PARAM", "no template declares the parameter(s) " + unused,
                    Location.ofPath("--param"), "check the name against the template's parameters"));
        }
        return after;
    }

    @Override
    public Plan planDestroy(String environment) {
        return diff(environment, store.read(environment), Map.of());
    }

    @Override
    public void apply(Plan plan) {
        store.write(plan.environment(), plan.resources());
    }

    /** --param values read as the declared type: JSON for int, bool, array and object; text for strings. */
    static Map<String, JsonNode> typed(TemplateDeployment t, Map<String, String> overrides,
            List<String> unused) {
        Map<String, JsonNode> out = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = t.template().path("parameters").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            for (Map.Entry<String, String> o : overrides.entrySet()) {
                if (!o.getKey().equalsIgnoreCase(p.getKey())) {
                    continue;
                }
                unused.remove(o.getKey());
                String type = p.getValue().path("type").asText("string").toLowerCase(Locale.ROOT);
                if (type.equals("string") || type.equals("securestring")) {
                    out.put(p.getKey(), JsonTrees.NODES.textNode(o.getValue()));
                } else {
                    try {
                        out.put(p.getKey(), JsonTrees.parse(o.getValue()));
                    } catch (RuntimeException e) {
                        throw new BlueprintException(Problem.of("PARAM", "--param " + o.getKey() + " is not a "
                                + type + ": " + o.getValue(), Location.ofPath("--param"), "give it as JSON, e.g. "
                                + (type.equals("int") ? "3" : type.equals("bool") ? "true" : type.equals("array")
                                        ? "[\"a\",\"b\"]" : "{\"key\":\"value\"}")));
                    }
                }
            }
        }
        return out;
    }

    /** ARM's what-if: each id in either, compared on its declaration. */
    private Plan diff(String environment, Map<String, PlannedResource> before, Map<String, PlannedResource> after) {
        Map<String, PlannedResource> oldById = new HashMap<>();
        before.values().forEach(r -> oldById.put(r.id().toLowerCase(Locale.ROOT), r));
        Map<String, PlannedResource> newById = new HashMap<>();
        after.values().forEach(r -> newById.put(r.id().toLowerCase(Locale.ROOT), r));
        List<Change> changes = new ArrayList<>();
        for (String key : new TreeSet<>(union(oldById.keySet(), newById.keySet()))) {
            PlannedResource o = oldById.get(key);
            PlannedResource n = newById.get(key);
            if (o == null) {
                changes.add(new Change(Change.Action.CREATE, n.id(), n.type(), n.apiVersion(), null, n.body(),
                        List.of()));
            } else if (n == null) {
                changes.add(new Change(Change.Action.DELETE, o.id(), o.type(), o.apiVersion(), o.body(), null,
                        List.of()));
            } else {
                List<Change.PropertyChange> props = new ArrayList<>();
                compare("", JsonTrees.canonical(o.body()), JsonTrees.canonical(n.body()), props);
                changes.add(new Change(props.isEmpty() ? Change.Action.NO_CHANGE : Change.Action.MODIFY, n.id(),
                        n.type(), n.apiVersion(), o.body(), n.body(), props));
            }
        }
        Map<String, PlannedResource> result = new LinkedHashMap<>();
        after.values().forEach(r -> result.put(r.id(), r));
        return new Plan(environment, store.file(environment).toString(), true, changes, result);
    }

    private static TreeSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Each leaf that differs, by path ({@code properties.osProfile.adminUsername}, {@code tags.project}). */
    static void compare(String path, JsonNode a, JsonNode b, List<Change.PropertyChange> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                compare(path.isEmpty() ? k : path + "." + k, a.get(k), b.get(k), out);
            }
        } else if (a != null && b != null && a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                compare(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else if (a == null ? b != null : !a.equals(b)) {
            out.add(new Change.PropertyChange(path, a, b));
        }
    }
}
