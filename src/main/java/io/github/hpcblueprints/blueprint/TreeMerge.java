package io.github.hpcblueprints.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.diagnostics.JsonPath;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.SourceTree;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * How a blueprint overrides its profile: objects merge key by key (so a blueprint adds a tag or changes one network
 * setting without repeating the rest), and anything else (a value, a list) in the blueprint replaces the profile's.
 * A {@code null} value in the blueprint ({@code key: ~}) removes the inherited key. Every node keeps the location of
 * the file it came from. The {@code extends} key itself is not part of the result.
 *
 * <p>A profile configures; it does not decide what exists. Its sections that create something ({@code cluster},
 * {@code storage}, {@code projects}, {@code researchInstances}) are defaults for blueprints that have the section,
 * and are dropped for blueprints that do not.
 */
final class TreeMerge {

    static final List<String> OPT_IN = List.of("cluster", "storage", "projects", "researchInstances");

    private TreeMerge() {
    }

    static SourceTree merge(SourceTree base, SourceTree overlay) {
        Map<String, Location> positions = new HashMap<>(base.positions());
        Map<String, Location> keys = new HashMap<>(base.keyPositions());
        keys.putAll(overlay.keyPositions());
        JsonNode baseRoot = base.root();
        if (baseRoot instanceof ObjectNode b && overlay.root().isObject()) {
            ObjectNode trimmed = b.deepCopy();
            for (String key : OPT_IN) {
                if (!overlay.root().has(key) && trimmed.remove(key) != null) {
                    String p = "$." + key;
                    positions.keySet().removeIf(k -> k.equals(p) || k.startsWith(p + ".") || k.startsWith(p + "["));
                }
            }
            baseRoot = trimmed;
        }
        JsonNode merged = merge(baseRoot, overlay.root(), "$", overlay.positions(), positions);
        if (merged instanceof ObjectNode o) {
            o.remove("extends");
        }
        return new SourceTree(overlay.source(), merged, positions, keys, List.of());
    }

    private static JsonNode merge(JsonNode base, JsonNode overlay, String path, Map<String, Location> overlayPos,
            Map<String, Location> out) {
        if (base != null && base.isObject() && overlay.isObject()) {
            ObjectNode result = base.deepCopy();
            Iterator<Map.Entry<String, JsonNode>> it = overlay.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = JsonPath.child(path, e.getKey());
                if (e.getValue().isNull()) {
                    // "key: null" (or "key: ~") takes an inherited setting away
                    result.remove(e.getKey());
                    out.keySet().removeIf(k -> k.equals(child) || k.startsWith(child + ".")
                            || k.startsWith(child + "["));
                    continue;
                }
                result.set(e.getKey(), merge(base.get(e.getKey()), e.getValue(), child, overlayPos, out));
            }
            copyPosition(path, overlayPos, out);
            return result;
        }
        // replaced wholesale: drop the base's positions below this path, take the overlay's
        out.keySet().removeIf(k -> k.equals(path) || k.startsWith(path + ".") || k.startsWith(path + "["));
        overlayPos.forEach((k, v) -> {
            if (k.equals(path) || k.startsWith(path + ".") || k.startsWith(path + "[")) {
                out.put(k, v);
            }
        });
        return overlay.deepCopy();
    }

    private static void copyPosition(String path, Map<String, Location> from, Map<String, Location> to) {
        Location l = from.get(path);
        if (l != null) {
            to.put(path, l);
        }
    }
}
