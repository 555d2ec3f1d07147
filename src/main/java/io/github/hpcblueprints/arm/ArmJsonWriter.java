package io.github.hpcblueprints.arm;

import io.github.hpcblueprints.json.JsonPrinter;
import io.github.hpcblueprints.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a {@link Template} as ARM JSON in the conventional key order ({@code $schema}, {@code contentVersion},
 * {@code metadata}, {@code parameters}, {@code variables}, {@code functions}, {@code resources}, {@code outputs};
 * in a resource {@code type}, {@code apiVersion}, {@code name}, ..., {@code dependsOn}, {@code properties}), printed
 * by {@link JsonPrinter}. Same template, same bytes.
 *
 * <p>Classic ARM JSON has no way to declare an existing resource; their declarations are kept in
 * {@code metadata._existingResources} so that reading the file back gives the same model.
 */
public final class ArmJsonWriter {

    /** Metadata key under which existing-resource declarations are recorded. */
    public static final String EXISTING_KEY = "_existingResources";

    private ArmJsonWriter() {
    }

    /** The template as JSON text. */
    public static String write(Template t) {
        return t.printed();
    }

    /** The template as an ordered JSON tree (what {@link #write(Template)} prints). */
    public static ObjectNode tree(Template t) {
        ObjectNode root = JsonTrees.object();
        root.put("$schema", t.schema());
        root.put("contentVersion", t.contentVersion());
        ObjectNode extra = t.extra();
        Iterator<Map.Entry<String, JsonNode>> it = extra.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("functions")) {
                root.set(e.getKey(), e.getValue());
            }
        }
        ObjectNode metadata = t.metadata();
        if (!t.existingResources().isEmpty()) {
            ArrayNode existing = JsonTrees.array();
            t.existingResources().forEach(r -> existing.add(resource(r)));
            metadata.set(EXISTING_KEY, existing);
        }
        if (!metadata.isEmpty()) {
            root.set("metadata", metadata);
        }
        if (!t.parameters().isEmpty()) {
            ObjectNode params = root.putObject("parameters");
            t.parameters().forEach(p -> params.set(p.name(), parameter(p)));
        }
        if (!t.variables().isEmpty()) {
            ObjectNode vars = root.putObject("variables");
            t.variables().forEach(v -> vars.set(v.name(), v.value()));
        }
        if (extra.has("functions")) {
            root.set("functions", extra.get("functions"));
        }
        ArrayNode resources = root.putArray("resources");
        t.resources().forEach(r -> resources.add(resource(r)));
        if (!t.outputs().isEmpty()) {
            ObjectNode outs = root.putObject("outputs");
            t.outputs().forEach(o -> outs.set(o.name(), output(o)));
        }
        return root;
    }

    static ObjectNode parameter(Parameter p) {
        ObjectNode n = JsonTrees.object();
        n.put("type", p.type().arm());
        p.defaultValue().ifPresent(d -> n.set("defaultValue", d));
        if (!p.allowedValues().isEmpty()) {
            ArrayNode allowed = n.putArray("allowedValues");
            p.allowedValues().forEach(allowed::add);
        }
        p.minValue().ifPresent(v -> n.set("minValue", JsonTrees.number(v)));
        p.maxValue().ifPresent(v -> n.set("maxValue", JsonTrees.number(v)));
        p.minLength().ifPresent(v -> n.set("minLength", JsonTrees.number(v)));
        p.maxLength().ifPresent(v -> n.set("maxLength", JsonTrees.number(v)));
        ObjectNode metadata = p.metadata();
        if (!metadata.isEmpty()) {
            n.set("metadata", metadata);
        }
        return n;
    }

    /** One resource as JSON, children included. */
    public static ObjectNode resource(Resource r) {
        ObjectNode n = JsonTrees.object();
        n.put("type", r.type());
        n.put("apiVersion", r.apiVersion());
        n.put("name", r.name().toArmString());
        r.scope().ifPresent(s -> n.set("scope", Json.expr(s)));
        r.condition().ifPresent(c -> n.set("condition", Json.expr(c)));
        r.copy().ifPresent(c -> n.set("copy", copy(c)));
        r.location().ifPresent(l -> n.set("location", Json.expr(l)));
        ObjectNode extra = r.extra();
        Iterator<Map.Entry<String, JsonNode>> it = extra.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            n.set(e.getKey(), e.getValue());
        }
        r.tags().ifPresent(t -> n.set("tags", t));
        r.sku().ifPresent(s -> n.set("sku", s));
        r.kind().ifPresent(k -> n.set("kind", k));
        r.identity().ifPresent(i -> n.set("identity", i));
        if (!r.dependsOn().isEmpty()) {
            ArrayNode deps = n.putArray("dependsOn");
            r.dependsOn().forEach(d -> deps.add(d.toArmString()));
        }
        r.properties().ifPresent(p -> n.set("properties", p));
        if (!r.children().isEmpty()) {
            ArrayNode kids = n.putArray("resources");
            r.children().forEach(c -> kids.add(resource(c)));
        }
        return n;
    }

    static ObjectNode copy(Copy c) {
        ObjectNode n = JsonTrees.object();
        n.put("name", c.name());
        n.set("count", Json.expr(c.count()));
        switch (c.mode()) {
            case PARALLEL -> n.put("mode", "Parallel");
            case SERIAL -> n.put("mode", "Serial");
            default -> {
                // ARM's default is parallel; leave it unwritten
            }
        }
        if (c.batchSize() > 0) {
            n.put("batchSize", c.batchSize());
        }
        return n;
    }

    static ObjectNode output(Output o) {
        ObjectNode n = JsonTrees.object();
        o.condition().ifPresent(c -> n.set("condition", Json.expr(c)));
        n.put("type", o.type().arm());
        o.value().ifPresent(v -> n.set("value", v));
        o.copy().ifPresent(c -> n.set("copy", c));
        ObjectNode metadata = o.metadata();
        if (!metadata.isEmpty()) {
            n.set("metadata", metadata);
        }
        return n;
    }
}
