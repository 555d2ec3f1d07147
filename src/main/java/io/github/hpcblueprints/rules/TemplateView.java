package io.github.hpcblueprints.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.hpcblueprints.arm.ArmDocument;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.ExprParser;
import io.github.hpcblueprints.arm.ResourceIndex;
import io.github.hpcblueprints.diagnostics.Location;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * An ARM template (ours or anyone's) as the rules see it: every resource with its full type, including children
 * declared inside their parents and the resources of inline nested deployments, and a small evaluator that works
 * out what a property will be where the template says so (literals, parameter defaults and allowed values,
 * variables, {@code concat}, {@code format}, {@code if}, {@code toLower}) and says "unknown" where only Azure knows.
 */
public final class TemplateView {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 32;

    private final ArmDocument doc;
    private final List<ResourceView> resources = new ArrayList<>();

    public TemplateView(ArmDocument doc) {
        this.doc = doc;
        for (ResourceIndex.Entry e : doc.resources().entries()) {
            if (!e.declaredInMetadata()) {
                resources.add(new ResourceView(e.path(), e.type(), e.json(), e.nameKeys()));
            }
        }
    }

    /** The secret scan of this template, made once however many rules read it. */
    private List<io.github.hpcblueprints.diagnostics.Problem> secrets;

    List<io.github.hpcblueprints.diagnostics.Problem> secretProblems() {
        if (secrets == null) {
            secrets = List.copyOf(SecretScanner.scanTemplate(doc));
        }
        return secrets;
    }

    public ArmDocument document() {
        return doc;
    }

    public JsonNode root() {
        return doc.root();
    }

    public String source() {
        return doc.source();
    }

    public List<ResourceView> resources() {
        return Collections.unmodifiableList(resources);
    }

    public List<ResourceView> ofType(String type) {
        return resources.stream().filter(r -> r.is(type)).toList();
    }

    public Location locate(String jsonPath) {
        return doc.locate(jsonPath);
    }

    // ---- evaluation ---------------------------------------------------------------------------------------

    /** The value of a property below a resource ({@code properties.minimumTlsVersion}). */
    public Value value(ResourceView r, String dotted) {
        JsonNode n = r.get(dotted);
        return n.isMissingNode() ? new Value.Absent() : value(n);
    }

    /** The value of a JSON node of the template. */
    public Value value(JsonNode node) {
        return eval(node, 0);
    }

    private Value eval(JsonNode node, int depth) {
        if (node == null || node.isMissingNode()) {
            return new Value.Absent();
        }
        if (!node.isTextual()) {
            return new Value.Known(node);
        }
        ExprParser.Result parsed = ExprParser.tryParseArmString(node.textValue());
        if (!parsed.ok()) {
            return new Value.Unknown("the expression does not parse");
        }
        return eval(parsed.expr().orElseThrow(), depth);
    }

    /** What an already parsed expression is known to be. */
    Value value(Expr e) {
        return eval(e, 0);
    }

    private Value eval(Expr e, int depth) {
        if (depth > MAX_DEPTH) {
            return new Value.Unknown("expressions nest too deep to follow");
        }
        if (e instanceof Expr.Str s) {
            return new Value.Known(NODES.textNode(s.value()));
        }
        if (e instanceof Expr.Num n) {
            return new Value.Known(NODES.numberNode(n.value()));
        }
        if (e instanceof Expr.Bool b) {
            return new Value.Known(NODES.booleanNode(b.value()));
        }
        if (e instanceof Expr.Null) {
            return new Value.Known(NODES.nullNode());
        }
        if (e instanceof Expr.Member m && eval(m.target(), depth + 1) instanceof Value.Known k && k.node().isObject()
                && k.node().has(m.name())) {
            return eval(k.node().get(m.name()), depth + 1);
        }
        if (e instanceof Expr.Index ix && eval(ix.target(), depth + 1) instanceof Value.Known k
                && eval(ix.index(), depth + 1) instanceof Value.Known i) {
            JsonNode item = k.node().isArray() && i.node().isIntegralNumber() ? k.node().get(i.node().intValue())
                    : k.node().isObject() && i.node().isTextual() ? k.node().get(i.node().textValue()) : null;
            if (item != null) {
                return eval(item, depth + 1);
            }
        }
        if (!(e instanceof Expr.Call c)) {
            return new Value.Unknown(e.render() + " is computed at deployment");
        }
        String fn = c.name().toLowerCase(Locale.ROOT);
        switch (fn) {
            case "parameters":
                return parameter(c, depth);
            case "variables":
                if (c.args().size() == 1 && c.arg(0) instanceof Expr.Str name) {
                    JsonNode v = root().path("variables").path(name.value());
                    return v.isMissingNode() ? new Value.Unknown("variable '" + name.value() + "' is not declared")
                            : eval(v, depth + 1);
                }
                break;
            case "if":
                if (c.args().size() == 3) {
                    Value cond = eval(c.arg(0), depth + 1);
                    if (cond instanceof Value.Known k && k.node().isBoolean()) {
                        return eval(c.arg(k.node().booleanValue() ? 1 : 2), depth + 1);
                    }
                    Value a = eval(c.arg(1), depth + 1);
                    Value b = eval(c.arg(2), depth + 1);
                    if (a instanceof Value.Known ka && b instanceof Value.Known kb) {
                        return new Value.OneOf(List.of(ka.node(), kb.node()), "if(" + c.arg(0).render() + ")");
                    }
                }
                break;
            case "bool":
                if (c.args().size() == 1 && eval(c.arg(0), depth + 1) instanceof Value.Known k) {
                    return new Value.Known(NODES.booleanNode(k.node().asText().equalsIgnoreCase("true")
                            || k.node().asBoolean(false)));
                }
                break;
            default:
                return functionOf(c, depth);
        }
        return new Value.Unknown(c.name() + "(...) is computed at deployment");
    }

    /** Any other function of known values, folded by the ARM evaluator's function library. */
    private Value functionOf(Expr.Call c, int depth) {
        List<JsonNode> args = new ArrayList<>();
        for (Expr a : c.args()) {
            Value v = eval(a, depth + 1);
            if (!(v instanceof Value.Known k)) {
                return v instanceof Value.Unknown u ? u
                        : new Value.Unknown(c.name() + " of values chosen at deployment");
            }
            args.add(k.node());
        }
        return io.github.hpcblueprints.arm.Evaluator.apply(c.name(), args).<Value>map(Value.Known::new)
                .orElseGet(() -> new Value.Unknown(c.name() + "(...) is computed at deployment"));
    }

    private Value parameter(Expr.Call c, int depth) {
        if (c.args().size() != 1 || !(c.arg(0) instanceof Expr.Str name)) {
            return new Value.Unknown("a computed parameter name");
        }
        JsonNode p = root().path("parameters").path(name.value());
        if (p.isMissingNode()) {
            return new Value.Unknown("parameter '" + name.value() + "' is not declared");
        }
        JsonNode allowed = p.path("allowedValues");
        if (allowed.isArray() && !allowed.isEmpty()) {
            List<JsonNode> values = new ArrayList<>();
            allowed.forEach(values::add);
            return new Value.OneOf(values, "parameter '" + name.value() + "'");
        }
        if (p.has("defaultValue")) {
            return eval(p.get("defaultValue"), depth + 1);
        }
        return new Value.Unknown("parameter '" + name.value() + "' has no default; its value comes at deployment");
    }
}
