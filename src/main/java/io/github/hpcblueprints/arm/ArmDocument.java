package io.github.hpcblueprints.arm;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.JsonPath;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.diagnostics.SourceTree;
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

    private final SourceTree tree;
    private final List<Problem> problems;
    private ExpressionIndex expressions;
    private ResourceIndex resources;
    private DependencyGraph dependencies;

    private final int textLength;

    ArmDocument(SourceTree tree, int textLength) {
        this.tree = tree;
        this.problems = new ArrayList<>(tree.problems());
        this.textLength = textLength;
    }

    /** The length in characters of the text this document was read from. */
    public int textLength() {
        return textLength;
    }

    public String source() {
        return tree.source();
    }

    /** The JSON tree; a MissingNode when the text was not JSON. */
    public JsonNode root() {
        return tree.root();
    }

    /** Problems found while reading (syntax, duplicate keys, unparseable expressions), located. */
    public List<Problem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** True when the text parsed as JSON. */
    public boolean isJson() {
        return !tree.root().isMissingNode();
    }

    /** True when the file looks like an ARM deployment template (not a parameters file or other JSON). */
    public boolean isTemplate() {
        JsonNode root = tree.root();
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
            expressions = ExpressionIndex.of(tree.root());
        }
        return expressions;
    }

    /** Every resource of the template, flattened once (see {@link ResourceIndex}). */
    public ResourceIndex resources() {
        if (resources == null) {
            resources = ResourceIndex.of(tree.root());
        }
        return resources;
    }

    /** Who waits for whom, made once from {@link #resources()} and {@link #expressions()}. */
    public DependencyGraph dependencies() {
        if (dependencies == null) {
            dependencies = DependencyGraph.of(resources(), expressions());
        }
        return dependencies;
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
        return tree.locate(jsonPath);
    }

    /** The problem with this document's file, line and column added from its JSON path. */
    public Problem locate(Problem problem) {
        return tree.locate(problem);
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
        Template t = mapper.map(tree.root());
        if (!mapper.problems().isEmpty()) {
            List<Problem> located = new ArrayList<>();
            mapper.problems().forEach(p -> located.add(locate(p)));
            throw new BlueprintException(located);
        }
        return t;
    }

    void addExpressionProblems() {
        if (!tree.root().isObject()) {
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
}
