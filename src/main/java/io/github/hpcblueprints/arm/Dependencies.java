package io.github.hpcblueprints.arm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes implied dependencies explicit. ARM orders resources only by {@code dependsOn}; a {@code resourceId()} in a
 * property does not make it wait, so a built template lists every in-template resource it refers to.
 */
final class Dependencies {

    private Dependencies() {
    }

    /** {@code t} with the implied dependencies of {@code g}, the graph of {@code t}'s own tree. */
    static Template addImplicit(Template t, DependencyGraph g) {
        int[] cursor = {0};
        List<Resource> updated = new ArrayList<>();
        for (Resource r : t.resources()) {
            updated.add(update(r, g, cursor, t.scope()));
        }
        return t.toBuilder().replaceResources(updated).buildUnchecked();
    }

    /** Walks resources in the graph's (pre-)order, so node i is the i-th resource visited. */
    private static Resource update(Resource r, DependencyGraph g, int[] cursor, Scope scope) {
        DependencyGraph.Node node = g.nodes().get(cursor[0]++);
        Set<Integer> have = new LinkedHashSet<>();
        g.explicitDependencies(node).forEach(n -> have.add(n.index()));
        List<Expr> deps = new ArrayList<>(r.dependsOn());
        for (DependencyGraph.Node target : g.implicitDependencies(node)) {
            if (!have.add(target.index())) {
                continue;
            }
            deps.add(reference(target, scope));
        }
        List<Resource> kids = new ArrayList<>();
        for (Resource c : r.children()) {
            kids.add(update(c, g, cursor, scope));
        }
        return r.toBuilder().dependsOnExactly(deps).childrenExactly(kids).build();
    }

    /** How {@code dependsOn} names a node: its copy loop, or its id. */
    private static Expr reference(DependencyGraph.Node target, Scope scope) {
        if (!target.copyName().isEmpty()) {
            return Expr.str(target.copyName());
        }
        Expr[] names = ResourceNames.segments(target.name()).toArray(Expr[]::new);
        if (target.json().hasNonNull("scope")) {
            Expr s = Json.toExpr(target.json().get("scope")).orElseThrow();
            return ResourceId.extension(s, target.type(), names).expr();
        }
        return (scope == Scope.SUBSCRIPTION ? ResourceId.atSubscription(target.type(), names)
                : ResourceId.of(target.type(), names)).expr();
    }
}
