package io.github.hpcblueprints.arm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** A template variable: a name and a JSON value that may hold expressions. */
public record Variable(String name, JsonNode value) {

    public Variable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a variable needs a name");
        }
    }

    /** {@code variables('name')}. */
    public Expr ref() {
        return Expr.variables(name);
    }
}
