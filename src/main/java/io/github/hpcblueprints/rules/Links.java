package io.github.hpcblueprints.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.ExprParser;
import io.github.hpcblueprints.arm.ResourceId;
import io.github.hpcblueprints.arm.ResourceNames;
import java.util.List;
import java.util.Optional;

/**
 * How resources point at each other in a template: by {@code resourceId(...)}, by a {@code scope}, by a child's
 * name ({@code account/default/container}). Names are compared by their expression, so {@code variables('x')} in
 * one place matches {@code variables('x')} in another.
 */
final class Links {

    private Links() {
    }

    /** The name segments of a resource, as comparable keys (with its parent's for a nested child). */
    static List<String> nameKeys(ResourceView r) {
        return r.nameKeys();
    }

    /** The segments of a name as written, as comparable keys. */
    static List<String> parseNameKeys(JsonNode name) {
        return expr(name).map(e -> ResourceNames.segments(e).stream().map(ResourceNames::key).toList())
                .orElse(List.of());
    }

    /** The expression (or literal) an ARM string holds; empty when it is not a string or does not parse. */
    static Optional<Expr> expr(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return Optional.empty();
        }
        ExprParser.Result parsed = ExprParser.tryParseArmString(node.textValue());
        return parsed.ok() ? parsed.expr() : Optional.empty();
    }

    /** The resource id an ARM string holds ({@code [resourceId(...)]}, a scope's {@code Ns/type/name}). */
    static Optional<ResourceId> id(JsonNode node) {
        return expr(node).flatMap(e -> {
            Optional<ResourceId> direct = ResourceId.parse(e);
            return direct.isPresent() ? direct : ResourceId.parseScope(e);
        });
    }

    /** True when {@code id} names {@code target} (same type, same name segments). */
    static boolean refersTo(ResourceId id, ResourceView target) {
        if (!id.type().equalsIgnoreCase(target.type())) {
            return false;
        }
        List<String> keys = id.names().stream().map(ResourceNames::key).toList();
        return keys.equals(nameKeys(target));
    }

    /** True when {@code id} names {@code target} or something inside it (a container of an account). */
    static boolean within(ResourceId id, ResourceView target) {
        if (!id.type().toLowerCase(java.util.Locale.ROOT).startsWith(target.type().toLowerCase(java.util.Locale.ROOT))) {
            return false;
        }
        List<String> keys = id.names().stream().map(ResourceNames::key).toList();
        List<String> mine = nameKeys(target);
        return !mine.isEmpty() && keys.size() >= mine.size() && keys.subList(0, mine.size()).equals(mine);
    }

    /** True when {@code child}'s name starts with all of {@code parent}'s name segments. */
    static boolean isChildOf(ResourceView child, ResourceView parent) {
        if (!child.type().toLowerCase(java.util.Locale.ROOT).startsWith(parent.type().toLowerCase(
                java.util.Locale.ROOT) + "/")) {
            return false;
        }
        List<String> c = nameKeys(child);
        List<String> p = nameKeys(parent);
        return !p.isEmpty() && c.size() > p.size() && c.subList(0, p.size()).equals(p);
    }

    /** The resource an extension resource ({@code scope}) or a reference applies to, if it is in {@code among}. */
    static boolean scopeIs(ResourceView extension, ResourceView target, boolean orInside) {
        return id(extension.json().get("scope")).map(id -> orInside ? within(id, target) : refersTo(id, target))
                .orElse(false);
    }
}
