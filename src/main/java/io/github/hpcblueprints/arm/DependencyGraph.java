package io.github.hpcblueprints.arm;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.diagnostics.JsonPath;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Who waits for whom in a template: explicit {@code dependsOn} entries plus the dependencies implied by
 * {@code resourceId()}, {@code reference()} and {@code list*()} of resources the same template deploys. Works on
 * the JSON tree, so it serves templates read from files as well as built ones.
 */
public final class DependencyGraph {

    /**
     * One resource. {@code type} and {@code name} are fully qualified (a nested child's include its parent's).
     *
     * @param parent index of the enclosing resource for a nested child, -1 otherwise
     * @param copyName the copy loop's name, "" without one
     */
    public record Node(int index, String path, String type, Expr name, JsonNode json, boolean existing, int parent,
            String copyName) {

        /** {@code type name}, for messages. */
        public String label() {
            return type + " '" + name.toArmString() + "'";
        }
    }

    /** A {@code dependsOn} entry that names no resource of the template. */
    public record Unresolved(Node from, String path, String text) {
    }

    /** A {@code reference()} without apiVersion to a resource neither deployed nor declared existing. */
    public record Dangling(String path, String target) {
    }

    private final List<Node> nodes;
    private final Map<Integer, Set<Integer>> explicit = new HashMap<>();
    private final Map<Integer, Set<Integer>> implicit = new HashMap<>();
    private final List<Unresolved> unresolved = new ArrayList<>();
    private final List<Dangling> dangling = new ArrayList<>();
    private final Map<String, List<Integer>> byIdKey = new HashMap<>();
    private final Map<String, List<Integer>> byNameKey = new HashMap<>();
    private final Map<String, List<Integer>> byCopyName = new HashMap<>();
    /** languageVersion 2.0: resources keyed by symbolic name, which reference() and dependsOn may use. */
    private final Map<String, Integer> bySymbol = new HashMap<>();
    private static final java.util.regex.Pattern SYMBOLIC = java.util.regex.Pattern.compile(
            "^\\$\\.resources(?:\\.([A-Za-z_][A-Za-z0-9_]*)|\\['(.+)'\\])$");
    private JsonNode variables = com.fasterxml.jackson.databind.node.MissingNode.getInstance();

    private DependencyGraph(List<Node> nodes) {
        this.nodes = Collections.unmodifiableList(nodes);
        for (Node n : nodes) {
            byIdKey.computeIfAbsent(idKey(n), k -> new ArrayList<>()).add(n.index());
            byNameKey.computeIfAbsent(ResourceNames.key(n.name()), k -> new ArrayList<>()).add(n.index());
            java.util.regex.Matcher symbol = SYMBOLIC.matcher(n.path());
            if (symbol.matches()) {
                bySymbol.put((symbol.group(1) != null ? symbol.group(1) : symbol.group(2)).toLowerCase(Locale.ROOT),
                        n.index());
            }
            if (!n.copyName().isEmpty()) {
                byCopyName.computeIfAbsent(n.copyName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(n.index());
            }
        }
    }

    public static DependencyGraph of(Template t) {
        JsonNode tree = ArmJsonWriter.tree(t);
        return of(ResourceIndex.of(tree), ExpressionIndex.of(tree));
    }

    /**
     * The graph of one deployment: the index's resources outside inline nested deployments (those deploy in a
     * deployment of their own), with a string type and name.
     */
    public static DependencyGraph of(ResourceIndex resources, ExpressionIndex index) {
        List<Node> nodes = new ArrayList<>();
        Map<Integer, Integer> nodeOf = new HashMap<>();
        for (ResourceIndex.Entry e : resources.entries()) {
            if (e.nested() || !e.wellFormed()) {
                continue;
            }
            int parent = e.parent() < 0 ? -1 : nodeOf.getOrDefault(e.parent(), -1);
            nodeOf.put(e.index(), nodes.size());
            nodes.add(new Node(nodes.size(), e.path(), e.type(), e.name(), e.json(), e.existing(), parent,
                    e.copyName()));
        }
        DependencyGraph g = new DependencyGraph(nodes);
        g.variables = resources.variables();
        g.link(index);
        return g;
    }

    // ---- linking ------------------------------------------------------------------------------------------

    private void link(ExpressionIndex index) {
        for (Node n : nodes) {
            if (n.existing()) {
                continue;
            }
            Set<Integer> exp = new LinkedHashSet<>();
            JsonNode deps = n.json().path("dependsOn");
            for (int i = 0; i < deps.size(); i++) {
                JsonNode d = deps.get(i);
                String path = JsonPath.index(JsonPath.child(n.path(), "dependsOn"), i);
                String text = d.asText();
                List<Integer> targets = resolveDependsOn(text);
                if (targets.isEmpty()) {
                    unresolved.add(new Unresolved(n, path, text));
                }
                exp.addAll(targets);
            }
            exp.remove(n.index());
            explicit.put(n.index(), exp);

            Set<Integer> imp = new LinkedHashSet<>();
            if (n.parent() >= 0) {
                imp.add(n.parent());
            }
            parentOf(n).ifPresent(imp::add);
            scopeTarget(n).ifPresent(id -> imp.addAll(deployed(lookupId(id))));
            String depsPrefix = JsonPath.child(n.path(), "dependsOn");
            // tags name resources (the portal's hidden-related keys) without waiting for them
            String tagsPrefix = JsonPath.child(n.path(), "tags");
            for (ExpressionIndex.Site site : index.ownedBy(n.path())) {
                if (site.path().startsWith(depsPrefix) || site.path().startsWith(tagsPrefix) || !site.parsed().ok()) {
                    continue;
                }
                scan(site.parsed().expr().orElseThrow(), imp);
            }
            imp.remove(n.index());
            implicit.put(n.index(), imp);
        }
        for (ExpressionIndex.Site site : index.sites()) {
            site.parsed().expr().ifPresent(e -> findDangling(e, site.path()));
        }
    }

    private void findDangling(Expr e, String path) {
        for (Expr.Call c : e.calls()) {
            if (c.is("reference") && c.args().size() == 1) {
                checkDangling(c.arg(0), path);
            }
        }
    }

    /** The resource an extension resource applies to, when its {@code scope} names one. */
    private static Optional<ResourceId> scopeTarget(Node n) {
        JsonNode scope = n.json().get("scope");
        if (scope == null || !scope.isTextual()) {
            return Optional.empty();
        }
        return ExprParser.tryParseArmString(scope.textValue()).expr().flatMap(ResourceId::parseScope);
    }

    /** ARM does not order a child after its parent by itself; a deployed parent is an implied dependency. */
    private Optional<Integer> parentOf(Node n) {
        int slash = n.type().lastIndexOf('/');
        List<Expr> segs = ResourceNames.segments(n.name());
        if (slash <= n.type().indexOf('/') || segs.size() < 2) {
            return Optional.empty();
        }
        ResourceId parentId = ResourceId.of(n.type().substring(0, slash),
                segs.subList(0, segs.size() - 1).toArray(Expr[]::new));
        return deployed(lookupId(parentId)).stream().findFirst();
    }

    private void scan(Expr e, Set<Integer> out) {
        if (e instanceof Expr.Call c) {
            Optional<ResourceId> id = ResourceId.parse(c);
            if (id.isPresent()) {
                if (id.get().isLocal()) {
                    deployed(lookupId(id.get())).forEach(out::add);
                }
            } else if ((c.is("reference") || c.name().toLowerCase(Locale.ROOT).startsWith("list"))
                    && !c.args().isEmpty()) {
                Expr target = c.arg(0);
                boolean byId = ResourceId.parse(target).isPresent();
                List<Integer> byName = byId ? List.of() : byNameKey.getOrDefault(ResourceNames.key(target), List.of());
                deployed(byName).forEach(out::add);
                symbol(target).ifPresent(out::add);
            }
            c.args().forEach(a -> scan(a, out));
        } else if (e instanceof Expr.Member m) {
            scan(m.target(), out);
        } else if (e instanceof Expr.Index ix) {
            scan(ix.target(), out);
            scan(ix.index(), out);
        }
    }

    /** A {@code reference(x)} without apiVersion must name something this template knows. */
    private void checkDangling(Expr target, String path) {
        Optional<ResourceId> id = ResourceId.parse(target);
        List<Integer> found;
        if (id.isPresent()) {
            if (!id.get().isLocal()) {
                found = List.of();
            } else {
                found = lookupId(id.get());
            }
        } else if (target instanceof Expr.Str) {
            found = symbol(target).map(List::of)
                    .orElseGet(() -> byNameKey.getOrDefault(ResourceNames.key(target), List.of()));
        } else {
            return; // a computed name or id: unknown at build time
        }
        if (found.isEmpty()) {
            dangling.add(new Dangling(path, target.render()));
        }
    }

    private List<Integer> resolveDependsOn(String text) {
        return resolveDependsOn(text, 0);
    }

    /**
     * What a {@code dependsOn} entry names, as ARM reads it: a resource id, {@code type/name}, a bare name or copy
     * loop, a variable holding one of those, or the quickstarts' {@code concat('Type/', name)}. A type written with
     * a trailing slash ({@code resourceId('Microsoft.Network/virtualNetworks/', ...)}) is the same type.
     */
    private List<Integer> resolveDependsOn(String text, int depth) {
        ExprParser.Result parsed = ExprParser.tryParseArmString(text);
        if (!parsed.ok()) {
            return List.of();
        }
        Expr e = parsed.expr().orElseThrow();
        if (e instanceof Expr.Call v && v.is("variables") && v.args().size() == 1 && v.arg(0) instanceof Expr.Str name
                && depth < 8) {
            JsonNode value = variables.path(name.value());
            return value.isTextual() ? resolveDependsOn(value.textValue(), depth + 1) : List.of();
        }
        if (e instanceof Expr.Call c && c.is("resourceId")) {
            List<Expr> args = new ArrayList<>();
            for (Expr a : c.args()) {
                args.add(a instanceof Expr.Str s && s.value().endsWith("/") && s.value().contains(".")
                        ? Expr.str(s.value().replaceAll("/+$", "")) : a);
            }
            e = Expr.call("resourceId", args.toArray(Expr[]::new));
        }
        if (e instanceof Expr.Call c && c.is("concat")) {
            Optional<ResourceId> typed = typeAndName(c.args());
            if (typed.isPresent()) {
                List<Integer> hits = deployed(lookupId(typed.get()));
                if (!hits.isEmpty()) {
                    return hits;
                }
            }
        }
        Optional<ResourceId> id = ResourceId.parse(e);
        if (id.isPresent()) {
            return id.get().isLocal() ? deployed(lookupId(id.get())) : List.of();
        }
        List<Integer> out = new ArrayList<>();
        symbol(e).ifPresent(out::add);
        if (out.isEmpty() && e instanceof Expr.Str s) {
            out.addAll(byCopyName.getOrDefault(s.value().toLowerCase(Locale.ROOT), List.of()));
            if (out.isEmpty()) {
                for (Node n : nodes) {
                    String typed = (n.type() + "/" + n.name().toArmString()).toLowerCase(Locale.ROOT);
                    if (!n.existing() && typed.equals(s.value().toLowerCase(Locale.ROOT))) {
                        out.add(n.index());
                    }
                }
            }
        }
        if (out.isEmpty()) {
            out.addAll(deployed(byNameKey.getOrDefault(ResourceNames.key(e), List.of())));
        }
        return out;
    }

    /**
     * {@code concat('Microsoft.Network/virtualNetworks/', name)} and longer forms ({@code 'Ns/type/', a, '/child/',
     * b}) as a type and its name segments; empty when the pieces are not that shape.
     */
    private static Optional<ResourceId> typeAndName(List<Expr> parts) {
        List<Expr> tokens = new ArrayList<>();
        for (Expr p : parts) {
            if (p instanceof Expr.Str s) {
                for (String piece : s.value().split("/", -1)) {
                    tokens.add(Expr.str(piece));
                }
                // a literal's pieces are separate tokens, but its ends join the expressions around it
            } else {
                tokens.add(p);
            }
        }
        tokens.removeIf(t -> t instanceof Expr.Str s && s.value().isEmpty());
        if (tokens.size() < 3 || !(tokens.get(0) instanceof Expr.Str ns) || !ns.value().contains(".")) {
            return Optional.empty();
        }
        StringBuilder type = new StringBuilder(ns.value());
        List<Expr> names = new ArrayList<>();
        for (int i = 1; i + 1 < tokens.size() + 1; i += 2) {
            if (!(tokens.get(i) instanceof Expr.Str t) || i + 1 >= tokens.size()) {
                return Optional.empty();
            }
            type.append('/').append(t.value());
            names.add(tokens.get(i + 1));
        }
        return Optional.of(ResourceId.of(type.toString(), names.toArray(Expr[]::new)));
    }

    /** The resource a literal symbolic name keys (languageVersion 2.0), when there is one. */
    private Optional<Integer> symbol(Expr e) {
        return e instanceof Expr.Str s ? Optional.ofNullable(bySymbol.get(s.value().toLowerCase(Locale.ROOT)))
                : Optional.empty();
    }

    private List<Integer> lookupId(ResourceId id) {
        List<Integer> hits = byIdKey.get(id.key());
        if (hits == null && id.kind() != ResourceId.Kind.EXTENSION) {
            hits = byIdKey.get(ResourceId.of(id.type(), id.names().toArray(Expr[]::new)).key());
        }
        return hits == null ? List.of() : hits;
    }

    private List<Integer> deployed(List<Integer> indexes) {
        List<Integer> out = new ArrayList<>();
        for (int i : indexes) {
            if (!nodes.get(i).existing()) {
                out.add(i);
            }
        }
        return out;
    }

    private static String idKey(Node n) {
        Expr[] names = ResourceNames.segments(n.name()).toArray(Expr[]::new);
        JsonNode scope = n.json().get("scope");
        if (scope != null && scope.isTextual()) {
            Expr s = ExprParser.tryParseArmString(scope.textValue()).expr().orElse(Expr.str(scope.textValue()));
            return ResourceId.extension(s, n.type(), names).key();
        }
        return ResourceId.of(n.type(), names).key();
    }

    // ---- queries ------------------------------------------------------------------------------------------

    public List<Node> nodes() {
        return nodes;
    }

    public List<Unresolved> unresolved() {
        return Collections.unmodifiableList(unresolved);
    }

    public List<Dangling> dangling() {
        return Collections.unmodifiableList(dangling);
    }

    /** Explicit {@code dependsOn} targets that resolve to deployed resources. */
    public List<Node> explicitDependencies(Node n) {
        return toNodes(explicit.getOrDefault(n.index(), Set.of()));
    }

    /** Dependencies implied by expressions (and by nesting), whether or not also explicit. */
    public List<Node> implicitDependencies(Node n) {
        return toNodes(implicit.getOrDefault(n.index(), Set.of()));
    }

    /** All dependencies of a node. */
    public List<Node> dependencies(Node n) {
        Set<Integer> all = new LinkedHashSet<>(explicit.getOrDefault(n.index(), Set.of()));
        all.addAll(implicit.getOrDefault(n.index(), Set.of()));
        return toNodes(all);
    }

    /** The node deployed at a JSON path. */
    public Optional<Node> at(String path) {
        return nodes.stream().filter(n -> n.path().equals(path)).findFirst();
    }

    /** Deployed nodes whose id equals {@code id}. */
    public List<Node> find(ResourceId id) {
        return toNodes(new LinkedHashSet<>(deployed(lookupId(id))));
    }

    /** Every dependency cycle, each as the nodes on it in order (first node repeated at the end). */
    public List<List<Node>> cycles() {
        List<List<Node>> out = new ArrayList<>();
        Set<Set<Integer>> seen = new LinkedHashSet<>();
        int[] state = new int[nodes.size()];
        Deque<Integer> stack = new ArrayDeque<>();
        for (Node n : nodes) {
            if (state[n.index()] == 0) {
                dfs(n.index(), state, stack, out, seen);
            }
        }
        return out;
    }

    private void dfs(int v, int[] state, Deque<Integer> stack, List<List<Node>> out, Set<Set<Integer>> seen) {
        state[v] = 1;
        stack.push(v);
        for (Node dep : dependencies(nodes.get(v))) {
            int w = dep.index();
            if (state[w] == 0) {
                dfs(w, state, stack, out, seen);
            } else if (state[w] == 1) {
                List<Integer> cycle = new ArrayList<>();
                for (Iterator<Integer> it = stack.descendingIterator(); it.hasNext();) {
                    int x = it.next();
                    if (x == w || !cycle.isEmpty()) {
                        cycle.add(x);
                    }
                }
                cycle.add(w);
                if (seen.add(new LinkedHashSet<>(cycle))) {
                    out.add(toNodes(cycle));
                }
            }
        }
        stack.pop();
        state[v] = 2;
    }

    /** Deployed nodes ordered so each comes after its dependencies; ties keep template order. */
    public List<Node> deploymentOrder() {
        Map<Integer, Integer> waiting = new LinkedHashMap<>();
        Map<Integer, List<Integer>> dependents = new HashMap<>();
        for (Node n : nodes) {
            if (n.existing()) {
                continue;
            }
            List<Node> deps = dependencies(n);
            waiting.put(n.index(), deps.size());
            for (Node d : deps) {
                dependents.computeIfAbsent(d.index(), k -> new ArrayList<>()).add(n.index());
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        waiting.forEach((k, v) -> {
            if (v == 0) {
                ready.add(k);
            }
        });
        List<Node> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            int v = ready.poll();
            order.add(nodes.get(v));
            for (int d : dependents.getOrDefault(v, List.of())) {
                int left = waiting.merge(d, -1, Integer::sum);
                if (left == 0) {
                    ready.add(d);
                }
            }
        }
        if (order.size() != waiting.size()) {
            throw new IllegalStateException("the template has a dependency cycle; see cycles()");
        }
        return order;
    }

    private List<Node> toNodes(Iterable<Integer> indexes) {
        List<Node> out = new ArrayList<>();
        for (int i : indexes) {
            out.add(nodes.get(i));
        }
        return out;
    }
}
