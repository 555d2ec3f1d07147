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
    /** The implied dependencies ARM itself orders by: reference() and list*() targets. */
    private final Map<Integer, Set<Integer>> referenced = new HashMap<>();
    private final List<Unresolved> unresolved = new ArrayList<>();
    private final List<Dangling> dangling = new ArrayList<>();
    private final Map<String, List<Integer>> byIdKey = new HashMap<>();
    private final Map<String, List<Integer>> byNameKey = new HashMap<>();
    private final Map<String, List<Integer>> byCopyName = new HashMap<>();
    /** Children declared inside their parent, by the name written there ({@code "dependsOn": ["CreateADForest"]}). */
    private final Map<String, List<Integer>> byChildName = new HashMap<>();
    /** languageVersion 2.0: resources keyed by symbolic name, which reference() and dependsOn may use. */
    private final Map<String, Integer> bySymbol = new HashMap<>();
    private static final java.util.regex.Pattern SYMBOLIC = java.util.regex.Pattern.compile(
            "^\\$\\.resources(?:\\.([A-Za-z_][A-Za-z0-9_]*)|\\['(.+)'\\])$");
    /** Folds variables and literal arithmetic into names and ids, so two spellings of one name compare equal. */
    private final Evaluator evaluator;
    private final Map<Expr, Expr> folded = new HashMap<>();
    /** Types (lower case) with a deployed resource whose name is known only at deployment. */
    private final Set<String> computedNames = new java.util.HashSet<>();

    private DependencyGraph(List<Node> nodes, Evaluator evaluator) {
        this.nodes = Collections.unmodifiableList(nodes);
        this.evaluator = evaluator;
        for (Node n : nodes) {
            Expr folded = canonical(n.name());
            for (String key : new LinkedHashSet<>(List.of(idKey(n, n.name()), idKey(n, folded)))) {
                byIdKey.computeIfAbsent(key, k -> new ArrayList<>()).add(n.index());
            }
            for (String key : new LinkedHashSet<>(List.of(ResourceNames.key(n.name()), ResourceNames.key(folded)))) {
                byNameKey.computeIfAbsent(key, k -> new ArrayList<>()).add(n.index());
            }
            if (!literal(folded)) {
                computedNames.add(n.type().toLowerCase(Locale.ROOT));
            }
            if (n.parent() >= 0) {
                List<Expr> segs = ResourceNames.segments(folded);
                byChildName.computeIfAbsent(ResourceNames.key(segs.get(segs.size() - 1)), k -> new ArrayList<>())
                        .add(n.index());
            }
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
        DependencyGraph g = new DependencyGraph(nodes, Evaluator.ofVariables(resources.variables()));
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
                Optional<List<Integer>> targets = resolveDependsOn(text);
                if (targets.isPresent() && targets.get().isEmpty()) {
                    unresolved.add(new Unresolved(n, path, text));
                }
                targets.ifPresent(exp::addAll);
            }
            exp.remove(n.index());
            explicit.put(n.index(), exp);

            Set<Integer> imp = new LinkedHashSet<>();
            Set<Integer> ord = new LinkedHashSet<>();
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
                scan(site.parsed().expr().orElseThrow(), imp, ord, false);
            }
            imp.remove(n.index());
            ord.remove(n.index());
            implicit.put(n.index(), imp);
            referenced.put(n.index(), ord);
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

    /**
     * Collects the resources an expression names. {@code ordered} receives only those ARM itself waits for: the
     * targets of {@code reference()} and {@code list*()}; a {@code resourceId()} alone does not order a deployment.
     */
    private void scan(Expr e, Set<Integer> out, Set<Integer> ordered, boolean insideReference) {
        if (e instanceof Expr.Call c) {
            Optional<ResourceId> id = ResourceId.parse(c);
            if (id.isPresent()) {
                if (id.get().isLocal()) {
                    List<Integer> hits = lookupId(id.get());
                    if (hits.isEmpty()) {
                        hits = ResourceId.parse(canonical(c)).map(this::lookupId).orElse(List.of());
                    }
                    deployed(hits).forEach(out::add);
                    if (insideReference) {
                        deployed(hits).forEach(ordered::add);
                    }
                }
            } else if ((c.is("reference") || c.name().toLowerCase(Locale.ROOT).startsWith("list"))
                    && !c.args().isEmpty()) {
                Expr target = c.arg(0);
                boolean byId = ResourceId.parse(target).isPresent();
                List<Integer> byName = byId ? List.of() : byNameKey.getOrDefault(ResourceNames.key(target), List.of());
                deployed(byName).forEach(out::add);
                deployed(byName).forEach(ordered::add);
                symbol(target).ifPresent(out::add);
                symbol(target).ifPresent(ordered::add);
                scan(target, out, ordered, true);
                c.args().subList(1, c.args().size()).forEach(a -> scan(a, out, ordered, false));
                return;
            }
            c.args().forEach(a -> scan(a, out, ordered, false));
        } else if (e instanceof Expr.Member m) {
            scan(m.target(), out, ordered, insideReference);
        } else if (e instanceof Expr.Index ix) {
            scan(ix.target(), out, ordered, insideReference);
            scan(ix.index(), out, ordered, false);
        }
    }

    /** A {@code reference(x)} without apiVersion must name something this template knows. */
    private void checkDangling(Expr target, String path) {
        if (symbol(target).isPresent()) {
            return;
        }
        // a resource declared existing answers reference() too
        Optional<List<Integer>> found = resolve(canonical(target), true);
        if (found.isPresent() && found.get().isEmpty()) {
            dangling.add(new Dangling(path, target.render()));
        }
    }

    /**
     * What a {@code dependsOn} entry names, as ARM reads it: a resource id, {@code type/name}, a bare name or copy
     * loop, a symbolic name, or any expression that evaluates to one of those (a variable holding an id, the
     * quickstarts' {@code concat('Type/', name)}, {@code concat(resourceGroup().id, '/providers/...')}). Empty when it
     * cannot be told before deployment (a name computed from a copy index, say); an empty list when ARM would refuse it.
     */
    private Optional<List<Integer>> resolveDependsOn(String text) {
        ExprParser.Result parsed = ExprParser.tryParseArmString(text);
        if (!parsed.ok()) {
            return Optional.of(List.of());
        }
        Expr e = parsed.expr().orElseThrow();
        Optional<Integer> bySymbol = symbol(e);
        if (bySymbol.isPresent()) {
            return Optional.of(List.of(bySymbol.get()));
        }
        List<Integer> direct = deployed(byNameKey.getOrDefault(ResourceNames.key(e), List.of()));
        if (!direct.isEmpty()) {
            return Optional.of(direct);
        }
        return resolve(canonical(e), false);
    }

    /**
     * Resolves a folded name or id (see {@link #resolveDependsOn(String)}). {@code existingAnswers}: an id may name a
     * resource declared existing (as reference() may; dependsOn may not).
     */
    private Optional<List<Integer>> resolve(Expr e, boolean existingAnswers) {
        Optional<ResourceId> id = ResourceId.parse(e).or(() -> relativeId(e));
        if (id.isPresent()) {
            if (!id.get().isLocal()) {
                return Optional.of(List.of());
            }
            List<Integer> hits = existingAnswers ? lookupId(id.get()) : deployed(lookupId(id.get()));
            if (!hits.isEmpty()) {
                return Optional.of(hits);
            }
            String type = id.get().type();
            boolean decidable = !computedNames.contains(type.toLowerCase(Locale.ROOT))
                    && (id.get().names().stream().allMatch(DependencyGraph::literal)
                            || nodes.stream().noneMatch(n -> n.type().equalsIgnoreCase(type)));
            return decidable ? Optional.of(List.of()) : Optional.empty();
        }
        List<Integer> out = new ArrayList<>();
        if (e instanceof Expr.Str s) {
            out.addAll(byCopyName.getOrDefault(s.value().toLowerCase(Locale.ROOT), List.of()));
        }
        if (out.isEmpty()) {
            out.addAll(deployed(byNameKey.getOrDefault(ResourceNames.key(e), List.of())));
        }
        if (out.isEmpty()) {
            out.addAll(deployed(byChildName.getOrDefault(ResourceNames.key(e), List.of())));
        }
        if (!out.isEmpty() || (literal(e) && computedNames.isEmpty())) {
            return Optional.of(out);
        }
        return Optional.empty();
    }

    /**
     * {@code Microsoft.Network/virtualNetworks/vnet1}, its {@code concat} forms, and the same after
     * {@code resourceGroup().id} and {@code /providers/}: a type and name written as one string.
     */
    private static Optional<ResourceId> relativeId(Expr e) {
        Expr rest = e;
        if (e instanceof Expr.Call c && c.is("concat") && c.args().size() >= 2 && isGroupId(c.arg(0))
                && c.arg(1) instanceof Expr.Str s && s.value().toLowerCase(Locale.ROOT).startsWith("/providers/")) {
            List<Expr> tail = new ArrayList<>();
            tail.add(Expr.str(s.value().substring("/providers/".length())));
            tail.addAll(c.args().subList(2, c.args().size()));
            rest = tail.size() == 1 ? tail.get(0) : Expr.call("concat", tail);
        }
        if (!(rest instanceof Expr.Str) && !(rest instanceof Expr.Call c2 && c2.is("concat"))) {
            return Optional.empty();
        }
        return ResourceId.parseScope(rest);
    }

    private static boolean isGroupId(Expr e) {
        return e instanceof Expr.Member m && m.name().equalsIgnoreCase("id") && m.target() instanceof Expr.Call g
                && g.is("resourceGroup") && g.args().isEmpty();
    }

    /** True for a name every deployment gives the same value. */
    private static boolean literal(Expr e) {
        return e instanceof Expr.Str || e instanceof Expr.Num;
    }

    /** The expression with the template's variables and literal arithmetic folded in. */
    private Expr canonical(Expr e) {
        if (e instanceof Expr.Str) {
            return e;
        }
        return folded.computeIfAbsent(e, x -> {
            Value v = evaluator.evaluate(x);
            // an object or array is not a name: keep the expression as written
            return v instanceof Value.Known k && k.json().isContainerNode() ? x : v.expr();
        });
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

    private static String idKey(Node n, Expr name) {
        Expr[] names = ResourceNames.segments(name).toArray(Expr[]::new);
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
        return cycles(false);
    }

    /**
     * The cycles ARM itself would refuse: over {@code dependsOn} and the targets of {@code reference()} and
     * {@code list*()} only. A {@code resourceId()} in a property (the portal's inline route ids) waits for nothing.
     */
    public List<List<Node>> armCycles() {
        return cycles(true);
    }

    private List<List<Node>> cycles(boolean armOnly) {
        List<List<Node>> out = new ArrayList<>();
        Set<Set<Integer>> seen = new LinkedHashSet<>();
        int[] state = new int[nodes.size()];
        Deque<Integer> stack = new ArrayDeque<>();
        for (Node n : nodes) {
            if (state[n.index()] == 0) {
                dfs(n.index(), state, stack, out, seen, armOnly);
            }
        }
        return out;
    }

    private void dfs(int v, int[] state, Deque<Integer> stack, List<List<Node>> out, Set<Set<Integer>> seen,
            boolean armOnly) {
        state[v] = 1;
        stack.push(v);
        List<Node> deps = dependencies(nodes.get(v));
        if (armOnly) {
            Set<Integer> ordered = new LinkedHashSet<>(explicit.getOrDefault(v, Set.of()));
            ordered.addAll(referenced.getOrDefault(v, Set.of()));
            deps = toNodes(ordered);
        }
        for (Node dep : deps) {
            int w = dep.index();
            if (state[w] == 0) {
                dfs(w, state, stack, out, seen, armOnly);
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
