package io.github.hpcblueprints.arm;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON file as {@link ArmReader} read it: the tree, where each node was (line and column by JSON path), the
 * expressions parsed, and the problems found. {@link #locate(Problem)} adds file, line and column to any problem
 * that carries a JSON path into this document.
 */
public final class ArmDocument {

    private final String source;
    private final JsonNode root;
    private final Map<String, int[]> positions;
    private final List<Problem> problems;
    private ExpressionIndex expressions;

    ArmDocument(String source, JsonNode root, Map<String, int[]> positions, List<Problem> problems) {
        this.source = source;
        this.root = root;
        this.positions = positions;
        this.problems = new ArrayList<>(problems);
    }

    public String source() {
        return source;
    }

    /** The JSON tree; a MissingNode when the text was not JSON. */
    public JsonNode root() {
        return root;
    }

    /** Problems found while reading (syntax, duplicate keys, unparseable expressions), located. */
    public List<Problem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** True when the text parsed as JSON. */
    public boolean isJson() {
        return !root.isMissingNode();
    }

    /** True when the file looks like an ARM deployment template (not a parameters file or other JSON). */
    public boolean isTemplate() {
        if (!root.isObject()) {
            return false;
        }
        String schema = root.path("$schema").asText("");
        if (!schema.isEmpty()) {
            return Scope.fromSchema(schema).isPresent();
        }
        return root.has("resources") && root.has("contentVersion");
    }

    /** Every evaluated expression of the template, with its path. */
    public ExpressionIndex expressions() {
        if (expressions == null) {
            expressions = ExpressionIndex.of(root);
        }
        return expressions;
    }

    /** The parsed expression at each path, in document order. */
    public Map<String, Expr> parsedExpressions() {
        Map<String, Expr> out = new LinkedHashMap<>();
        for (ExpressionIndex.Site s : expressions().sites()) {
            s.parsed().expr().ifPresent(e -> out.put(s.path(), e));
        }
        return out;
    }

    /** The location of a JSON path: the node's own position, or its nearest ancestor's when it is absent. */
    public Location locate(String jsonPath) {
        String p = jsonPath;
        while (!p.isEmpty()) {
            int[] pos = positions.get(p);
            if (pos != null) {
                return new Location(source, pos[0], pos[1], jsonPath);
            }
            p = parent(p);
        }
        return new Location(source, 0, 0, jsonPath);
    }

    /** The problem with this document's file, line and column added from its JSON path. */
    public Problem locate(Problem problem) {
        Location l = problem.location();
        if (l.hasPosition() && !l.source().isEmpty()) {
            return problem;
        }
        Location located = locate(l.jsonPath());
        if (l.column() > 0 && !l.hasPosition()) {
            // a column inside a string value: count from the opening quote
            located = located.withPosition(located.line(), located.column() + l.column());
        }
        return problem.withLocation(located);
    }

    /** The {@link Template} model of this file; throws with located problems when it is not a usable template. */
    public Template toTemplate() {
        List<Problem> blocking = new ArrayList<>();
        for (Problem p : problems) {
            if (p.code().equals("ARM-JSON")) {
                blocking.add(p);
            }
        }
        if (!blocking.isEmpty()) {
            throw new BlueprintException(blocking);
        }
        TemplateMapper mapper = new TemplateMapper();
        Template t = mapper.map(root);
        if (!mapper.problems().isEmpty()) {
            List<Problem> located = new ArrayList<>();
            mapper.problems().forEach(p -> located.add(locate(p)));
            throw new BlueprintException(located);
        }
        return t;
    }

    void addExpressionProblems() {
        if (!root.isObject()) {
            return;
        }
        for (ExpressionIndex.Site s : expressions().sites()) {
            if (!s.parsed().ok()) {
                Location at = locate(s.path());
                // +1 for the opening quote of the JSON string
                Location col = at.withPosition(at.line(), at.column() + 1 + s.parsed().offset());
                problems.add(Problem.of("ARM-EXPR", "invalid expression at column " + (s.parsed().offset() + 1)
                        + " of the string: " + s.parsed().error(), col, "fix the expression '" + s.text() + "'"));
            }
        }
    }

    static String parent(String path) {
        if (path.equals(JsonPath.ROOT)) {
            return "";
        }
        if (path.endsWith("]")) {
            int open = path.endsWith("']") ? path.lastIndexOf("['") : path.lastIndexOf('[');
            return open > 0 ? path.substring(0, open) : JsonPath.ROOT;
        }
        int dot = path.lastIndexOf('.');
        return dot > 0 ? path.substring(0, dot) : JsonPath.ROOT;
    }
}
