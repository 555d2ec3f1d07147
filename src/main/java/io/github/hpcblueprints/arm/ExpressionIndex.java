package io.github.hpcblueprints.arm;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.diagnostics.JsonPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every expression ARM will evaluate in a template's JSON, parsed once, with its JSON path and the resource it
 * belongs to. Places ARM takes literally ({@code metadata}, {@code type}, {@code apiVersion}, a parameter's
 * {@code allowedValues}, user-defined function bodies) and nested templates evaluated in their own (inner) scope
 * are left out, so a check over the index never mistakes them for references.
 */
public final class ExpressionIndex {

    /** Which part of the template an expression is in. */
    public enum Section { PARAMETERS, VARIABLES, RESOURCES, OUTPUTS }

    /**
     * One evaluated string.
     *
     * @param owner the JSON path of the innermost resource holding it ({@code $.resources[2]}), or "" outside
     *     resources
     */
    public record Site(String path, String text, ExprParser.Result parsed, Section section, String owner) {
    }

    private static final Set<String> ROOT_LITERAL_KEYS = Set.of("$schema", "contentversion", "metadata",
            "languageversion", "apiprofile", "definitions", "functions");
    private static final Set<String> RESOURCE_LITERAL_KEYS = Set.of("type", "apiversion", "comments", "metadata");

    private final List<Site> sites;
    /** Sites by owning resource path, built on first use: one pass, not one scan per resource. */
    private java.util.Map<String, List<Site>> byOwner;

    private ExpressionIndex(List<Site> sites) {
        this.sites = Collections.unmodifiableList(sites);
    }

    public static ExpressionIndex of(Template t) {
        return of(ArmJsonWriter.tree(t));
    }

    public static ExpressionIndex of(JsonNode templateRoot) {
        List<Site> out = new ArrayList<>();
        if (templateRoot == null || !templateRoot.isObject()) {
            return new ExpressionIndex(out);
        }
        Iterator<Map.Entry<String, JsonNode>> it = templateRoot.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey().toLowerCase(Locale.ROOT);
            String path = JsonPath.child(JsonPath.ROOT, e.getKey());
            JsonNode value = e.getValue();
            switch (key) {
                case "parameters" -> parameters(value, path, out);
                case "variables" -> walk(value, path, Section.VARIABLES, "", out);
                case "resources" -> resources(value, path, out);
                case "outputs" -> outputs(value, path, out);
                default -> {
                    // $schema, metadata, functions...: literal or not ours to check
                }
            }
        }
        return new ExpressionIndex(out);
    }

    public List<Site> sites() {
        return sites;
    }

    /** Sites whose owner is exactly this resource path (not its nested children). */
    public List<Site> ownedBy(String resourcePath) {
        if (byOwner == null) {
            java.util.Map<String, List<Site>> index = new java.util.HashMap<>();
            for (Site s : sites) {
                index.computeIfAbsent(s.owner(), k -> new ArrayList<>()).add(s);
            }
            byOwner = index;
        }
        return java.util.Collections.unmodifiableList(byOwner.getOrDefault(resourcePath, List.of()));
    }

    /** Sites at or below a path. */
    public List<Site> under(String pathPrefix) {
        List<Site> out = new ArrayList<>();
        for (Site s : sites) {
            if (s.path().equals(pathPrefix) || s.path().startsWith(pathPrefix + ".")
                    || s.path().startsWith(pathPrefix + "[")) {
                out.add(s);
            }
        }
        return out;
    }

    private static void parameters(JsonNode params, String path, List<Site> out) {
        if (!params.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = params.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode def = e.getValue().get("defaultValue");
            if (def != null) {
                String p = JsonPath.child(JsonPath.child(path, e.getKey()), "defaultValue");
                walk(def, p, Section.PARAMETERS, "", out);
            }
        }
    }

    private static void outputs(JsonNode outputs, String path, List<Site> out) {
        if (!outputs.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = outputs.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String outPath = JsonPath.child(path, e.getKey());
            Iterator<Map.Entry<String, JsonNode>> keys = e.getValue().fields();
            while (keys.hasNext()) {
                Map.Entry<String, JsonNode> k = keys.next();
                String lower = k.getKey().toLowerCase(Locale.ROOT);
                if (lower.equals("value") || lower.equals("condition") || lower.equals("copy")) {
                    walk(k.getValue(), JsonPath.child(outPath, k.getKey()), Section.OUTPUTS, "", out);
                }
            }
        }
    }

    private static void resources(JsonNode resources, String path, List<Site> out) {
        if (resources.isArray()) {
            for (int i = 0; i < resources.size(); i++) {
                resource(resources.get(i), JsonPath.index(path, i), out);
            }
        } else if (resources.isObject()) {
            // languageVersion 2.0: resources keyed by symbolic name
            Iterator<Map.Entry<String, JsonNode>> it = resources.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                resource(e.getValue(), JsonPath.child(path, e.getKey()), out);
            }
        }
    }

    private static void resource(JsonNode r, String path, List<Site> out) {
        if (!r.isObject()) {
            return;
        }
        boolean innerScopeDeployment = isInnerScopeDeployment(r);
        Iterator<Map.Entry<String, JsonNode>> it = r.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String lower = e.getKey().toLowerCase(Locale.ROOT);
            String p = JsonPath.child(path, e.getKey());
            if (RESOURCE_LITERAL_KEYS.contains(lower)) {
                continue;
            }
            if (lower.equals("resources")) {
                resources(e.getValue(), p, out);
            } else if (lower.equals("properties") && innerScopeDeployment && e.getValue().isObject()) {
                Iterator<Map.Entry<String, JsonNode>> props = e.getValue().fields();
                while (props.hasNext()) {
                    Map.Entry<String, JsonNode> prop = props.next();
                    if (!prop.getKey().equalsIgnoreCase("template")) {
                        walk(prop.getValue(), JsonPath.child(p, prop.getKey()), Section.RESOURCES, path, out);
                    }
                }
            } else {
                walk(e.getValue(), p, Section.RESOURCES, path, out);
            }
        }
    }

    /** A nested deployment whose template is evaluated in its own scope, not ours. */
    static boolean isInnerScopeDeployment(JsonNode r) {
        JsonNode type = r.get("type");
        if (type == null || !type.isTextual() || !type.textValue().equalsIgnoreCase("Microsoft.Resources/deployments")) {
            return false;
        }
        JsonNode scope = r.path("properties").path("expressionEvaluationOptions").path("scope");
        return scope.isTextual() && scope.textValue().equalsIgnoreCase("inner");
    }

    private static void walk(JsonNode node, String path, Section section, String owner, List<Site> out) {
        if (node.isTextual()) {
            String text = node.textValue();
            if (ExprParser.isExpressionString(text)) {
                out.add(new Site(path, text, ExprParser.tryParseArmString(text), section, owner));
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String childPath = JsonPath.child(path, e.getKey());
                // ARM evaluates keys too: userAssignedIdentities is keyed by identity id expressions
                if (ExprParser.isExpressionString(e.getKey())) {
                    out.add(new Site(childPath, e.getKey(), ExprParser.tryParseArmString(e.getKey()), section,
                            owner));
                }
                walk(e.getValue(), childPath, section, owner, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), JsonPath.index(path, i), section, owner, out);
            }
        }
    }
}
