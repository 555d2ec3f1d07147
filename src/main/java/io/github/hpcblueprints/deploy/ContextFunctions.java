package io.github.hpcblueprints.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.ArmFunction;
import io.github.hpcblueprints.arm.Value;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The ARM functions whose values come from the deployment rather than the template: {@code subscription()},
 * {@code resourceGroup()}, {@code tenant()}, {@code deployment()}, {@code environment()}, the {@code resourceId}
 * family (full ids, as ARM returns them), {@code copyIndex()} and {@code reference()} of resources planned earlier.
 * Functions only a real deployment can answer ({@code list*()}, {@code utcNow()}, {@code newGuid()}) are left as
 * written, so the plan shows them as known at deployment.
 */
final class ContextFunctions {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final PlanContext context;
    private final boolean subscriptionScope;
    /** Copy loops being expanded, innermost first: loop name (lower case, "" for the resource's own) to index. */
    private final Deque<Map.Entry<String, Integer>> loops = new ArrayDeque<>();
    /** reference(id or name, full?) of a resource planned earlier: its declared JSON, or empty. */
    private final BiFunction<String, Boolean, Optional<JsonNode>> reference;

    ContextFunctions(PlanContext context, boolean subscriptionScope,
            BiFunction<String, Boolean, Optional<JsonNode>> reference) {
        this.context = context;
        this.subscriptionScope = subscriptionScope;
        this.reference = reference;
    }

    /** Runs {@code body} with {@code copyIndex(loop)} (and {@code copyIndex()} for a resource loop) at {@code i}. */
    <T> T inLoop(String loop, int i, java.util.function.Supplier<T> body) {
        loops.push(Map.entry(loop.toLowerCase(Locale.ROOT), i));
        try {
            return body.get();
        } finally {
            loops.pop();
        }
    }

    Map<String, ArmFunction> functions() {
        Map<String, ArmFunction> m = new HashMap<>();
        m.put("subscription", args -> args.isEmpty() ? known(subscription()) : Optional.empty());
        m.put("resourcegroup", args -> args.isEmpty() && !subscriptionScope ? known(resourceGroup())
                : Optional.empty());
        m.put("tenant", args -> args.isEmpty() ? known(object("tenantId", context.tenantId(), "countryCode", "GB",
                "displayName", "local plan")) : Optional.empty());
        m.put("deployment", args -> args.isEmpty() ? known(object("name", context.deploymentName(), "properties",
                object("templateHash", "", "mode", "Incremental"))) : Optional.empty());
        m.put("environment", args -> args.isEmpty() ? known(environment()) : Optional.empty());
        m.put("resourceid", args -> texts(args).flatMap(a -> ids(a, subscriptionScope ? context.subscriptionPath()
                : context.resourceGroupPath(), true)));
        m.put("subscriptionresourceid", args -> texts(args).flatMap(a -> ids(a, context.subscriptionPath(), false)));
        m.put("tenantresourceid", args -> texts(args).flatMap(a -> ids(a, "", false)));
        m.put("extensionresourceid", args -> texts(args).flatMap(a -> a.size() < 3 ? Optional.empty()
                : Optional.of(Value.of(a.get(0) + providers(a.subList(1, a.size())).orElse("")))));
        m.put("copyindex", this::copyIndex);
        m.put("reference", args -> {
            if (args.isEmpty() || args.get(0).text().isEmpty()) {
                return Optional.empty();
            }
            boolean full = args.size() > 2 && args.get(2).text().map(t -> t.equalsIgnoreCase("Full")).orElse(false);
            return reference.apply(args.get(0).text().get(), full).map(Value::of);
        });
        return m;
    }

    private Optional<Value> copyIndex(List<Value> args) {
        String loop = "";
        long offset = 0;
        for (Value a : args) {
            if (a instanceof Value.Known k && k.json().isTextual()) {
                loop = k.json().textValue().toLowerCase(Locale.ROOT);
            } else if (a instanceof Value.Known k && k.json().isIntegralNumber()) {
                offset = k.json().longValue();
            } else {
                return Optional.empty();
            }
        }
        for (Map.Entry<String, Integer> l : loops) {
            boolean match = loop.isEmpty() ? l.getKey().startsWith("\u0000")
                    : l.getKey().equals(loop) || l.getKey().equals("\u0000" + loop);
            if (match) {
                return Optional.of(Value.of(JSON.numberNode(l.getValue() + offset)));
            }
        }
        return Optional.empty();
    }

    /** The name a resource's own copy loop is pushed under, so {@code copyIndex()} without a name finds it. */
    static String resourceLoop(String name) {
        return "\u0000" + name;
    }

    /**
     * A {@code resourceId}-family call's arguments: optional scope (subscription id, group name) before the type, the
     * names after. {@code groupScoped}: up to two scope arguments (subscription, group), else one (subscription).
     */
    private Optional<Value> ids(List<String> a, String defaultScope, boolean groupScoped) {
        int type = -1;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).contains("/")) {
                type = i;
                break;
            }
        }
        if (type < 0) {
            return Optional.empty();
        }
        String scope = defaultScope;
        if (groupScoped && type == 2) {
            scope = "/subscriptions/" + a.get(0) + "/resourceGroups/" + a.get(1);
        } else if (groupScoped && type == 1) {
            scope = context.subscriptionPath() + "/resourceGroups/" + a.get(0);
        } else if (!groupScoped && type == 1 && !defaultScope.isEmpty()) {
            scope = "/subscriptions/" + a.get(0);
        } else if (type != 0) {
            return Optional.empty();
        }
        String prefix = scope;
        return providers(a.subList(type, a.size())).map(p -> Value.of(prefix + p));
    }

    /** {@code /providers/Ns/type/name/child/name} from a type and its names. */
    static Optional<String> providers(List<String> typeAndNames) {
        return providers(typeAndNames.get(0), typeAndNames.subList(1, typeAndNames.size()).stream()
                .flatMap(n -> java.util.Arrays.stream(n.split("/"))).toList());
    }

    /** The same from a type and the name's segments, as they are (a segment may hold an unevaluated expression). */
    static Optional<String> providers(String type, List<String> names) {
        String[] types = type.replaceAll("/+$", "").split("/");
        if (types.length < 2 || names.size() != types.length - 1) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder("/providers/").append(types[0]);
        for (int i = 1; i < types.length; i++) {
            sb.append('/').append(types[i]).append('/').append(names.get(i - 1));
        }
        return Optional.of(sb.toString());
    }

    private static Optional<List<String>> texts(List<Value> args) {
        if (args.stream().allMatch(v -> v.text().isPresent())) {
            return Optional.of(args.stream().map(v -> v.text().get()).toList());
        }
        return Optional.empty();
    }

    private ObjectNode subscription() {
        return object("id", context.subscriptionPath(), "subscriptionId", context.subscriptionId(), "tenantId",
                context.tenantId(), "displayName", "local plan");
    }

    private ObjectNode resourceGroup() {
        return object("id", context.resourceGroupPath(), "name", context.resourceGroup(), "type",
                "Microsoft.Resources/resourceGroups", "location", context.location(), "properties",
                object("provisioningState", "Succeeded"));
    }

    /** Azure's public cloud, as environment() gives it there. */
    private static ObjectNode environment() {
        return object("name", "AzureCloud", "gallery", "https://gallery.azure.com/", "graph",
                "https://graph.windows.net/", "portal", "https://portal.azure.com", "resourceManager",
                "https://management.azure.com/", "authentication", object("loginEndpoint",
                        "https://login.microsoftonline.com/", "audiences", JSON.arrayNode()
                                .add("https://management.core.windows.net/").add("https://management.azure.com/")),
                "suffixes", object("storage", "core.windows.net", "keyvaultDns", ".vault.azure.net", "sqlServerHostname",
                        ".database.windows.net", "acrLoginServer", ".azurecr.io"));
    }

    private static ObjectNode object(Object... kv) {
        ObjectNode o = JSON.objectNode();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            o.set((String) kv[i], v instanceof JsonNode j ? j : JSON.textNode(String.valueOf(v)));
        }
        return o;
    }

    private static Optional<Value> known(JsonNode json) {
        return Optional.of(Value.of(json));
    }
}
