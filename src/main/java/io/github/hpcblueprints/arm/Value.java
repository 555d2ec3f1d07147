package io.github.hpcblueprints.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What an ARM expression evaluates to: a JSON value where every input is known, else the expression that remains
 * once the known parts are folded in ({@code concat('vnet-', parameters('env'))} when only the variable was known).
 */
public sealed interface Value permits Value.Known, Value.Unknown {

    /** A fully evaluated value. */
    record Known(JsonNode json) implements Value {
    }

    /** What is left to evaluate at deployment; literals inside it are already folded. */
    record Unknown(Expr residual) implements Value {
    }

    static Value of(JsonNode json) {
        return new Known(json);
    }

    static Value of(String text) {
        return new Known(JsonNodeFactory.instance.textNode(text));
    }

    default boolean known() {
        return this instanceof Known;
    }

    /** The value as an expression: a literal, {@code createArray(...)}/{@code createObject(...)}, or the residual. */
    default Expr expr() {
        return this instanceof Unknown u ? u.residual() : literal(((Known) this).json());
    }

    /** The known text of a string value; empty for anything else. */
    default java.util.Optional<String> text() {
        return this instanceof Known k && k.json().isTextual() ? java.util.Optional.of(k.json().textValue())
                : java.util.Optional.empty();
    }

    /** A JSON value written as the expression that evaluates to it. */
    static Expr literal(JsonNode json) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return new Expr.Null();
        }
        if (json.isTextual()) {
            return new Expr.Str(json.textValue());
        }
        if (json.isBoolean()) {
            return new Expr.Bool(json.booleanValue());
        }
        if (json.isIntegralNumber()) {
            return new Expr.Num(json.longValue());
        }
        if (json.isNumber()) {
            return Expr.call("json", Expr.str(json.asText()));
        }
        List<Expr> args = new ArrayList<>();
        if (json.isArray()) {
            json.forEach(e -> args.add(literal(e)));
            return Expr.call("createArray", args.toArray(Expr[]::new));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            args.add(new Expr.Str(f.getKey()));
            args.add(literal(f.getValue()));
        }
        return Expr.call("createObject", args.toArray(Expr[]::new));
    }
}
