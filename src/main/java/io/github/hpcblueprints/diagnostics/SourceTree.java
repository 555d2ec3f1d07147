package io.github.hpcblueprints.diagnostics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON or YAML document as a tree plus where every node came from: for each JSON path, the file, line and column
 * of the node's value. Trees merged from several files (a blueprint over its profiles) keep each node's own file.
 */
public final class SourceTree {

    private final String source;
    private final JsonNode root;
    private final Map<String, Location> positions;
    private final Map<String, Location> keys;
    private final List<Problem> problems;

    public SourceTree(String source, JsonNode root, Map<String, Location> positions, List<Problem> problems) {
        this(source, root, positions, Map.of(), problems);
    }

    /** @param keys where each object key was written, by the JSON path of its value */
    public SourceTree(String source, JsonNode root, Map<String, Location> positions, Map<String, Location> keys,
            List<Problem> problems) {
        this.source = source;
        this.root = root;
        this.positions = Collections.unmodifiableMap(new HashMap<>(positions));
        this.keys = Collections.unmodifiableMap(new HashMap<>(keys));
        this.problems = List.copyOf(problems);
    }

    public static SourceTree empty(String source) {
        return new SourceTree(source, MissingNode.getInstance(), Map.of(), List.of());
    }

    /** Key positions, by the JSON path of the value they name. */
    public Map<String, Location> keyPositions() {
        return keys;
    }

    /** Where the key of {@code jsonPath} was written (for "unknown key" errors); the value's location otherwise. */
    public Location locateKey(String jsonPath) {
        Location k = keys.get(jsonPath);
        return k != null ? k : locate(jsonPath);
    }

    public String source() {
        return source;
    }

    public JsonNode root() {
        return root;
    }

    /** Problems found while reading (syntax, duplicate keys). */
    public List<Problem> problems() {
        return problems;
    }

    /** Every recorded position, by JSON path. */
    public Map<String, Location> positions() {
        return positions;
    }

    /** The node's location, or its nearest recorded ancestor's, always carrying {@code jsonPath}. */
    public Location locate(String jsonPath) {
        String p = jsonPath;
        while (!p.isEmpty()) {
            Location l = positions.get(p);
            if (l != null) {
                return l.withPath(jsonPath);
            }
            p = JsonPath.parent(p);
        }
        return new Location(source, 0, 0, jsonPath);
    }

    /** The problem with file, line and column filled in from its JSON path (a column inside a string is kept). */
    public Problem locate(Problem problem) {
        Location l = problem.location();
        if (l.hasPosition() && !l.source().isEmpty()) {
            return problem;
        }
        Location located = locate(l.jsonPath());
        if (l.column() > 0 && !l.hasPosition()) {
            located = located.withPosition(located.line(), located.column() + l.column());
        }
        return problem.withLocation(located);
    }

    /**
     * Locates a refusal that names the refused value in quotes ({@code image 'ubuntu2004' is not ...}): at the first
     * scalar in the document with that value, else at the start of the file. For refusals that surface only after a
     * document was mapped (a typed builder's check), so the user still gets a line and a key.
     */
    public Location locateValue(String message) {
        return locateValue(message, JsonPath.ROOT);
    }

    /** As {@link #locateValue(String)}, looking only under {@code under}; else at {@code under} itself. */
    public Location locateValue(String message, String under) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([^']+)'").matcher(message);
        while (m.find()) {
            java.util.List<String> found = new java.util.ArrayList<>();
            findScalar(root, JsonPath.ROOT, m.group(1), found);
            for (String path : found) {
                if (JsonPath.isWithin(path, under)) {
                    return locate(path);
                }
            }
        }
        return under.equals(JsonPath.ROOT) ? new Location(source, 1, 1, JsonPath.ROOT) : locate(under);
    }

    private static void findScalar(JsonNode node, String path, String wanted, java.util.List<String> out) {
        if (node.isObject()) {
            for (var it = node.fields(); it.hasNext();) {
                var e = it.next();
                findScalar(e.getValue(), JsonPath.child(path, e.getKey()), wanted, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findScalar(node.get(i), JsonPath.index(path, i), wanted, out);
            }
        } else if (node.isValueNode() && wanted.equals(node.asText())) {
            out.add(path);
        }
    }
}
