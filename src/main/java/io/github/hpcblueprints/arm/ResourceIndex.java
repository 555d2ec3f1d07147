package io.github.hpcblueprints.arm;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.diagnostics.JsonPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Every resource of a template JSON tree, flattened once: children declared inside their parents carry the full
 * type and name ARM gives them, languageVersion 2.0 templates' symbolic keys are paths, the resources of inline
 * nested deployments are marked as such, and resources our writer declares existing ({@code metadata._existing})
 * come last. The dependency graph, the structural checks and the rules' views are all made from this one walk.
 */
public final class ResourceIndex {

    /**
     * One resource.
     *
     * @param index its position in {@link #entries()}
     * @param path its JSON path ({@code $.resources[3].resources[0]}, {@code $.resources.vnet})
     * @param type the full type ({@code Microsoft.Network/virtualNetworks/subnets}); "" when not a string
     * @param name the full name (a child's starts with its parent's); the literal text when it does not parse
     * @param nameKeys the full name as comparable segment keys; empty when the name is not a parseable string
     * @param parent index of the enclosing resource for a nested child, -1 otherwise
     * @param copyName the copy loop's name, "" without one
     * @param nested true inside an inline nested deployment's template (another deployment, another scope)
     */
    public record Entry(int index, String path, String type, Expr name, List<String> nameKeys, JsonNode json,
            boolean existing, int parent, String copyName, boolean nested) {

        /** True for an object with a string type and name: a resource ARM can deploy or refer to. */
        public boolean wellFormed() {
            return json.isObject() && json.path("type").isTextual() && json.path("name").isTextual();
        }

        /** True for an entry of {@code metadata._existing}: declared by our writer, not deployed. */
        public boolean declaredInMetadata() {
            return path.startsWith("$.metadata");
        }
    }

    private final List<Entry> entries;
    private final JsonNode variables;

    private ResourceIndex(List<Entry> entries, JsonNode variables) {
        this.entries = Collections.unmodifiableList(entries);
        this.variables = variables;
    }

    /** The template's variables, for references that name a resource through one. */
    public JsonNode variables() {
        return variables;
    }

    public static ResourceIndex of(JsonNode templateRoot) {
        List<Entry> out = new ArrayList<>();
        walk(templateRoot.path("resources"), JsonPath.child(JsonPath.ROOT, "resources"), null, false, out);
        JsonNode existing = templateRoot.path("metadata").path(ArmJsonWriter.EXISTING_KEY);
        if (existing.isArray()) {
            String at = JsonPath.child(JsonPath.child(JsonPath.ROOT, "metadata"), ArmJsonWriter.EXISTING_KEY);
            for (int i = 0; i < existing.size(); i++) {
                add(existing.get(i), JsonPath.index(at, i), null, true, false, out);
            }
        }
        return new ResourceIndex(out, templateRoot.path("variables"));
    }

    public List<Entry> entries() {
        return entries;
    }

    private static void walk(JsonNode list, String path, Entry parent, boolean nested, List<Entry> out) {
        if (list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                one(list.get(i), JsonPath.index(path, i), parent, nested, out);
            }
        } else if (list.isObject()) {
            // languageVersion 2.0: resources keyed by symbolic name
            Iterator<Map.Entry<String, JsonNode>> it = list.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                one(e.getValue(), JsonPath.child(path, e.getKey()), parent, nested, out);
            }
        }
    }

    private static void one(JsonNode r, String path, Entry parent, boolean nested, List<Entry> out) {
        Entry e = add(r, path, parent, r.path("existing").asBoolean(false), nested, out);
        walk(r.path("resources"), JsonPath.child(path, "resources"), e.wellFormed() ? e : null, nested, out);
        if (e.type().equalsIgnoreCase("Microsoft.Resources/deployments")) {
            walk(r.path("properties").path("template").path("resources"),
                    JsonPath.child(JsonPath.child(JsonPath.child(path, "properties"), "template"), "resources"), null,
                    true, out);
        }
    }

    private static Entry add(JsonNode r, String path, Entry parent, boolean existing, boolean nested,
            List<Entry> out) {
        String type = r.path("type").isTextual() ? r.path("type").textValue() : "";
        JsonNode nameNode = r.path("name");
        ExprParser.Result parsed = nameNode.isTextual() ? ExprParser.tryParseArmString(nameNode.textValue()) : null;
        Expr own = parsed != null && parsed.ok() ? parsed.expr().orElseThrow()
                : Expr.str(nameNode.isTextual() ? nameNode.textValue() : "");
        boolean parsedName = parsed != null && parsed.ok();
        List<Expr> segments = new ArrayList<>(ResourceNames.segments(own));
        Expr name = own;
        if (parent != null && (!qualified(type) || segments.size() == 1)) {
            // a child declared inside its parent: ARM prefixes the parent's type (short types) and name
            if (!qualified(type)) {
                type = parent.type() + "/" + type;
            }
            List<Expr> joined = new ArrayList<>(ResourceNames.segments(parent.name()));
            joined.addAll(segments);
            segments = joined;
            name = ResourceNames.join(segments);
        }
        List<String> keys = parsedName && (parent == null || !parent.nameKeys().isEmpty())
                ? segments.stream().map(ResourceNames::key).toList() : List.of();
        Entry e = new Entry(out.size(), path, type, name, keys, r, existing, parent == null ? -1 : parent.index(),
                r.path("copy").path("name").asText(""), nested);
        out.add(e);
        return e;
    }

    /** {@code Microsoft.Network/virtualNetworks/subnets} rather than {@code subnets}. */
    private static boolean qualified(String type) {
        int slash = type.indexOf('/');
        return slash > 0 && type.substring(0, slash).contains(".");
    }
}
