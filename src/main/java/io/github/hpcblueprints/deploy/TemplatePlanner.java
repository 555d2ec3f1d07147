package io.github.hpcblueprints.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.DependencyGraph;
import io.github.hpcblueprints.arm.Evaluator;
import io.github.hpcblueprints.arm.ExpressionIndex;
import io.github.hpcblueprints.arm.ExprParser;
import io.github.hpcblueprints.arm.ResourceIndex;
import io.github.hpcblueprints.arm.Value;
import io.github.hpcblueprints.diagnostics.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates one template the way ARM does before it deploys: parameters (values given, else defaults), variables,
 * conditions, copy loops (of resources and of properties), names and ids, and {@code reference()} to what an earlier
 * resource declares, in dependency order. What only the deployment can know stays visible as
 * {@code (known at deployment: ...)}; secure parameters are never evaluated, so no secret reaches a plan or state.
 */
final class TemplatePlanner {

    static final String KNOWN_AT_DEPLOYMENT = "(known at deployment: ";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Parts of a resource declaration that say how to deploy it, not what it is. */
    private static final Set<String> NOT_STATE = Set.of("dependson", "condition", "copy", "comments", "resources",
            "apiversion", "type", "name", "scope", "existing");

    private final String file;
    private final JsonNode template;
    private final boolean subscriptionScope;
    private final PlanContext context;
    private final Map<String, PlannedResource> planned = new LinkedHashMap<>();
    private final ContextFunctions functions;
    private Evaluator evaluator;

    TemplatePlanner(String file, JsonNode template, PlanContext context, Map<String, PlannedResource> earlier) {
        this.file = file;
        this.template = template;
        this.context = context;
        this.subscriptionScope = template.path("$schema").asText("").toLowerCase(Locale.ROOT)
                .contains("subscriptiondeploymenttemplate");
        this.planned.putAll(earlier);
        this.functions = new ContextFunctions(context, subscriptionScope, this::reference);
    }

    /** The resources this template deploys, in the order ARM may create them. */
    List<PlannedResource> plan(Map<String, JsonNode> given) {
        this.evaluator = Evaluator.forDeployment(template, parameters(given), functions.functions());
        ResourceIndex index = ResourceIndex.of(template);
        DependencyGraph graph = DependencyGraph.of(index, ExpressionIndex.of(template));
        List<DependencyGraph.Node> order;
        try {
            order = graph.deploymentOrder();
        } catch (IllegalStateException cycle) {
            throw new PlanException(file, "$.resources", "the resources depend on each other in a cycle",
                    "run hpcb lint on the template: HPCB-STRUCT-002 names the cycle");
        }
        List<PlannedResource> out = new ArrayList<>();
        Map<Integer, List<String>> idsOfNode = new HashMap<>();
        for (DependencyGraph.Node n : order) {
            int before = out.size();
            JsonNode copy = n.json().path("copy");
            if (copy.isObject()) {
                Value count = evaluator.evaluateJson(copy.path("count"));
                if (!(count instanceof Value.Known k && k.json().canConvertToInt())) {
                    throw new PlanException(file, JsonPath.child(JsonPath.child(n.path(), "copy"), "count"),
                            "the copy loop's count is known only at deployment: " + count.expr().render(),
                            "give the parameters it depends on with --param NAME=VALUE");
                }
                String loop = ContextFunctions.resourceLoop(copy.path("name").asText(""));
                for (int i = 0; i < k.json().intValue(); i++) {
                    functions.inLoop(loop, i, () -> {
                        one(n).ifPresent(out::add);
                        return null;
                    });
                }
            } else {
                one(n).ifPresent(out::add);
            }
            idsOfNode.put(n.index(), out.subList(before, out.size()).stream().map(PlannedResource::id).toList());
        }
        // each resource with the ids it waits for, now that every node's instances are known
        List<PlannedResource> linked = new ArrayList<>();
        for (PlannedResource r : out) {
            DependencyGraph.Node n = nodeOf.get(r.id());
            List<String> deps = graph.dependencies(n).stream().flatMap(d -> idsOfNode.getOrDefault(d.index(),
                    List.of()).stream()).distinct().toList();
            PlannedResource withDeps = new PlannedResource(r.id(), r.type(), r.apiVersion(), r.body(), r.template(),
                    deps);
            planned.put(r.id().toLowerCase(Locale.ROOT), withDeps);
            linked.add(withDeps);
        }
        return linked;
    }

    private final Map<String, DependencyGraph.Node> nodeOf = new HashMap<>();

    private Optional<PlannedResource> one(DependencyGraph.Node n) {
        JsonNode condition = n.json().get("condition");
        Value c = condition == null ? null : evaluator.evaluateJson(condition);
        if (c instanceof Value.Known k && k.json().isBoolean() && !k.json().booleanValue()) {
            return Optional.empty();
        }
        String id = id(n);
        ObjectNode body = JSON.objectNode();
        if (c instanceof Value.Unknown) {
            body.put("condition", shown(c));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.json().fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!NOT_STATE.contains(f.getKey().toLowerCase(Locale.ROOT))) {
                body.set(f.getKey(), evaluate(f.getValue(), JsonPath.child(n.path(), f.getKey())));
            }
        }
        PlannedResource r = new PlannedResource(id, n.type(), n.json().path("apiVersion").asText(""), body, file,
                List.of());
        planned.put(id.toLowerCase(Locale.ROOT), r);
        nodeOf.put(id, n);
        return Optional.of(r);
    }

    /** The resource's full id: its scope, then {@code /providers/}, its type and each name segment. */
    private String id(DependencyGraph.Node n) {
        Value evaluated = evaluator.evaluate(n.name());
        // a name known only at deployment keeps its expression, one segment per level where the split is visible
        List<String> segments = evaluated instanceof Value.Known k && k.json().isValueNode()
                ? List.of(k.json().asText().split("/", -1))
                : io.github.hpcblueprints.arm.ResourceNames.segments(evaluated.expr()).stream()
                        // a slash inside the expression is escaped so the id keeps one segment per level
                        .map(e -> e instanceof io.github.hpcblueprints.arm.Expr.Str s ? s.value() : "{" + e.render()
                                .replace("/", "%2F") + "}").toList();
        String name = String.join("/", segments);
        String providers = ContextFunctions.providers(n.type(), segments).orElseThrow(() -> new PlanException(file,
                JsonPath.child(n.path(), "name"), "the name '" + name + "' does not have one segment for each level "
                + "of the type " + n.type(), "run hpcb lint on the template: HPCB-STRUCT-007 says how to name it"));
        JsonNode scope = n.json().get("scope");
        if (scope != null && scope.isTextual()) {
            String s = text(evaluator.evaluateString(scope.textValue()), "{", "}");
            String base = subscriptionScope ? context.subscriptionPath() : context.resourceGroupPath();
            // a relative scope (Microsoft.Storage/storageAccounts/name) is a resource of this deployment's scope
            return (s.startsWith("/") ? s : base + "/providers/" + s) + providers;
        }
        return (subscriptionScope ? context.subscriptionPath() : context.resourceGroupPath()) + providers;
    }

    /** A declaration's JSON evaluated: expressions in values and keys, and property copy loops expanded. */
    private JsonNode evaluate(JsonNode node, String path) {
        if (node.isTextual()) {
            Value v = evaluator.evaluateString(node.textValue());
            cannotEvaluate(v, path);
            return value(v);
        }
        if (node.isArray()) {
            ArrayNode out = JSON.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                out.add(evaluate(node.get(i), JsonPath.index(path, i)));
            }
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = JSON.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            String at = JsonPath.child(path, f.getKey());
            if (f.getKey().equals("copy") && f.getValue().isArray()) {
                for (JsonNode loop : f.getValue()) {
                    out.set(loop.path("name").asText(""), propertyLoop(loop, at));
                }
                continue;
            }
            String key = ExprParser.isExpressionString(f.getKey())
                    ? text(evaluator.evaluateString(f.getKey()), "{", "}") : f.getKey();
            out.set(key, evaluate(f.getValue(), at));
        }
        return out;
    }

    private ArrayNode propertyLoop(JsonNode loop, String path) {
        Value count = evaluator.evaluateJson(loop.path("count"));
        if (!(count instanceof Value.Known k && k.json().canConvertToInt())) {
            throw new PlanException(file, JsonPath.child(path, "count"), "the property loop '" + loop.path("name")
                    .asText("") + "' has a count known only at deployment: " + count.expr().render(),
                    "give the parameters it depends on with --param NAME=VALUE");
        }
        ArrayNode items = JSON.arrayNode();
        for (int i = 0; i < k.json().intValue(); i++) {
            items.add(functions.inLoop(loop.path("name").asText(""), i,
                    () -> evaluate(loop.path("input"), JsonPath.child(path, "input"))));
        }
        return items;
    }

    /** reference(): what an earlier resource declares (its properties, or all of it with 'Full'). */
    private Optional<JsonNode> reference(String idOrName, boolean full) {
        PlannedResource r = planned.get(idOrName.toLowerCase(Locale.ROOT));
        if (r == null) {
            for (PlannedResource p : planned.values()) {
                if (p.id().toLowerCase(Locale.ROOT).endsWith("/" + idOrName.toLowerCase(Locale.ROOT))) {
                    r = p;
                }
            }
        }
        if (r == null) {
            return Optional.empty();
        }
        return Optional.of(full ? r.body() : r.body().path("properties").isObject() ? r.body().get("properties")
                : JSON.objectNode());
    }

    /**
     * Parameter values: those given (a parameters file, --param), else the default evaluated; secure parameters are
     * never evaluated (nothing secret is planned or stored), and one without a value stays known at deployment.
     */
    private Map<String, JsonNode> parameters(Map<String, JsonNode> given) {
        Map<String, JsonNode> values = new HashMap<>();
        Map<String, String> byLower = new HashMap<>();
        given.forEach((k, v) -> byLower.put(k.toLowerCase(Locale.ROOT), k));
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("parameters").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            String type = p.getValue().path("type").asText("").toLowerCase(Locale.ROOT);
            if (type.startsWith("secure")) {
                continue;
            }
            String givenKey = byLower.get(p.getKey().toLowerCase(Locale.ROOT));
            if (givenKey != null) {
                values.put(p.getKey(), given.get(givenKey));
            } else if (p.getValue().has("defaultValue")) {
                Value v = Evaluator.forDeployment(template, values, functions.functions())
                        .evaluateJson(p.getValue().get("defaultValue"));
                if (v instanceof Value.Known k) {
                    values.put(p.getKey(), k.json());
                }
            }
        }
        return values;
    }

    /** Functions whose value only a deployment has; every other call with known arguments must fold. */
    private static final Set<String> AT_DEPLOYMENT = Set.of("reference", "utcnow", "newguid", "pickzones",
            "parameters", "variables", "copyindex", "managementgroup", "managementgroupresourceid");

    /** A call left over although its arguments are known: a function this plan does not implement. */
    private void cannotEvaluate(Value v, String path) {
        if (v instanceof Value.Unknown u) {
            cannotEvaluate(u.residual(), path);
        }
    }

    /** Walks the residual; what is inside a deployment-time call is that call's business. */
    private void cannotEvaluate(io.github.hpcblueprints.arm.Expr e, String path) {
        if (e instanceof io.github.hpcblueprints.arm.Expr.Member m) {
            cannotEvaluate(m.target(), path);
        } else if (e instanceof io.github.hpcblueprints.arm.Expr.Index ix) {
            cannotEvaluate(ix.target(), path);
            cannotEvaluate(ix.index(), path);
        } else if (e instanceof io.github.hpcblueprints.arm.Expr.Call c) {
            String name = c.name().toLowerCase(Locale.ROOT);
            if (AT_DEPLOYMENT.contains(name) || name.startsWith("list")) {
                return;
            }
            boolean literalArgs = c.args().stream().allMatch(TemplatePlanner::literal);
            if (literalArgs && !name.equals("createarray") && !name.equals("createobject")) {
                throw new PlanException(file, path, "the local plan cannot evaluate " + c.name() + "() in "
                        + c.render(), "check the function's name and arguments against ARM's template function "
                        + "reference; if they are right, this plan does not implement it yet (report it)");
            }
            c.args().forEach(a -> cannotEvaluate(a, path));
        }
    }

    private static boolean literal(io.github.hpcblueprints.arm.Expr e) {
        return e instanceof io.github.hpcblueprints.arm.Expr.Str || e instanceof io.github.hpcblueprints.arm.Expr.Num
                || e instanceof io.github.hpcblueprints.arm.Expr.Bool || e instanceof io.github.hpcblueprints.arm.Expr.Null
                || (e instanceof io.github.hpcblueprints.arm.Expr.Call c && (c.is("createArray") || c.is("createObject"))
                        && c.args().stream().allMatch(TemplatePlanner::literal));
    }

    private static JsonNode value(Value v) {
        return v instanceof Value.Known k ? k.json() : JSON.textNode(shown(v));
    }

    private static String shown(Value v) {
        return KNOWN_AT_DEPLOYMENT + v.expr().render() + ")";
    }

    /** A value as text: a known string as is, anything else as its expression between {@code open} and close. */
    private static String text(Value v, String open, String close) {
        if (v instanceof Value.Known k && k.json().isValueNode()) {
            return k.json().asText();
        }
        return open + v.expr().render() + close;
    }
}
