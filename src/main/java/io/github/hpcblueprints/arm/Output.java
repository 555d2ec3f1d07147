package io.github.hpcblueprints.arm;

import io.github.hpcblueprints.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * A template output. Outputs are stored in the deployment history and readable by anyone with read access to the
 * resource group, so they must never carry a secret (the rules flag {@code listKeys} and secure types here).
 */
public final class Output {

    private final String name;
    private final ParameterType type;
    private final JsonNode value;
    private final Expr condition;
    private final JsonNode copy;
    private final ObjectNode metadata;

    private Output(String name, ParameterType type, JsonNode value, Expr condition, JsonNode copy,
            ObjectNode metadata) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an output needs a name");
        }
        if (value == null && copy == null) {
            throw new IllegalArgumentException("output '" + name + "' needs a value or a copy loop");
        }
        this.value = value;
        this.condition = condition;
        this.copy = copy;
        this.metadata = metadata.deepCopy();
    }

    public static Output of(String name, ParameterType type, JsonNode value) {
        return new Output(name, type, Objects.requireNonNull(value, "value"), null, null, JsonTrees.object());
    }

    public static Output of(String name, ParameterType type, Expr value) {
        return of(name, type, Json.expr(value));
    }

    public static Output string(String name, Expr value) {
        return of(name, ParameterType.STRING, value);
    }

    /** An output built from an ARM {@code copy} object ({@code count}, {@code input}). */
    public static Output ofCopy(String name, ParameterType type, JsonNode copy) {
        return new Output(name, type, null, null, Objects.requireNonNull(copy, "copy"), JsonTrees.object());
    }

    public Output withCondition(Expr newCondition) {
        return new Output(name, type, value, Objects.requireNonNull(newCondition), copy, metadata);
    }

    public Output withDescription(String description) {
        ObjectNode m = metadata.deepCopy();
        m.put("description", description);
        return new Output(name, type, value, condition, copy, m);
    }

    public Output withMetadata(ObjectNode newMetadata) {
        return new Output(name, type, value, condition, copy, newMetadata);
    }

    public String name() {
        return name;
    }

    public ParameterType type() {
        return type;
    }

    public Optional<JsonNode> value() {
        return Optional.ofNullable(value);
    }

    public Optional<Expr> condition() {
        return Optional.ofNullable(condition);
    }

    public Optional<JsonNode> copy() {
        return Optional.ofNullable(copy);
    }

    public ObjectNode metadata() {
        return metadata.deepCopy();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Output other && name.equals(other.name) && type == other.type
                && Objects.equals(value, other.value) && Objects.equals(condition, other.condition)
                && Objects.equals(copy, other.copy) && metadata.equals(other.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, value, condition, copy, metadata);
    }

    @Override
    public String toString() {
        return "Output[" + name + ": " + type + "]";
    }
}
