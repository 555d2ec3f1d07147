package io.github.hpcblueprints.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.hpcblueprints.diagnostics.JsonPath;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.diagnostics.SourceTree;
import io.github.hpcblueprints.diagnostics.Suggest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a (merged) blueprint against the blueprint JSON Schema with networknt, and words each error for a
 * person: the key, what is wrong, where (file, line, column), and the fix (did you mean..., the allowed values).
 */
final class SchemaCheck {

    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
            .getSchema(BlueprintFormat.schema());

    private SchemaCheck() {
    }

    static List<Problem> check(SourceTree tree) {
        Set<Problem> out = new LinkedHashSet<>();
        Set<String> numbersJudged = new java.util.HashSet<>();
        checkNumbers(tree.root(), JsonPath.ROOT, tree, out, numbersJudged);
        for (Error e : SCHEMA.validate(tree.root())) {
            Problem p = describe(e);
            if (numbersJudged.contains(p.location().jsonPath())) {
                continue;
            }
            // an unknown key is pointed at where the key is written, not its value
            out.add("BLUEPRINT-KEY".equals(p.code()) ? p.withLocation(tree.locateKey(p.location().jsonPath()))
                    : tree.locate(p));
        }
        return new ArrayList<>(out);
    }

    private static Problem describe(Error e) {
        String at = JsonPath.append(JsonPath.ROOT, String.valueOf(e.getInstanceLocation()));
        String where = at.equals(JsonPath.ROOT) ? "the blueprint" : at.substring(2);
        JsonNode schemaNode = e.getSchemaNode();
        JsonNode value = e.getInstanceNode();
        switch (String.valueOf(e.getKeyword())) {
            case "additionalProperties": {
                String key = e.getProperty();
                List<String> allowed = keysAt(at);
                String guess = Suggest.closest(key, allowed);
                String hint = (guess.isEmpty() ? "" : "did you mean '" + guess + "'? ") + "allowed keys: "
                        + String.join(", ", allowed);
                return Problem.at("BLUEPRINT-KEY", JsonPath.child(at, key), "unknown key '" + key + "' in " + where,
                        hint);
            }
            case "required":
                return Problem.at("BLUEPRINT-REQUIRED", at, "missing required key '" + e.getProperty() + "' in "
                        + where, "add " + e.getProperty() + ": ..." + describeField(at, e.getProperty()));
            case "type": {
                String expected = schemaNode == null ? "another type" : schemaNode.asText();
                String hint = "write " + article(expected) + " " + expected;
                if ("string".equals(expected) && value != null && value.isNumber()) {
                    hint = "quote the value: '" + value.asText() + "'";
                }
                return Problem.at("BLUEPRINT-TYPE", at, where + ": expected " + article(expected) + " " + expected
                        + ", got " + shown(value), hint);
            }
            case "enum":
                return Problem.at("BLUEPRINT-VALUE", at, where + ": " + shown(value) + " is not allowed",
                        "use one of " + (schemaNode == null ? "the documented values" : join(schemaNode)));
            case "pattern": {
                String example = exampleAt(at);
                return Problem.at("BLUEPRINT-VALUE", at, where + ": " + shown(value) + " is not of the expected form",
                        example.isEmpty() ? "see the blueprint schema" : "for example: " + example);
            }
            case "minimum":
            case "maximum":
                return Problem.at("BLUEPRINT-VALUE", at, where + ": " + shown(value) + " is out of range ("
                        + e.getKeyword() + " " + (schemaNode == null ? "?" : schemaNode.asText()) + ")",
                        "use a value within the documented range");
            default:
                return Problem.at("BLUEPRINT-SCHEMA", at, where + ": " + e.getMessage(), "see the blueprint schema");
        }
    }

    /**
     * Whole-number fields, judged exactly in any notation ({@code 1.0e100}, {@code 8.0}, {@code 2147483648}) before
     * the schema validator, whose comparisons go through {@code long}/{@code double} and would let a huge value
     * wrap around. Each path judged here is not reported again by the validator.
     */
    private static void checkNumbers(JsonNode node, String path, SourceTree tree, Set<Problem> out,
            Set<String> judged) {
        if (node.isContainerNode()) {
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    checkNumbers(node.get(i), path + "[" + i + "]", tree, out, judged);
                }
            } else {
                node.fields().forEachRemaining(e -> checkNumbers(e.getValue(), JsonPath.child(path, e.getKey()), tree,
                        out, judged));
            }
            return;
        }
        if (!node.isNumber()) {
            return;
        }
        Optional<Spec.Type> type = typeAt(path);
        if (type.isEmpty() || !(type.get() instanceof Spec.Int range)) {
            return;
        }
        judged.add(path);
        java.math.BigDecimal value = node.decimalValue();
        String where = path.substring(2);
        String allowed = "a whole number from " + range.min() + " to " + range.max();
        if (value.stripTrailingZeros().scale() > 0) {
            out.add(tree.locate(Problem.at("BLUEPRINT-VALUE", path, where + ": " + node.asText() + " is not a whole "
                    + "number", "write " + allowed)));
        } else if (value.compareTo(java.math.BigDecimal.valueOf(range.min())) < 0
                || value.compareTo(java.math.BigDecimal.valueOf(range.max())) > 0) {
            out.add(tree.locate(Problem.at("BLUEPRINT-VALUE", path, where + ": " + abbreviate(value)
                    + " is out of range", "write " + allowed)));
        }
    }

    private static String abbreviate(java.math.BigDecimal v) {
        String plain = v.stripTrailingZeros().toPlainString();
        return plain.length() <= 20 ? plain : v.stripTrailingZeros().toString();
    }

    /** The field spec at a JSON path of the blueprint. */
    static Optional<Spec.Type> typeAt(String path) {
        Spec.Type t = BlueprintFormat.root();
        if (path.equals(JsonPath.ROOT)) {
            return Optional.of(t);
        }
        for (String seg : segments(path)) {
            if (seg.matches("\\[\\d+\\]")) {
                if (!(t instanceof Spec.Arr a)) {
                    return Optional.empty();
                }
                t = a.items();
            } else if (t instanceof Spec.Obj o) {
                Optional<Spec.Field> f = o.field(seg);
                if (f.isEmpty()) {
                    return Optional.empty();
                }
                t = f.get().type();
            } else if (t instanceof Spec.MapOf m) {
                t = m.values();
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(t);
    }

    private static List<String> keysAt(String path) {
        return typeAt(path).filter(t -> t instanceof Spec.Obj).map(t -> ((Spec.Obj) t).names()).orElse(List.of());
    }

    private static String exampleAt(String path) {
        return typeAt(path).filter(t -> t instanceof Spec.Str).map(t -> ((Spec.Str) t).example()).orElse("");
    }

    private static String describeField(String path, String key) {
        return typeAt(path).filter(t -> t instanceof Spec.Obj).flatMap(t -> ((Spec.Obj) t).field(key))
                .map(f -> " (" + f.description() + ")").orElse("");
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        String rest = path.substring(1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\.([A-Za-z_$][A-Za-z0-9_$]*)|\\['((?:[^'\\\\]|\\\\.)*)'\\]|(\\[\\d+\\])")
                .matcher(rest);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return out;
    }

    private static String shown(JsonNode value) {
        if (value == null) {
            return "nothing";
        }
        return value.isTextual() ? "'" + value.textValue() + "'" : value.toString();
    }

    private static String join(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(v -> parts.add(v.asText()));
        return String.join(", ", parts);
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.isEmpty() ? 'x' : word.charAt(0)) >= 0 ? "an" : "a";
    }
}
