package io.github.hpcblueprints.arm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource identity in the structured form of ARM's {@code resourceId()} family: the function used (its
 * {@link Kind}), the scope arguments that come before the type (subscription, resource group, or the extension's
 * scope id), the type, and one name per type segment.
 *
 * <p>{@link #expr()} renders it; {@link #parse(Expr)} reads it back from any {@code resourceId}-family call, which is
 * how references and dependencies are found in templates this project did not write.
 */
public record ResourceId(Kind kind, List<Expr> scopeArgs, String type, List<Expr> names) {

    /** Which function builds the id. */
    public enum Kind {
        /** {@code resourceId([subscriptionId], [resourceGroup], type, names...)}. */
        RESOURCE_GROUP("resourceId"),
        /** {@code subscriptionResourceId([subscriptionId], type, names...)}. */
        SUBSCRIPTION("subscriptionResourceId"),
        /** {@code tenantResourceId(type, names...)}. */
        TENANT("tenantResourceId"),
        /** {@code extensionResourceId(scopeId, type, names...)}. */
        EXTENSION("extensionResourceId");

        private final String function;

        Kind(String function) {
            this.function = function;
        }

        public String function() {
            return function;
        }
    }

    public ResourceId {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        scopeArgs = List.copyOf(scopeArgs);
        names = List.copyOf(names);
        if (!type.contains("/")) {
            throw new IllegalArgumentException("'" + type + "' is not a resource type (Namespace/type)");
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a resource id needs at least one name");
        }
        if (kind == Kind.EXTENSION && scopeArgs.size() != 1) {
            throw new IllegalArgumentException("an extension resource id takes exactly one scope id");
        }
    }

    /** A resource in the deployment's resource group (or, at subscription scope, the subscription). */
    public static ResourceId of(String type, Expr... names) {
        return new ResourceId(Kind.RESOURCE_GROUP, List.of(), type, List.of(names));
    }

    /** A resource in another resource group of the same subscription. */
    public static ResourceId inResourceGroup(Expr resourceGroup, String type, Expr... names) {
        return new ResourceId(Kind.RESOURCE_GROUP, List.of(resourceGroup), type, List.of(names));
    }

    /** A resource in a resource group of another subscription. */
    public static ResourceId inSubscriptionResourceGroup(Expr subscriptionId, Expr resourceGroup, String type,
            Expr... names) {
        return new ResourceId(Kind.RESOURCE_GROUP, List.of(subscriptionId, resourceGroup), type, List.of(names));
    }

    /** A subscription-level resource (budget, policy assignment, role definition...). */
    public static ResourceId atSubscription(String type, Expr... names) {
        return new ResourceId(Kind.SUBSCRIPTION, List.of(), type, List.of(names));
    }

    /** An extension resource (role assignment, lock, diagnostic setting) on the resource {@code scopeId}. */
    public static ResourceId extension(Expr scopeId, String type, Expr... names) {
        // a resource's scope property may be the relative form (Ns/type/name); extensionResourceId needs a full id
        Expr full = parseScope(scopeId).map(ResourceId::expr).orElse(scopeId);
        return new ResourceId(Kind.EXTENSION, List.of(full), type, List.of(names));
    }

    /** The expression that evaluates to this id. */
    public Expr expr() {
        List<Expr> args = new ArrayList<>(scopeArgs);
        args.add(Expr.str(type));
        args.addAll(names);
        return Expr.call(kind.function(), args);
    }

    /** The id of a child: {@code type/childType} with one more name. */
    public ResourceId child(String childType, Expr name) {
        List<Expr> childNames = new ArrayList<>(names);
        childNames.add(name);
        return new ResourceId(kind, scopeArgs, type + "/" + childType, childNames);
    }

    /**
     * The value for an extension resource's {@code scope}: the relative form ARM and Bicep use for a resource in
     * the deployment's own resource group ({@code Microsoft.Storage/storageAccounts/name}), the full id otherwise.
     */
    public Expr scopeRef() {
        if (kind != Kind.RESOURCE_GROUP || !scopeArgs.isEmpty()) {
            return expr();
        }
        String[] typeParts = type.split("/");
        List<Expr> segments = new ArrayList<>();
        segments.add(Expr.str(typeParts[0] + "/" + typeParts[1]));
        segments.add(names.get(0));
        for (int i = 2; i < typeParts.length && i - 1 < names.size(); i++) {
            segments.add(Expr.str(typeParts[i]));
            segments.add(names.get(i - 1));
        }
        return ResourceNames.join(segments);
    }

    /**
     * Reads an extension resource's {@code scope}: a {@code resourceId}-family call or the relative form
     * {@code Namespace/type/name[/childType/childName...]}.
     */
    public static Optional<ResourceId> parseScope(Expr scope) {
        Optional<ResourceId> asCall = parse(scope);
        if (asCall.isPresent()) {
            return asCall;
        }
        List<Expr> segs = ResourceNames.segments(scope);
        if (segs.size() < 3 || segs.size() % 2 == 0 || !(segs.get(0) instanceof Expr.Str ns)
                || !ns.value().contains(".")) {
            return Optional.empty();
        }
        StringBuilder type = new StringBuilder(ns.value());
        List<Expr> names = new ArrayList<>();
        for (int i = 1; i < segs.size(); i += 2) {
            if (!(segs.get(i) instanceof Expr.Str t)) {
                return Optional.empty();
            }
            type.append('/').append(t.value());
            names.add(segs.get(i + 1));
        }
        return Optional.of(new ResourceId(Kind.RESOURCE_GROUP, List.of(), type.toString(), names));
    }

    /** True when the id points into the deployment's own scope (no other subscription or resource group). */
    public boolean isLocal() {
        return kind == Kind.EXTENSION || scopeArgs.stream().allMatch(ResourceId::ownScope);
    }

    /** {@code resourceGroup().name} and {@code subscription().subscriptionId} name the deployment's own scope. */
    private static boolean ownScope(Expr arg) {
        return arg instanceof Expr.Member m && m.target() instanceof Expr.Call c && c.args().isEmpty()
                && ((c.is("resourceGroup") && m.name().equalsIgnoreCase("name"))
                        || (c.is("subscription") && m.name().equalsIgnoreCase("subscriptionId")));
    }

    /**
     * A comparison key: lower-cased type and names (ARM compares both case-insensitively), plus the extension scope.
     * Two ids with equal keys point at the same resource whatever spelling built them.
     */
    public String key() {
        StringBuilder sb = new StringBuilder();
        if (kind == Kind.EXTENSION) {
            Expr target = scopeArgs.get(0);
            sb.append(parseScope(target).map(ResourceId::key).orElse(keyOf(target))).append("::");
        }
        sb.append(type.toLowerCase(Locale.ROOT));
        for (Expr n : names) {
            sb.append('|').append(keyOf(n));
        }
        return sb.toString();
    }

    /** Reads a {@code resourceId}-family call; empty for anything else or where the type is not a literal. */
    public static Optional<ResourceId> parse(Expr e) {
        if (!(e instanceof Expr.Call c)) {
            return Optional.empty();
        }
        Kind kind = null;
        for (Kind k : Kind.values()) {
            if (c.is(k.function())) {
                kind = k;
            }
        }
        if (kind == null || c.args().isEmpty()) {
            return Optional.empty();
        }
        int first = kind == Kind.EXTENSION ? 1 : 0;
        int typeIndex = -1;
        for (int i = first; i < c.args().size(); i++) {
            if (c.arg(i) instanceof Expr.Str s && s.value().contains("/")) {
                typeIndex = i;
                break;
            }
        }
        if (typeIndex < 0 || typeIndex == c.args().size() - 1) {
            return Optional.empty();
        }
        if (kind == Kind.EXTENSION && typeIndex != 1) {
            return Optional.empty();
        }
        List<Expr> scope = c.args().subList(0, typeIndex);
        List<Expr> names = c.args().subList(typeIndex + 1, c.args().size());
        List<Expr> split = new ArrayList<>();
        for (Expr n : names) {
            split.addAll(ResourceNames.segments(n));
        }
        // ARM accepts a type written with a trailing slash ('Microsoft.Network/virtualNetworks/'): the same type
        String type = ((Expr.Str) c.arg(typeIndex)).value().replaceAll("/+$", "");
        return Optional.of(new ResourceId(kind, scope, type, split));
    }

    static String keyOf(Expr e) {
        // string() of a name is the name: concat(string(parameters('server')), '/', ...) keys like the bare parameter
        if (e instanceof Expr.Call c && c.is("string") && c.args().size() == 1) {
            return keyOf(c.arg(0));
        }
        return (e instanceof Expr.Str s ? s.value() : e.render()).toLowerCase(Locale.ROOT);
    }
}
