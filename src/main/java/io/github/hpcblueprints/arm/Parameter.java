package io.github.hpcblueprints.arm;

import io.github.hpcblueprints.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A template parameter: name, type, and optional default, allowed values, length and value bounds and metadata
 * (the description lives in {@code metadata.description}, where the portal and Bicep look for it).
 *
 * <p>Immutable; each {@code with...} returns a copy. {@link #ref()} is the expression that reads it.
 */
public final class Parameter {

    private final String name;
    private final ParameterType type;
    private final JsonNode defaultValue;
    private final List<JsonNode> allowedValues;
    private final Long minValue;
    private final Long maxValue;
    private final Integer minLength;
    private final Integer maxLength;
    private final ObjectNode metadata;

    private Parameter(String name, ParameterType type, JsonNode defaultValue, List<JsonNode> allowedValues,
            Long minValue, Long maxValue, Integer minLength, Integer maxLength, ObjectNode metadata) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a parameter needs a name");
        }
        this.defaultValue = defaultValue;
        this.allowedValues = List.copyOf(allowedValues);
        this.minValue = minValue;
        this.maxValue = maxValue;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.metadata = metadata.deepCopy();
        if (minValue != null && maxValue != null && minValue > maxValue) {
            throw new IllegalArgumentException("parameter '" + name + "': minValue " + minValue + " > maxValue "
                    + maxValue);
        }
        if (minLength != null && maxLength != null && minLength > maxLength) {
            throw new IllegalArgumentException("parameter '" + name + "': minLength " + minLength + " > maxLength "
                    + maxLength);
        }
        if ((minLength != null && minLength < 0) || (maxLength != null && maxLength < 0)) {
            throw new IllegalArgumentException("parameter '" + name + "': lengths cannot be negative");
        }
    }

    public static Parameter of(String name, ParameterType type) {
        return new Parameter(name, type, null, List.of(), null, null, null, null, JsonTrees.object());
    }

    public static Parameter string(String name) {
        return of(name, ParameterType.STRING);
    }

    /** A string ARM never logs or returns; pass its value from Key Vault or at deploy time, never as a default. */
    public static Parameter secureString(String name) {
        return of(name, ParameterType.SECURE_STRING);
    }

    public static Parameter integer(String name) {
        return of(name, ParameterType.INT);
    }

    public static Parameter bool(String name) {
        return of(name, ParameterType.BOOL);
    }

    public static Parameter object(String name) {
        return of(name, ParameterType.OBJECT);
    }

    public static Parameter secureObject(String name) {
        return of(name, ParameterType.SECURE_OBJECT);
    }

    public static Parameter array(String name) {
        return of(name, ParameterType.ARRAY);
    }

    // ---- with ---------------------------------------------------------------------------------------------

    public Parameter withDefault(JsonNode value) {
        return new Parameter(name, type, Objects.requireNonNull(value, "value"), allowedValues, minValue, maxValue,
                minLength, maxLength, metadata);
    }

    /** Default from a Java value or {@link Expr} (see {@link Json#node(Object)}). */
    public Parameter withDefault(Object value) {
        return withDefault(Json.node(value));
    }

    public Parameter withAllowedValues(List<JsonNode> values) {
        return new Parameter(name, type, defaultValue, values, minValue, maxValue, minLength, maxLength, metadata);
    }

    public Parameter withAllowed(Object... values) {
        List<JsonNode> nodes = new ArrayList<>();
        Arrays.stream(values).map(Json::node).forEach(nodes::add);
        return withAllowedValues(nodes);
    }

    public Parameter withMinValue(long value) {
        return new Parameter(name, type, defaultValue, allowedValues, value, maxValue, minLength, maxLength,
                metadata);
    }

    public Parameter withMaxValue(long value) {
        return new Parameter(name, type, defaultValue, allowedValues, minValue, value, minLength, maxLength,
                metadata);
    }

    public Parameter withMinLength(int value) {
        return new Parameter(name, type, defaultValue, allowedValues, minValue, maxValue, value, maxLength,
                metadata);
    }

    public Parameter withMaxLength(int value) {
        return new Parameter(name, type, defaultValue, allowedValues, minValue, maxValue, minLength, value,
                metadata);
    }

    public Parameter withDescription(String description) {
        ObjectNode m = metadata.deepCopy();
        m.put("description", description);
        return withMetadata(m);
    }

    public Parameter withMetadata(ObjectNode value) {
        return new Parameter(name, type, defaultValue, allowedValues, minValue, maxValue, minLength, maxLength,
                value);
    }

    // ---- accessors ----------------------------------------------------------------------------------------

    public String name() {
        return name;
    }

    public ParameterType type() {
        return type;
    }

    public boolean isSecure() {
        return type.isSecure();
    }

    public Optional<JsonNode> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public List<JsonNode> allowedValues() {
        return allowedValues;
    }

    public Optional<Long> minValue() {
        return Optional.ofNullable(minValue);
    }

    public Optional<Long> maxValue() {
        return Optional.ofNullable(maxValue);
    }

    public Optional<Integer> minLength() {
        return Optional.ofNullable(minLength);
    }

    public Optional<Integer> maxLength() {
        return Optional.ofNullable(maxLength);
    }

    /** A copy of the metadata object (empty when there is none). */
    public ObjectNode metadata() {
        return metadata.deepCopy();
    }

    public Optional<String> description() {
        JsonNode d = metadata.get("description");
        return d != null && d.isTextual() ? Optional.of(d.textValue()) : Optional.empty();
    }

    /** {@code parameters('name')}. */
    public Expr ref() {
        return Expr.parameters(name);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Parameter p)) {
            return false;
        }
        return name.equals(p.name) && type == p.type && Objects.equals(defaultValue, p.defaultValue)
                && allowedValues.equals(p.allowedValues) && Objects.equals(minValue, p.minValue)
                && Objects.equals(maxValue, p.maxValue) && Objects.equals(minLength, p.minLength)
                && Objects.equals(maxLength, p.maxLength) && metadata.equals(p.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, defaultValue, allowedValues, minValue, maxValue, minLength, maxLength,
                metadata);
    }

    @Override
    public String toString() {
        return "Parameter[" + name + ": " + type + "]";
    }
}
