package io.github.hpcblueprints.arm;

import io.github.hpcblueprints.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded generators of expressions and whole templates for property tests (no jqwik: plain java.util.Random). */
final class RandomTemplates {

    private static final String[] FUNCTIONS = {"concat", "format", "toLower", "uniqueString", "guid", "take",
        "if", "equals", "createArray", "union", "resourceGroup", "subscription", "string", "json", "ns.custom"};
    private static final String[] MEMBERS = {"id", "location", "properties", "primaryEndpoints", "blob",
        "principalId", "$special", "odd-name", "x9"};
    private static final String ALPHABET = "abcXYZ019 -_/.'[]{}()\"\\,:é\u00e9\u4e2d";

    private RandomTemplates() {
    }

    static Expr expr(Random r, int depth) {
        int choice = depth <= 0 ? r.nextInt(4) : r.nextInt(8);
        switch (choice) {
            case 0:
                return Expr.str(string(r));
            case 1:
                return Expr.num(r.nextInt(5) == 0 ? r.nextLong() : r.nextInt(2000) - 1000);
            case 2:
                return Expr.bool(r.nextBoolean());
            case 3:
                return r.nextInt(3) == 0 ? Expr.nul() : Expr.parameters(identifier(r));
            case 4:
            case 5: {
                List<Expr> args = new ArrayList<>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    args.add(expr(r, depth - 1));
                }
                return Expr.call(FUNCTIONS[r.nextInt(FUNCTIONS.length)], args);
            }
            case 6:
                return new Expr.Member(expr(r, depth - 1), MEMBERS[r.nextInt(MEMBERS.length)]);
            default:
                return new Expr.Index(expr(r, depth - 1), r.nextBoolean() ? Expr.num(r.nextInt(5))
                        : Expr.str(string(r)));
        }
    }

    static String string(Random r) {
        int len = r.nextInt(8);
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(6) == 0) {
            sb.append('[');
        }
        for (int i = 0; i < len; i++) {
            sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        if (r.nextInt(6) == 0) {
            sb.append(']');
        }
        return sb.toString();
    }

    static String identifier(Random r) {
        return "p" + Integer.toString(r.nextInt(100000), 36);
    }

    /** A structurally valid template (every reference declared) with random values inside. */
    static Template template(Random r) {
        Template.Builder b = Template.builder(r.nextInt(4) == 0 ? Scope.SUBSCRIPTION : Scope.RESOURCE_GROUP);
        if (r.nextBoolean()) {
            b.metadata("description", Json.literal(string(r)));
        }
        List<Expr> params = new ArrayList<>();
        int np = r.nextInt(5);
        for (int i = 0; i < np; i++) {
            ParameterType type = ParameterType.values()[r.nextInt(ParameterType.values().length)];
            Parameter p = Parameter.of("param" + i, type);
            if (r.nextBoolean() && !type.isSecure()) {
                p = p.withDefault(value(r, 2));
            }
            if (r.nextInt(3) == 0) {
                p = p.withDescription(string(r));
            }
            if (r.nextInt(4) == 0) {
                p = p.withMinLength(r.nextInt(3)).withMaxLength(3 + r.nextInt(60));
            }
            if (r.nextInt(4) == 0) {
                p = p.withAllowed(string(r), string(r));
            }
            params.add(b.parameter(p));
        }
        int nv = r.nextInt(4);
        for (int i = 0; i < nv; i++) {
            b.variable("var" + i, params.isEmpty() || r.nextBoolean() ? value(r, 2)
                    : Json.expr(Expr.concat(params.get(r.nextInt(params.size())), Expr.str(string(r)))));
        }
        int nr = 1 + r.nextInt(5);
        List<ResourceRef> refs = new ArrayList<>();
        for (int i = 0; i < nr; i++) {
            Expr name = params.isEmpty() || r.nextBoolean() ? Expr.str("res" + i)
                    : Expr.format("{0}-" + i, params.get(r.nextInt(params.size())));
            Resource.Builder rb = Resource.builder("Microsoft.Test/things", "2024-0" + (1 + r.nextInt(9)) + "-01",
                    name);
            if (r.nextBoolean()) {
                rb.location(Expr.resourceGroupLocation());
            }
            if (r.nextBoolean()) {
                rb.tags(Json.obj("project", string(r)));
            }
            if (r.nextInt(3) == 0) {
                rb.sku(Json.obj("name", "Standard"));
            }
            if (r.nextInt(4) == 0) {
                rb.condition(Expr.bool(r.nextBoolean()));
            }
            ObjectNode props = JsonTrees.object();
            props.set("value", value(r, 3));
            if (!refs.isEmpty() && r.nextBoolean()) {
                props.set("other", Json.expr(refs.get(r.nextInt(refs.size())).id()));
            }
            rb.properties(props);
            refs.add(b.resource(rb.build()));
        }
        if (r.nextBoolean()) {
            b.output(Output.of("out", ParameterType.STRING, Json.expr(refs.get(0).id())));
        }
        return b.build();
    }

    static JsonNode value(Random r, int depth) {
        int choice = depth <= 0 ? r.nextInt(5) : r.nextInt(7);
        switch (choice) {
            case 0:
                return Json.literal(string(r));
            case 1:
                return JsonTrees.number(r.nextInt(10) == 0 ? r.nextLong() : r.nextInt(100));
            case 2:
                return JsonTrees.NODES.booleanNode(r.nextBoolean());
            case 3:
                return JsonTrees.NODES.numberNode(new BigDecimal(r.nextInt(1000)).movePointLeft(r.nextInt(3) + 1));
            case 4:
                return JsonTrees.NODES.nullNode();
            case 5: {
                ObjectNode o = JsonTrees.object();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    o.set("k" + i + string(r).replace("'", ""), value(r, depth - 1));
                }
                return o;
            }
            default: {
                var a = JsonTrees.array();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    a.add(value(r, depth - 1));
                }
                return a;
            }
        }
    }
}
