package io.github.hpcblueprints.blueprint;

import io.github.hpcblueprints.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.Json;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * The blueprint format as typed fields with descriptions and defaults, read from {@link BlueprintDocument}'s records
 * ({@link #of(Class)}). The blueprint JSON Schema is generated from it, the loader's hints (did you mean, allowed
 * values) and the defaults the mapper sees ({@link #withDefaults}) come from it, so none of them can drift.
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
                if (f.byDefault() == null) {
                    fs.put("description", f.description());
                } else {
                    fs.put("description", f.description() + " Default: " + f.byDefault().asText() + ".");
                    fs.set("default", f.byDefault());
                }
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

    /** @param byDefault the value an absent key takes; null for none */
    record Field(String name, Type type, String description, boolean required, JsonNode byDefault) {
    }

    // ---- from records -------------------------------------------------------------------------------------

    /** The object type a record describes: one field per component, as its {@link Key} says. */
    static Obj of(Class<?> record) {
        if (!record.isRecord()) {
            throw new IllegalArgumentException(record + " is not a record");
        }
        List<Field> fields = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            Key key = c.getAnnotation(Key.class);
            if (key == null) {
                throw new IllegalStateException(record.getSimpleName() + "." + c.getName() + " has no @Key");
            }
            // Jackson's annotation does not target record components; Java copies it to the accessor
            JsonProperty renamed = c.getAccessor().getAnnotation(JsonProperty.class);
            String name = renamed != null ? renamed.value() : c.getName();
            Type type = type(c.getGenericType(), key, record.getSimpleName() + "." + name);
            JsonNode byDefault = key.byDefault().isEmpty() ? null : defaultValue(type, key.byDefault());
            fields.add(new Field(name, type, key.doc(), key.required(), byDefault));
        }
        return new Obj(List.copyOf(fields));
    }

    private static Type type(java.lang.reflect.Type t, Key key, String where) {
        if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (raw == List.class) {
                return new Arr(type(p.getActualTypeArguments()[0], key, where));
            }
            if (raw == Map.class) {
                return new MapOf(str());
            }
        } else if (t instanceof Class<?> c) {
            if (c == String.class) {
                return new Str(key.pattern(), List.of(key.values()), key.example());
            }
            if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
                if (key.min() == Long.MIN_VALUE || key.max() == Long.MAX_VALUE) {
                    throw new IllegalStateException(where + ": a number needs min and max");
                }
                return new Int(key.min(), key.max());
            }
            if (c == boolean.class || c == Boolean.class) {
                return new Bool();
            }
            if (c.isRecord()) {
                return of(c);
            }
        }
        throw new IllegalStateException(where + ": no schema type for " + t);
    }

    private static JsonNode defaultValue(Type type, String text) {
        if (type instanceof Int) {
            return JsonTrees.NODES.numberNode(Long.parseLong(text));
        }
        if (type instanceof Bool) {
            return JsonTrees.NODES.booleanNode(Boolean.parseBoolean(text));
        }
        return JsonTrees.NODES.textNode(text);
    }

    /**
     * A copy of a schema-valid tree with every absent key that has a default set to it, in each object that is
     * there (an absent section stays absent: its defaults are the domain's).
     */
    static JsonNode withDefaults(Type type, JsonNode node) {
        if (type instanceof Obj o && node instanceof ObjectNode given) {
            ObjectNode out = JsonTrees.object();
            for (Field f : o.fields()) {
                JsonNode v = given.get(f.name());
                if (v != null) {
                    out.set(f.name(), withDefaults(f.type(), v));
                } else if (f.byDefault() != null) {
                    out.set(f.name(), f.byDefault());
                }
            }
            return out;
        }
        if (type instanceof Arr a && node instanceof ArrayNode items) {
            ArrayNode out = JsonTrees.array();
            items.forEach(i -> out.add(withDefaults(a.items(), i)));
            return out;
        }
        return node;
    }

    static Str str() {
        return new Str("", List.of(), "");
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
