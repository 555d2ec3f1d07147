package io.github.hpcblueprints.blueprint;

import io.github.hpcblueprints.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small description language for the blueprint format: typed fields with descriptions. The blueprint JSON Schema
 * is generated from it and the loader's hints (did you mean, allowed values) come from it, so the two cannot drift.
 */
final class Spec {

    private Spec() {
    }

    /** A field's type. */
    sealed interface Type permits Str, Int, Bool, Obj, Arr, MapOf {
        ObjectNode schema();
    }

    /** A string, optionally constrained by a pattern or a list of values. */
    record Str(String pattern, List<String> values, String example) implements Type {
        @Override
        public ObjectNode schema() {
            ObjectNode s = Json.obj("type", "string");
            if (!pattern.isEmpty()) {
                s.put("pattern", pattern);
            }
            if (!values.isEmpty()) {
                s.set("enum", Json.arrOf(values));
            }
            if (!example.isEmpty()) {
                s.set("examples", Json.arr(example));
            }
            return s;
        }
    }

    record Int(long min, long max) implements Type {
        @Override
        public ObjectNode schema() {
            return Json.obj("type", "integer", "minimum", min, "maximum", max);
        }
    }

    record Bool() implements Type {
        @Override
        public ObjectNode schema() {
            return Json.obj("type", "boolean");
        }
    }

    /** An object with known fields; no other keys allowed. */
    record Obj(List<Field> fields) implements Type {
        @Override
        public ObjectNode schema() {
            ObjectNode props = JsonTrees.object();
            List<String> required = new ArrayList<>();
            for (Field f : fields) {
                ObjectNode fs = f.type().schema();
                fs.put("description", f.description());
                props.set(f.name(), fs);
                if (f.required()) {
                    required.add(f.name());
                }
            }
            ObjectNode s = Json.obj("type", "object", "properties", props, "additionalProperties", false);
            if (!required.isEmpty()) {
                s.set("required", Json.arrOf(required));
            }
            return s;
        }

        Optional<Field> field(String name) {
            return fields.stream().filter(f -> f.name().equals(name)).findFirst();
        }

        List<String> names() {
            return fields.stream().map(Field::name).toList();
        }
    }

    record Arr(Type items) implements Type {
        @Override
        public ObjectNode schema() {
            return Json.obj("type", "array", "items", items.schema());
        }
    }

    /** An object with free keys and values of one type (tags). */
    record MapOf(Type values) implements Type {
        @Override
        public ObjectNode schema() {
            return Json.obj("type", "object", "additionalProperties", values.schema());
        }
    }

    record Field(String name, Type type, String description, boolean required) {
    }

    static Field opt(String name, Type type, String description) {
        return new Field(name, type, description, false);
    }

    static Field req(String name, Type type, String description) {
        return new Field(name, type, description, true);
    }

    static Str str() {
        return new Str("", List.of(), "");
    }

    static Str str(String pattern, String example) {
        return new Str(pattern, List.of(), example);
    }

    static Str oneOf(String... values) {
        return new Str("", List.of(values), "");
    }

    static Int integer(long min, long max) {
        return new Int(min, max);
    }

    static Bool bool() {
        return new Bool();
    }

    static Obj obj(Field... fields) {
        return new Obj(List.of(fields));
    }

    static Arr arr(Type items) {
        return new Arr(items);
    }

    static MapOf mapOf(Type values) {
        return new MapOf(values);
    }

    /** The JSON Schema (draft-07) of a root object. */
    static ObjectNode schema(Obj root, String id, String title, String description) {
        ObjectNode s = Json.obj("$schema", "http://json-schema.org/draft-07/schema#", "$id", id, "title", title,
                "description", description);
        root.schema().fields().forEachRemaining(e -> s.set(e.getKey(), e.getValue()));
        return s;
    }

    /** The same schema with nothing required: organisation profiles are partial blueprints. */
    static ObjectNode withoutRequired(ObjectNode schema) {
        ObjectNode copy = schema.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove("required");
            o.forEach(Spec::strip);
        } else if (node instanceof ArrayNode a) {
            a.forEach(Spec::strip);
        }
    }
}
