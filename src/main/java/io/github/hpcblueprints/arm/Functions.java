package io.github.hpcblueprints.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * ARM's template functions that depend on their arguments alone (string, array, object, comparison, logical and
 * numeric functions), as documented in the template function reference. Each returns empty when it cannot fold (an
 * argument unknown, or of a type the function refuses); the evaluator then keeps the call in the residual.
 */
final class Functions {

    /** One function: the evaluated arguments to a value, or empty to leave the call as it is. */
    @FunctionalInterface
    interface Fn extends ArmFunction {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final com.fasterxml.jackson.databind.ObjectMapper READER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    static final Map<String, Fn> STANDARD = standard();

    private Functions() {
    }

    private static Map<String, Fn> standard() {
        Map<String, Fn> m = new HashMap<>();
        m.put("concat", Functions::concat);
        m.put("format", Functions::format);
        m.put("tolower", text(s -> s.toLowerCase(Locale.ROOT)));
        m.put("toupper", text(s -> s.toUpperCase(Locale.ROOT)));
        m.put("trim", text(String::strip));
        m.put("string", known(a -> Optional.of(str(a.get(0).isTextual() ? a.get(0).textValue()
                : compact(a.get(0))))));
        m.put("base64", text(s -> Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8))));
        m.put("base64tostring", known(a -> a.get(0).isTextual() ? decode(a.get(0).textValue()) : Optional.empty()));
        m.put("replace", known(a -> allText(a, 3) ? Optional.of(str(a.get(0).textValue()
                .replace(a.get(1).textValue(), a.get(2).textValue()))) : Optional.empty()));
        m.put("startswith", known(a -> allText(a, 2) ? Optional.of(bool(a.get(0).textValue().toLowerCase(Locale.ROOT)
                .startsWith(a.get(1).textValue().toLowerCase(Locale.ROOT)))) : Optional.empty()));
        m.put("endswith", known(a -> allText(a, 2) ? Optional.of(bool(a.get(0).textValue().toLowerCase(Locale.ROOT)
                .endsWith(a.get(1).textValue().toLowerCase(Locale.ROOT)))) : Optional.empty()));
        m.put("indexof", known(a -> allText(a, 2) ? Optional.of(num(a.get(0).textValue().toLowerCase(Locale.ROOT)
                .indexOf(a.get(1).textValue().toLowerCase(Locale.ROOT)))) : Optional.empty()));
        m.put("split", known(Functions::split));
        m.put("substring", known(Functions::substring));
        m.put("padleft", known(Functions::padLeft));
        m.put("length", known(a -> a.get(0).isTextual() ? Optional.of(num(a.get(0).textValue().length()))
                : a.get(0).isContainerNode() ? Optional.of(num(a.get(0).size())) : Optional.empty()));
        m.put("empty", known(a -> Optional.of(bool(a.get(0).isNull() || (a.get(0).isTextual()
                ? a.get(0).textValue().isEmpty() : a.get(0).isContainerNode() && a.get(0).size() == 0)))));
        m.put("contains", known(Functions::contains));
        m.put("first", known(a -> a.get(0).isArray() ? Optional.of(a.get(0).size() == 0 ? JSON.nullNode()
                : a.get(0).get(0)) : a.get(0).isTextual() && !a.get(0).textValue().isEmpty()
                        ? Optional.of(str(a.get(0).textValue().substring(0, 1))) : Optional.empty()));
        m.put("last", known(a -> a.get(0).isArray() ? Optional.of(a.get(0).size() == 0 ? JSON.nullNode()
                : a.get(0).get(a.get(0).size() - 1)) : a.get(0).isTextual() && !a.get(0).textValue().isEmpty()
                        ? Optional.of(str(a.get(0).textValue().substring(a.get(0).textValue().length() - 1)))
                        : Optional.empty()));
        m.put("take", known(a -> slice(a, true)));
        m.put("skip", known(a -> slice(a, false)));
        m.put("createarray", known(a -> {
            ArrayNode out = JSON.arrayNode();
            a.forEach(out::add);
            return Optional.of(out);
        }));
        m.put("array", known(a -> Optional.of(a.get(0).isArray() ? a.get(0) : JSON.arrayNode().add(a.get(0)))));
        m.put("createobject", known(Functions::createObject));
        m.put("union", known(Functions::union));
        m.put("json", known(a -> a.get(0).isTextual() ? parseJson(a.get(0).textValue()) : Optional.empty()));
        m.put("null", known(a -> Optional.of(JSON.nullNode())));
        m.put("true", known(a -> Optional.of(bool(true))));
        m.put("false", known(a -> Optional.of(bool(false))));
        m.put("coalesce", Functions::coalesce);
        m.put("equals", known(a -> a.size() == 2 ? Optional.of(bool(a.get(0).equals(a.get(1)))) : Optional.empty()));
        m.put("not", known(a -> a.get(0).isBoolean() ? Optional.of(bool(!a.get(0).booleanValue())) : Optional.empty()));
        m.put("and", Functions::and);
        m.put("or", Functions::or);
        m.put("bool", known(a -> a.get(0).isBoolean() ? Optional.of(a.get(0)) : a.get(0).isTextual()
                ? Optional.of(bool(a.get(0).textValue().equalsIgnoreCase("true")))
                : a.get(0).isIntegralNumber() ? Optional.of(bool(a.get(0).longValue() != 0)) : Optional.empty()));
        m.put("int", known(Functions::toInt));
        m.put("add", numeric((x, y) -> Optional.of(x + y)));
        m.put("sub", numeric((x, y) -> Optional.of(x - y)));
        m.put("mul", numeric((x, y) -> Optional.of(x * y)));
        m.put("div", numeric((x, y) -> y == 0 ? Optional.empty() : Optional.of(x / y)));
        m.put("mod", numeric((x, y) -> y == 0 ? Optional.empty() : Optional.of(x % y)));
        m.put("greater", compare(c -> c > 0));
        m.put("greaterorequals", compare(c -> c >= 0));
        m.put("less", compare(c -> c < 0));
        m.put("lessorequals", compare(c -> c <= 0));
        m.put("min", known(a -> extreme(a, true)));
        m.put("max", known(a -> extreme(a, false)));
        m.put("uniquestring", known(a -> !a.isEmpty() && a.stream().allMatch(JsonNode::isTextual)
                ? Optional.of(str(Hashes.uniqueString(a.stream().map(JsonNode::textValue).toList()))) : Optional.empty()));
        m.put("guid", known(a -> !a.isEmpty() && a.stream().allMatch(JsonNode::isTextual)
                ? Optional.of(str(Hashes.guid(a.stream().map(JsonNode::textValue).toList()))) : Optional.empty()));
        m.put("range", known(a -> a.size() == 2 && a.get(0).isIntegralNumber() && a.get(1).isIntegralNumber()
                && a.get(1).longValue() >= 0 && a.get(1).longValue() <= 10_000 ? Optional.of(range(a.get(0).longValue(),
                        a.get(1).longValue())) : Optional.empty()));
        return Map.copyOf(m);
    }

    // ---- shapes of functions ------------------------------------------------------------------------------

    private static Fn known(Function<List<JsonNode>, Optional<JsonNode>> f) {
        return args -> {
            List<JsonNode> values = new ArrayList<>();
            for (Value v : args) {
                if (!(v instanceof Value.Known k)) {
                    return Optional.empty();
                }
                values.add(k.json());
            }
            try {
                return f.apply(values).map(Value::of);
            } catch (IndexOutOfBoundsException wrongArity) {
                return Optional.empty(); // too few arguments: ARM refuses the call; it stays as written
            }
        };
    }

    private static Fn text(Function<String, String> f) {
        return known(a -> a.size() == 1 && a.get(0).isTextual() ? Optional.of(str(f.apply(a.get(0).textValue())))
                : Optional.empty());
    }

    private interface LongOp {
        Optional<Long> apply(long x, long y);
    }

    private static Fn numeric(LongOp op) {
        return known(a -> a.size() == 2 && a.get(0).isIntegralNumber() && a.get(1).isIntegralNumber()
                ? op.apply(a.get(0).longValue(), a.get(1).longValue()).map(Functions::num) : Optional.empty());
    }

    private static Fn compare(java.util.function.IntPredicate test) {
        return known(a -> {
            if (a.size() != 2) {
                return Optional.empty();
            }
            if (a.get(0).isIntegralNumber() && a.get(1).isIntegralNumber()) {
                return Optional.of(bool(test.test(Long.compare(a.get(0).longValue(), a.get(1).longValue()))));
            }
            if (a.get(0).isTextual() && a.get(1).isTextual()) {
                return Optional.of(bool(test.test(a.get(0).textValue().compareTo(a.get(1).textValue()))));
            }
            return Optional.empty();
        });
    }

    // ---- the functions --------------------------------------------------------------------------------------

    /**
     * Strings join; arrays append. With some parts unknown the call stays, adjacent known strings merged, so two
     * spellings of one name fold to the same residual.
     */
    private static Optional<Value> concat(List<Value> args) {
        if (args.stream().allMatch(Value::known)) {
            List<JsonNode> values = args.stream().map(v -> ((Value.Known) v).json()).toList();
            if (values.stream().allMatch(JsonNode::isArray)) {
                ArrayNode out = JSON.arrayNode();
                values.forEach(v -> out.addAll((ArrayNode) v));
                return Optional.of(Value.of(out));
            }
            StringBuilder sb = new StringBuilder();
            for (JsonNode v : values) {
                if (v.isContainerNode()) {
                    return Optional.empty();
                }
                sb.append(v.isTextual() ? v.textValue() : v.isNull() ? "" : v.asText());
            }
            return Optional.of(Value.of(sb.toString()));
        }
        List<Expr> parts = new ArrayList<>();
        for (Value v : args) {
            Expr e = v.expr();
            if (e instanceof Expr.Call inner && inner.is("concat")) {
                parts.addAll(inner.args());
            } else if (!(e instanceof Expr.Str s && s.value().isEmpty())) {
                parts.add(e);
            }
        }
        List<Expr> merged = ResourceNames.mergeLiterals(parts);
        return Optional.of(merged.size() == 1 ? new Value.Unknown(merged.get(0))
                : new Value.Unknown(Expr.call("concat", merged)));
    }

    /** .NET composite formatting of the {@code {n}} kind; with a known format string and unknown arguments, a concat. */
    private static Optional<Value> format(List<Value> args) {
        if (args.isEmpty() || !(args.get(0).text().isPresent())) {
            return Optional.empty();
        }
        String fmt = args.get(0).text().get();
        List<Value> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char ch = fmt.charAt(i);
            if (ch == '{' && i + 1 < fmt.length() && fmt.charAt(i + 1) == '{') {
                literal.append('{');
                i++;
            } else if (ch == '}' && i + 1 < fmt.length() && fmt.charAt(i + 1) == '}') {
                literal.append('}');
                i++;
            } else if (ch == '{') {
                int close = fmt.indexOf('}', i);
                if (close < 0) {
                    return Optional.empty();
                }
                String spec = fmt.substring(i + 1, close);
                if (!spec.matches("\\d+")) {
                    return Optional.empty(); // alignment or format specifiers: leave to ARM
                }
                int n = Integer.parseInt(spec) + 1;
                if (n >= args.size()) {
                    return Optional.empty();
                }
                pieces.add(Value.of(literal.toString()));
                literal.setLength(0);
                Value arg = args.get(n);
                if (arg instanceof Value.Known k && k.json().isContainerNode()) {
                    return Optional.empty();
                }
                pieces.add(arg instanceof Value.Known k && !k.json().isTextual()
                        ? Value.of(k.json().isNull() ? "" : k.json().asText()) : arg);
                i = close;
            } else {
                literal.append(ch);
            }
        }
        pieces.add(Value.of(literal.toString()));
        return concat(pieces);
    }

    private static Optional<Value> coalesce(List<Value> args) {
        for (Value v : args) {
            if (!(v instanceof Value.Known k)) {
                return Optional.empty();
            }
            if (!k.json().isNull()) {
                return Optional.of(v);
            }
        }
        return Optional.of(Value.of(JSON.nullNode()));
    }

    /** false decides {@code and} whatever the unknown parts are. */
    private static Optional<Value> and(List<Value> args) {
        boolean allKnown = true;
        for (Value v : args) {
            if (v instanceof Value.Known k && k.json().isBoolean()) {
                if (!k.json().booleanValue()) {
                    return Optional.of(Value.of(bool(false)));
                }
            } else {
                allKnown = false;
            }
        }
        return allKnown ? Optional.of(Value.of(bool(true))) : Optional.empty();
    }

    private static Optional<Value> or(List<Value> args) {
        boolean allKnown = true;
        for (Value v : args) {
            if (v instanceof Value.Known k && k.json().isBoolean()) {
                if (k.json().booleanValue()) {
                    return Optional.of(Value.of(bool(true)));
                }
            } else {
                allKnown = false;
            }
        }
        return allKnown ? Optional.of(Value.of(bool(false))) : Optional.empty();
    }

    private static Optional<JsonNode> contains(List<JsonNode> a) {
        if (a.size() != 2) {
            return Optional.empty();
        }
        JsonNode c = a.get(0);
        JsonNode item = a.get(1);
        if (c.isTextual() && item.isValueNode()) {
            return Optional.of(bool(c.textValue().contains(item.asText())));
        }
        if (c.isArray()) {
            for (JsonNode e : c) {
                if (e.equals(item)) {
                    return Optional.of(bool(true));
                }
            }
            return Optional.of(bool(false));
        }
        if (c.isObject() && item.isTextual()) {
            return Optional.of(bool(Evaluator.field(c, item.textValue()) != null));
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> split(List<JsonNode> a) {
        if (a.size() != 2 || !a.get(0).isTextual()) {
            return Optional.empty();
        }
        List<String> delimiters = new ArrayList<>();
        if (a.get(1).isTextual()) {
            delimiters.add(a.get(1).textValue());
        } else if (a.get(1).isArray()) {
            a.get(1).forEach(d -> delimiters.add(d.asText()));
        } else {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>(List.of(a.get(0).textValue()));
        for (String d : delimiters) {
            if (d.isEmpty()) {
                continue;
            }
            List<String> next = new ArrayList<>();
            for (String p : parts) {
                int from = 0;
                int at;
                while ((at = p.indexOf(d, from)) >= 0) {
                    next.add(p.substring(from, at));
                    from = at + d.length();
                }
                next.add(p.substring(from));
            }
            parts = next;
        }
        ArrayNode out = JSON.arrayNode();
        parts.forEach(out::add);
        return Optional.of(out);
    }

    private static Optional<JsonNode> substring(List<JsonNode> a) {
        if (a.isEmpty() || !a.get(0).isTextual()) {
            return Optional.empty();
        }
        String s = a.get(0).textValue();
        int start = a.size() > 1 && a.get(1).isIntegralNumber() ? a.get(1).intValue() : 0;
        int length = a.size() > 2 && a.get(2).isIntegralNumber() ? a.get(2).intValue() : s.length() - start;
        if (start < 0 || length < 0 || start + length > s.length()) {
            return Optional.empty(); // ARM fails the deployment here; the evaluator leaves it to say so
        }
        return Optional.of(str(s.substring(start, start + length)));
    }

    private static Optional<JsonNode> padLeft(List<JsonNode> a) {
        if (a.size() < 2 || !a.get(1).isIntegralNumber() || a.get(0).isContainerNode()) {
            return Optional.empty();
        }
        String s = a.get(0).isTextual() ? a.get(0).textValue() : a.get(0).asText();
        char pad = a.size() > 2 && a.get(2).isTextual() && a.get(2).textValue().length() == 1
                ? a.get(2).textValue().charAt(0) : ' ';
        StringBuilder sb = new StringBuilder();
        for (int i = s.length(); i < a.get(1).intValue(); i++) {
            sb.append(pad);
        }
        return Optional.of(str(sb + s));
    }

    private static Optional<JsonNode> slice(List<JsonNode> a, boolean take) {
        if (a.size() != 2 || !a.get(1).isIntegralNumber()) {
            return Optional.empty();
        }
        int n = Math.max(0, a.get(1).intValue());
        if (a.get(0).isTextual()) {
            String s = a.get(0).textValue();
            int cut = Math.min(n, s.length());
            return Optional.of(str(take ? s.substring(0, cut) : s.substring(cut)));
        }
        if (a.get(0).isArray()) {
            ArrayNode out = JSON.arrayNode();
            for (int i = 0; i < a.get(0).size(); i++) {
                if (take == i < n) {
                    out.add(a.get(0).get(i));
                }
            }
            return Optional.of(out);
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> createObject(List<JsonNode> a) {
        if (a.size() % 2 != 0) {
            return Optional.empty();
        }
        ObjectNode out = JSON.objectNode();
        for (int i = 0; i < a.size(); i += 2) {
            if (!a.get(i).isTextual()) {
                return Optional.empty();
            }
            out.set(a.get(i).textValue(), a.get(i + 1));
        }
        return Optional.of(out);
    }

    /** Objects: later keys win, nested objects merge; arrays: items in order without repeats. */
    private static Optional<JsonNode> union(List<JsonNode> a) {
        if (!a.isEmpty() && a.stream().allMatch(JsonNode::isObject)) {
            ObjectNode out = JSON.objectNode();
            a.forEach(o -> merge(out, o));
            return Optional.of(out);
        }
        if (!a.isEmpty() && a.stream().allMatch(JsonNode::isArray)) {
            ArrayNode out = JSON.arrayNode();
            List<JsonNode> seen = new ArrayList<>();
            for (JsonNode arr : a) {
                for (JsonNode e : arr) {
                    if (!seen.contains(e)) {
                        seen.add(e);
                        out.add(e);
                    }
                }
            }
            return Optional.of(out);
        }
        return Optional.empty();
    }

    private static void merge(ObjectNode into, JsonNode from) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode existing = into.get(f.getKey());
            if (existing != null && existing.isObject() && f.getValue().isObject()) {
                ObjectNode copy = ((ObjectNode) existing).deepCopy();
                merge(copy, f.getValue());
                into.set(f.getKey(), copy);
            } else {
                into.set(f.getKey(), f.getValue());
            }
        }
    }

    private static Optional<JsonNode> toInt(List<JsonNode> a) {
        JsonNode v = a.get(0);
        if (v.isIntegralNumber()) {
            return Optional.of(v);
        }
        if (v.isTextual()) {
            try {
                return Optional.of(num(Long.parseLong(v.textValue().strip())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> extreme(List<JsonNode> a, boolean min) {
        List<JsonNode> items = a.size() == 1 && a.get(0).isArray() ? toList(a.get(0)) : a;
        if (items.isEmpty() || !items.stream().allMatch(JsonNode::isIntegralNumber)) {
            return Optional.empty();
        }
        long best = items.get(0).longValue();
        for (JsonNode n : items) {
            best = min ? Math.min(best, n.longValue()) : Math.max(best, n.longValue());
        }
        return Optional.of(num(best));
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static JsonNode range(long start, long count) {
        ArrayNode out = JSON.arrayNode();
        for (long i = 0; i < count; i++) {
            out.add(start + i);
        }
        return out;
    }

    private static Optional<JsonNode> decode(String base64) {
        try {
            return Optional.of(str(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<JsonNode> parseJson(String text) {
        try {
            return Optional.of(READER.readTree(text));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static boolean allText(List<JsonNode> a, int n) {
        return a.size() == n && a.stream().allMatch(JsonNode::isTextual);
    }

    private static String compact(JsonNode v) {
        return v.isNull() ? "null" : v.toString();
    }

    private static JsonNode str(String s) {
        return JSON.textNode(s);
    }

    private static JsonNode bool(boolean b) {
        return JSON.booleanNode(b);
    }

    private static JsonNode num(long n) {
        return JSON.numberNode(n);
    }
}
