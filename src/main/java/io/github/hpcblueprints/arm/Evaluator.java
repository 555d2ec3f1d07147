package io.github.hpcblueprints.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates ARM template expressions as far as their inputs are known. One evaluator serves the local plan (every
 * parameter known: values) and the rules (parameters unknown: what a name or id is, with the variables and literal
 * arithmetic folded in, so {@code concat('Microsoft.Network/virtualNetworks/', variables('vnet'))} and
 * {@code resourceId('Microsoft.Network/virtualNetworks', 'vnet1')} can be compared).
 *
 * <p>Functions follow ARM's template function reference; a call whose arguments are not all known, or whose function
 * this evaluator does not implement, stays in the residual with its arguments folded.
 */
public final class Evaluator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 32;

    private final Map<String, JsonNode> parameters;
    private final Map<String, JsonNode> variableDefinitions;
    private final Map<String, Value> variableValues = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();
    private final Map<String, ? extends ArmFunction> functions;

    private Evaluator(Map<String, JsonNode> parameters, JsonNode variables, Map<String, ? extends ArmFunction> functions) {
        this.parameters = lowerKeys(parameters);
        this.variableDefinitions = new HashMap<>();
        if (variables != null && variables.isObject()) {
            variables.fields().forEachRemaining(f -> variableDefinitions.put(f.getKey().toLowerCase(Locale.ROOT),
                    f.getValue()));
        }
        this.functions = functions;
    }

    /** For analysis: the template's variables known, its parameters not (a deployment may set any of them). */
    public static Evaluator partial(JsonNode template) {
        return ofVariables(template.path("variables"));
    }

    /** For analysis of one template's variables, its parameters unknown. */
    public static Evaluator ofVariables(JsonNode variables) {
        return new Evaluator(Map.of(), variables, Functions.STANDARD);
    }

    /**
     * For planning: parameter values known (ARM's parameter names are case-insensitive), and the deployment-context
     * functions ({@code resourceGroup()}, {@code reference()} ...) given by name in lower case; they take precedence.
     */
    public static Evaluator forDeployment(JsonNode template, Map<String, JsonNode> parameters,
            Map<String, ArmFunction> context) {
        Map<String, ArmFunction> all = new HashMap<>(Functions.STANDARD);
        all.putAll(context);
        return new Evaluator(parameters, template.path("variables"), all);
    }

    /** For planning: parameter values known (ARM's parameter names are case-insensitive). */
    public static Evaluator withParameters(JsonNode template, Map<String, JsonNode> parameters) {
        return new Evaluator(parameters, template.path("variables"), Functions.STANDARD);
    }

    /**
     * Applies one of ARM's functions to known arguments (the rules' value-following uses the same library): the
     * result, or empty where the function is not one this evaluator folds or refuses these arguments.
     */
    public static Optional<JsonNode> apply(String function, List<JsonNode> args) {
        Functions.Fn fn = Functions.STANDARD.get(function.toLowerCase(Locale.ROOT));
        if (fn == null) {
            return Optional.empty();
        }
        List<Value> values = args.stream().map(Value::of).toList();
        return fn.apply(values).filter(Value::known).map(v -> ((Value.Known) v).json());
    }

    /** Evaluates a template string: an expression in brackets, or a literal (with {@code [[} unescaped). */
    public Value evaluateString(String text) {
        ExprParser.Result parsed = ExprParser.tryParseArmString(text);
        if (!parsed.ok()) {
            return Value.of(text);
        }
        return evaluate(parsed.expr().orElseThrow());
    }

    /** Evaluates a JSON value of a template: strings as expressions, objects and arrays member by member. */
    public Value evaluateJson(JsonNode json) {
        return evaluateJson(json, 0);
    }

    private Value evaluateJson(JsonNode json, int depth) {
        if (json == null) {
            return Value.of(JSON.nullNode());
        }
        if (json.isTextual()) {
            return evaluateString(json.textValue());
        }
        if (depth > MAX_DEPTH) {
            return Value.of(json);
        }
        if (json.isArray()) {
            List<Value> items = new ArrayList<>();
            json.forEach(e -> items.add(evaluateJson(e, depth + 1)));
            if (items.stream().allMatch(Value::known)) {
                ArrayNode out = JSON.arrayNode();
                items.forEach(v -> out.add(((Value.Known) v).json()));
                return Value.of(out);
            }
            return new Value.Unknown(Expr.call("createArray", items.stream().map(Value::expr).toArray(Expr[]::new)));
        }
        if (json.isObject()) {
            Map<String, Value> fields = new java.util.LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                fields.put(f.getKey(), evaluateJson(f.getValue(), depth + 1));
            }
            if (fields.values().stream().allMatch(Value::known)) {
                ObjectNode out = JSON.objectNode();
                fields.forEach((k, v) -> out.set(k, ((Value.Known) v).json()));
                return Value.of(out);
            }
            List<Expr> args = new ArrayList<>();
            fields.forEach((k, v) -> {
                args.add(Expr.str(k));
                args.add(v.expr());
            });
            return new Value.Unknown(Expr.call("createObject", args.toArray(Expr[]::new)));
        }
        return Value.of(json);
    }

    /** Evaluates an expression tree. */
    public Value evaluate(Expr e) {
        if (e instanceof Expr.Member m) {
            Value target = evaluate(m.target());
            Value v = member(target, m.name());
            // a property the known object lacks (reference()'s run-time values): the expression as written
            return v instanceof Value.Unknown && target.known() ? new Value.Unknown(m) : v;
        }
        if (e instanceof Expr.Index ix) {
            return index(evaluate(ix.target()), evaluate(ix.index()));
        }
        if (e instanceof Expr.Call c) {
            return call(c);
        }
        return expressionValue(e);
    }

    private Value call(Expr.Call c) {
        String name = c.name().toLowerCase(Locale.ROOT);
        if (name.equals("parameters") && c.args().size() == 1 && c.arg(0) instanceof Expr.Str p) {
            JsonNode v = parameters.get(p.value().toLowerCase(Locale.ROOT));
            return v != null ? Value.of(v) : new Value.Unknown(c);
        }
        if (name.equals("variables") && c.args().size() == 1 && c.arg(0) instanceof Expr.Str v) {
            return variable(v.value(), c);
        }
        if (name.equals("if") && c.args().size() == 3) {
            // only the chosen branch is evaluated, as ARM does
            Value cond = evaluate(c.arg(0));
            if (cond instanceof Value.Known k && k.json().isBoolean()) {
                return evaluate(k.json().booleanValue() ? c.arg(1) : c.arg(2));
            }
        }
        List<Value> args = new ArrayList<>();
        for (Expr a : c.args()) {
            args.add(evaluate(a));
        }
        ArmFunction fn = functions.get(name);
        if (fn != null) {
            Optional<Value> folded = fn.apply(args);
            if (folded.isPresent()) {
                return folded.get();
            }
        }
        return new Value.Unknown(Expr.call(c.name(), args.stream().map(Value::expr).toArray(Expr[]::new)));
    }

    private Value variable(String name, Expr.Call call) {
        String key = name.toLowerCase(Locale.ROOT);
        Value cached = variableValues.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode def = variableDefinitions.get(key);
        // undeclared, a variable copy loop, or a cycle: left as written
        if (def == null || key.equals("copy") || !evaluating.add(key)) {
            return new Value.Unknown(call);
        }
        try {
            Value v = evaluateJson(def);
            variableValues.put(key, v);
            return v;
        } finally {
            evaluating.remove(key);
        }
    }

    private static Value member(Value target, String name) {
        if (target instanceof Value.Known k && k.json().isObject()) {
            JsonNode v = field(k.json(), name);
            if (v != null) {
                return Value.of(v);
            }
        }
        if (target instanceof Value.Unknown u && u.residual() instanceof Expr.Call c && c.is("createObject")) {
            for (int i = 0; i + 1 < c.args().size(); i += 2) {
                if (c.arg(i) instanceof Expr.Str k && k.value().equalsIgnoreCase(name)) {
                    return expressionValue(c.arg(i + 1));
                }
            }
        }
        return new Value.Unknown(target.expr().prop(name));
    }

    private static Value index(Value target, Value index) {
        if (target instanceof Value.Known t && index instanceof Value.Known i) {
            if (t.json().isArray() && i.json().isIntegralNumber()) {
                int n = i.json().intValue();
                if (n >= 0 && n < t.json().size()) {
                    return Value.of(t.json().get(n));
                }
            } else if (t.json().isObject() && i.json().isTextual()) {
                JsonNode v = field(t.json(), i.json().textValue());
                if (v != null) {
                    return Value.of(v);
                }
            }
        }
        if (target instanceof Value.Unknown u && u.residual() instanceof Expr.Call c && c.is("createArray")
                && index instanceof Value.Known i && i.json().isIntegralNumber()) {
            int n = i.json().intValue();
            if (n >= 0 && n < c.args().size()) {
                return expressionValue(c.arg(n));
            }
        }
        return new Value.Unknown(new Expr.Index(target.expr(), index.expr()));
    }

    /** A residual's part back as a value: a literal is known again. */
    private static Value expressionValue(Expr e) {
        if (e instanceof Expr.Str s) {
            return Value.of(JSON.textNode(s.value()));
        }
        if (e instanceof Expr.Num n) {
            return Value.of(JSON.numberNode(n.value()));
        }
        if (e instanceof Expr.Bool b) {
            return Value.of(JSON.booleanNode(b.value()));
        }
        if (e instanceof Expr.Null) {
            return Value.of(JSON.nullNode());
        }
        return new Value.Unknown(e);
    }

    /** ARM property names compare case-insensitively. */
    static JsonNode field(JsonNode object, String name) {
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (k.equalsIgnoreCase(name)) {
                return object.get(k);
            }
        }
        return null;
    }

    private static Map<String, JsonNode> lowerKeys(Map<String, JsonNode> in) {
        Map<String, JsonNode> out = new HashMap<>();
        in.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
    }
}
