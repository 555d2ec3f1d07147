package io.github.hpcblueprints.arm;

import io.github.hpcblueprints.json.JsonPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.diagnostics.JsonPath;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.diagnostics.Suggest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The structural checks every template must pass: expressions parse, every {@code parameters()} and
 * {@code variables()} names a declaration, every {@code dependsOn} names a resource of the template, every
 * {@code reference()} without apiVersion names one deployed or declared existing, no dependency cycle, no duplicate
 * resource, literal names with one segment per type level, {@code reference()} only where ARM allows it, and ARM's
 * size limits. Problems carry the JSON path in the written template.
 */
public final class TemplateChecks {

    private TemplateChecks() {
    }

    /** Every check of a template, made from scratch (the builder reuses what it made instead). */
    public static List<Problem> check(Template t) {
        JsonNode tree = ArmJsonWriter.tree(t);
        ExpressionIndex index = ExpressionIndex.of(tree);
        List<Problem> out = check(t, tree, index, DependencyGraph.of(ResourceIndex.of(tree), index));
        out.addAll(size(t));
        return out;
    }

    /** The checks of a template's tree, with the indexes made of it once; all but {@link #size(Template)}. */
    static List<Problem> check(Template t, JsonNode tree, ExpressionIndex index, DependencyGraph graph) {
        List<Problem> out = new ArrayList<>();
        out.addAll(expressions(index));
        out.addAll(references(tree, index));
        out.addAll(graphProblems(graph, false));
        out.addAll(duplicates(graph));
        out.addAll(nameSegments(graph));
        out.addAll(limits(t, tree));
        return out;
    }

    /** Expressions that do not parse, with the column inside the string. */
    public static List<Problem> expressions(ExpressionIndex index) {
        List<Problem> out = new ArrayList<>();
        for (ExpressionIndex.Site s : index.sites()) {
            if (!s.parsed().ok()) {
                out.add(new Problem("ARM-EXPR", "invalid expression at column " + (s.parsed().offset() + 1)
                        + " of the string: " + s.parsed().error(), new Location("", 0, 0, s.path()),
                        "fix the expression '" + s.text() + "'"));
            } else if (s.text().length() > TemplateLimits.MAX_EXPRESSION_CHARS) {
                out.add(Problem.at("ARM-LIMIT", s.path(), "expression of " + s.text().length()
                        + " characters; ARM's limit is " + TemplateLimits.MAX_EXPRESSION_CHARS,
                        "split it with variables"));
            }
        }
        return out;
    }

    /** parameters(), variables() and misplaced reference()/list*() calls. */
    public static List<Problem> references(JsonNode tree, ExpressionIndex index) {
        Set<String> params = keysLower(tree.path("parameters"));
        Set<String> vars = keysLower(tree.path("variables"));
        JsonNode copies = tree.path("variables").path("copy");
        for (JsonNode c : copies) {
            vars.add(c.path("name").asText("").toLowerCase(Locale.ROOT));
        }
        List<Problem> out = new ArrayList<>();
        for (ExpressionIndex.Site s : index.sites()) {
            s.parsed().expr().ifPresent(e -> referenceProblems(e, s, params, vars, out));
        }
        return out;
    }

    private static void referenceProblems(Expr e, ExpressionIndex.Site site, Set<String> params, Set<String> vars,
            List<Problem> out) {
        if (e instanceof Expr.Call c) {
            if (c.is("parameters") && c.args().size() == 1 && c.arg(0) instanceof Expr.Str name
                    && !params.contains(name.value().toLowerCase(Locale.ROOT))) {
                out.add(Problem.at("ARM-REF", site.path(), "parameters('" + name.value()
                        + "') refers to a parameter the template does not declare",
                        "declare it under 'parameters'" + suggestion(name.value(), params)));
            }
            if (c.is("variables") && c.args().size() == 1 && c.arg(0) instanceof Expr.Str name
                    && !vars.contains(name.value().toLowerCase(Locale.ROOT))) {
                out.add(Problem.at("ARM-REF", site.path(), "variables('" + name.value()
                        + "') refers to a variable the template does not declare",
                        "declare it under 'variables'" + suggestion(name.value(), vars)));
            }
            if (c.is("extensionResourceId") && !c.args().isEmpty()
                    && ResourceNames.segments(c.arg(0)).get(0) instanceof Expr.Str first
                    && !first.value().startsWith("/") && first.value().contains(".")) {
                out.add(Problem.at("ARM-REF", site.path(), "extensionResourceId() needs the full id of the resource "
                        + "it extends, not the relative form '" + first.value() + "/...' that a scope property takes",
                        "pass resourceId(...) of that resource as the first argument"));
            }
            boolean runtime = c.is("reference") || c.name().toLowerCase(Locale.ROOT).startsWith("list");
            if (runtime && (site.section() == ExpressionIndex.Section.VARIABLES
                    || site.section() == ExpressionIndex.Section.PARAMETERS)) {
                out.add(Problem.at("ARM-FUNC-PLACE", site.path(), c.name()
                        + "() cannot be used in " + site.section().name().toLowerCase(Locale.ROOT)
                        + ": ARM evaluates it only in resources and outputs",
                        "move the expression into the resource property or output that needs it"));
            } else if (runtime && site.section() == ExpressionIndex.Section.RESOURCES
                    && !site.path().startsWith(site.owner() + ".properties")) {
                // name, dependsOn, location, condition, copy... are needed before any resource is deployed
                String key = site.path().substring(site.owner().length());
                out.add(Problem.at("ARM-FUNC-PLACE", site.path(), c.name() + "() cannot be used in a resource's "
                        + key.replaceFirst("^\\.", "").replaceFirst("[.\\[].*", "") + ": ARM evaluates it only "
                        + "inside properties and in outputs", "derive the value from parameters, variables or "
                        + "resource ids, which ARM knows before the deployment starts"));
            }
            c.args().forEach(a -> referenceProblems(a, site, params, vars, out));
        } else if (e instanceof Expr.Member m) {
            referenceProblems(m.target(), site, params, vars, out);
        } else if (e instanceof Expr.Index ix) {
            referenceProblems(ix.target(), site, params, vars, out);
            referenceProblems(ix.index(), site, params, vars, out);
        }
    }

    /**
     * Unresolved dependsOn, dangling references and cycles. {@code asArmOrders}: only the cycles ARM would refuse
     * (a template read from a file); otherwise also those through the resource ids our writer turns into dependsOn.
     */
    public static List<Problem> graphProblems(DependencyGraph graph, boolean asArmOrders) {
        List<Problem> out = new ArrayList<>();
        for (DependencyGraph.Unresolved u : graph.unresolved()) {
            out.add(Problem.at("ARM-DEPENDS", u.path(), "dependsOn '" + u.text() + "' names no resource that this "
                    + "template deploys", "remove it (a resource outside the template needs no dependsOn) or fix "
                    + "the name"));
        }
        for (DependencyGraph.Dangling d : graph.dangling()) {
            out.add(Problem.at("ARM-REFERENCE", d.path(), "reference(" + d.target() + ") without an apiVersion "
                    + "works only for a resource this template deploys, and there is none",
                    "pass the apiVersion as the second argument, or declare the resource as existing"));
        }
        for (List<DependencyGraph.Node> cycle : asArmOrders ? graph.armCycles() : graph.cycles()) {
            String names = cycle.stream().map(DependencyGraph.Node::label).collect(Collectors.joining(" -> "));
            out.add(Problem.at("ARM-CYCLE", cycle.get(0).path(), "dependency cycle: " + names,
                    "break the cycle: one of these must not wait for the next"));
        }
        return out;
    }

    /** Two unconditional resources with the same type and name. */
    public static List<Problem> duplicates(DependencyGraph graph) {
        List<Problem> out = new ArrayList<>();
        Map<String, DependencyGraph.Node> seen = new HashMap<>();
        for (DependencyGraph.Node n : graph.nodes()) {
            if (n.existing() || n.json().has("condition") || n.json().has("copy")) {
                continue;
            }
            String key = n.type().toLowerCase(Locale.ROOT) + "|" + ResourceNames.key(n.name()) + "|"
                    + n.json().path("scope").asText("");
            DependencyGraph.Node first = seen.putIfAbsent(key.toLowerCase(Locale.ROOT), n);
            if (first != null) {
                out.add(Problem.at("ARM-DUPLICATE", n.path(), n.label() + " is declared twice (first at "
                        + first.path() + ")", "remove one, or give them different names"));
            }
        }
        return out;
    }

    /** A literal name must have one segment per level of its type below the provider. */
    public static List<Problem> nameSegments(DependencyGraph graph) {
        List<Problem> out = new ArrayList<>();
        for (DependencyGraph.Node n : graph.nodes()) {
            if (!(n.name() instanceof Expr.Str s)) {
                continue;
            }
            int levels = n.type().split("/").length - 1;
            int segments = s.value().split("/", -1).length;
            if (levels > 0 && segments != levels) {
                out.add(Problem.at("ARM-NAME", JsonPath.child(n.path(), "name"), "name '" + s.value() + "' has "
                        + segments + " segment(s) but type " + n.type() + " needs " + levels,
                        levels > 1 ? "write it as parent/child ('a/b' for two levels)"
                                : "a top-level resource name has no '/'"));
            }
        }
        return out;
    }

    /** ARM's documented limits. */
    public static List<Problem> limits(Template t, JsonNode tree) {
        List<Problem> out = new ArrayList<>();
        limit(out, "parameters", t.parameters().size(), TemplateLimits.MAX_PARAMETERS, "$.parameters",
                "combine related parameters into one object parameter");
        limit(out, "variables", t.variables().size(), TemplateLimits.MAX_VARIABLES, "$.variables",
                "combine variables into objects");
        int resources = countResources(tree.path("resources"));
        limit(out, "resources", resources, TemplateLimits.MAX_RESOURCES, "$.resources",
                "split the template into linked or nested deployments");
        limit(out, "outputs", t.outputs().size(), TemplateLimits.MAX_OUTPUTS, "$.outputs",
                "return fewer, larger (object) outputs");
        return out;
    }

    /** ARM's 4 MB limit, on the text {@link ArmJsonWriter#write(Template)} prints (once per template). */
    static List<Problem> size(Template t) {
        int bytes = ArmJsonWriter.write(t).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > TemplateLimits.MAX_TEMPLATE_BYTES) {
            return List.of(Problem.at("ARM-LIMIT", "$", "template is " + bytes + " bytes; ARM's limit is 4 MB ("
                    + TemplateLimits.MAX_TEMPLATE_BYTES + " bytes)", "split it into nested deployments or "
                    + "template specs"));
        }
        return List.of();
    }

    private static void limit(List<Problem> out, String what, int count, int max, String path, String hint) {
        if (count > max) {
            out.add(Problem.at("ARM-LIMIT", path, count + " " + what + "; ARM allows at most " + max, hint));
        }
    }

    /** Resources including nested children, with literal copy counts expanded. */
    private static int countResources(JsonNode resources) {
        int n = 0;
        Iterator<JsonNode> it = resources.elements();
        while (it.hasNext()) {
            JsonNode r = it.next();
            JsonNode count = r.path("copy").path("count");
            n += count.isIntegralNumber() ? Math.max(count.intValue(), 0) : 1;
            n += countResources(r.path("resources"));
        }
        return n;
    }

    private static Set<String> keysLower(JsonNode obj) {
        Set<String> out = new HashSet<>();
        obj.fieldNames().forEachRemaining(k -> out.add(k.toLowerCase(Locale.ROOT)));
        return out;
    }

    /** {@code ; did you mean 'x'?} for the closest declared name, or "". */
    static String suggestion(String name, Set<String> declared) {
        String best = Suggest.closest(name, declared);
        return best.isEmpty() ? "" : "; did you mean '" + best + "'?";
    }
}
