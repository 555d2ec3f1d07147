package io.github.hpcblueprints.arm;

import io.github.hpcblueprints.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON values as ARM sees them. A Java {@link String} put into a template through these helpers is always a
 * literal (escaped when ARM would mistake it for an expression); an {@link Expr} becomes its ARM form. Numbers are
 * kept in one canonical representation (int, long, or exact decimal) so a tree read back from a file equals the
 * tree it was written from.
 */
public final class Json {

    private Json() {
    }

    /**
     * An object from key/value pairs, in order. Values go through {@link #node(Object)}; a {@code null} value or an
     * empty {@link Optional} leaves its key out, which keeps builders of optional settings short.
     */
    public static ObjectNode obj(Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("obj() takes key/value pairs");
        }
        ObjectNode o = JsonTrees.object();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            if (value == null || (value instanceof Optional<?> opt && opt.isEmpty())) {
                continue;
            }
            o.set((String) keyValues[i], node(value));
        }
        return o;
    }

    /** An array of values converted by {@link #node(Object)}. */
    public static ArrayNode arr(Object... values) {
        ArrayNode a = JsonTrees.array();
        for (Object v : values) {
            a.add(node(v));
        }
        return a;
    }

    /** An array from a list, each element converted by {@link #node(Object)}. */
    public static ArrayNode arrOf(List<?> values) {
        ArrayNode a = JsonTrees.array();
        for (Object v : values) {
            a.add(node(v));
        }
        return a;
    }

    /**
     * Converts a Java value: String (a literal), {@link Expr}, {@link JsonNode}, numbers, booleans, lists, maps
     * (in iteration order) and enums (by {@code toString()}).
     */
    public static JsonNode node(Object value) {
        if (value instanceof JsonNode n) {
            return n;
        }
        if (value instanceof Expr e) {
            return expr(e);
        }
        if (value instanceof String s) {
            return literal(s);
        }
        if (value instanceof Boolean b) {
            return JsonTrees.NODES.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return JsonTrees.number(((Number) value).longValue());
        }
        if (value instanceof BigDecimal d) {
            return JsonTrees.NODES.numberNode(d);
        }
        if (value instanceof Double || value instanceof Float) {
            return JsonTrees.NODES.numberNode(new BigDecimal(value.toString()));
        }
        if (value instanceof BigInteger bi) {
            return JsonTrees.NODES.numberNode(bi);
        }
        if (value instanceof Optional<?> opt && opt.isPresent()) {
            return node(opt.get());
        }
        if (value instanceof List<?> list) {
            return arrOf(list);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode o = JsonTrees.object();
            map.forEach((k, v) -> o.set(String.valueOf(k), node(v)));
            return o;
        }
        if (value instanceof Enum<?> en) {
            return literal(en.toString());
        }
        throw new IllegalArgumentException("cannot put a " + (value == null ? "null" : value.getClass().getName())
                + " into a template");
    }

    /** A string literal as ARM reads it back: escaped with {@code [[} where it looks like an expression. */
    public static JsonNode literal(String value) {
        return JsonTrees.NODES.textNode(ExprText.escapeLiteral(value));
    }

    /** An expression as a JSON value: literals become JSON literals, anything else {@code "[...]"}. */
    public static JsonNode expr(Expr e) {
        if (e instanceof Expr.Str s) {
            return literal(s.value());
        }
        if (e instanceof Expr.Num n) {
            return JsonTrees.number(n.value());
        }
        if (e instanceof Expr.Bool b) {
            return JsonTrees.NODES.booleanNode(b.value());
        }
        if (e instanceof Expr.Null) {
            return JsonTrees.NODES.nullNode();
        }
        return JsonTrees.NODES.textNode(e.toArmString());
    }

    /**
     * The expression a JSON value stands for: a string is parsed as ARM does, integers, booleans and null become
     * literals; objects, arrays and decimals are not expressions. Throws on a malformed expression string.
     */
    public static Optional<Expr> toExpr(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return Optional.of(ExprParser.parseArmString(node.textValue()));
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return Optional.of(new Expr.Num(node.longValue()));
        }
        if (node.isBoolean()) {
            return Optional.of(new Expr.Bool(node.booleanValue()));
        }
        if (node.isNull()) {
            return Optional.of(new Expr.Null());
        }
        return Optional.empty();
    }

}
