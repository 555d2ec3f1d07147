package io.github.hpcblueprints.deploy;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.json.JsonTrees;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link AzureFacts} read from Azure's REST API through the resource manager library's pipeline (its sign-in,
 * retries and TLS): the listings of the Resources, Features, Compute, StorageCache, Authorization,
 * MarketplaceOrdering, KeyVault and Consumption providers, each at a published api-version, pages followed through
 * {@code nextLink}. Each listing is read once.
 */
public final class ArmFacts implements AzureFacts {

    private final HttpPipeline pipeline;
    private final String endpoint;
    private final String subscription;
    private final Map<String, List<JsonNode>> cache = new HashMap<>();

    /** {@code endpoint}: the resource manager's, e.g. {@code https://management.azure.com/}. */
    public ArmFacts(HttpPipeline pipeline, String endpoint, String subscriptionId) {
        this.pipeline = pipeline;
        this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        this.subscription = "/subscriptions/" + subscriptionId;
    }

    /** Every item of a list operation ({@code value}), all pages; an empty list where Azure answers 404. */
    private List<JsonNode> list(String path, String apiVersion, String filter) {
        String url = endpoint + path + "?api-version=" + apiVersion + (filter == null ? ""
                : "&$filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20"));
        return cache.computeIfAbsent(url, u -> {
            List<JsonNode> out = new ArrayList<>();
            String next = u;
            while (next != null && !next.isEmpty()) {
                JsonNode page = get(next).orElse(JsonTrees.object());
                page.path("value").forEach(out::add);
                next = page.path("nextLink").asText(null);
            }
            return out;
        });
    }

    private Optional<JsonNode> get(String url) {
        try (HttpResponse r = pipeline.sendSync(new HttpRequest(HttpMethod.GET, url), Context.NONE)) {
            if (r.getStatusCode() == 404) {
                return Optional.empty();
            }
            String body = r.getBodyAsBinaryData().toString();
            if (r.getStatusCode() >= 300) {
                throw new DeploymentFailure("Azure answered " + r.getStatusCode() + " to GET " + url.replace(endpoint,
                        "") + ": " + body, null);
            }
            return Optional.of(JsonTrees.parse(body));
        }
    }

    /** Providers - List (Microsoft.Resources, 2021-04-01): namespace and registrationState. */
    @Override
    public Set<String> registeredProviders() {
        Set<String> out = new HashSet<>();
        for (JsonNode p : list(subscription + "/providers", "2021-04-01", null)) {
            if (p.path("registrationState").asText().equalsIgnoreCase("Registered")) {
                out.add(p.path("namespace").asText());
            }
        }
        return out;
    }

    /** Features - List All (Microsoft.Features, 2021-07-01): name {@code Namespace/Feature}, properties.state. */
    @Override
    public Set<String> registeredFeatures() {
        Set<String> out = new HashSet<>();
        for (JsonNode f : list(subscription + "/providers/Microsoft.Features/features", "2021-07-01", null)) {
            if (f.path("properties").path("state").asText().equalsIgnoreCase("Registered")) {
                out.add(f.path("name").asText());
            }
        }
        return out;
    }

    /**
     * Resource Skus - List (Microsoft.Compute, 2021-07-01, filtered to the region): a virtual machine SKU's family,
     * its vCPUs capability, restrictions of type Location (any reason) and the zones of locationInfo.
     */
    @Override
    public Optional<VmSku> vmSku(String location, String size) {
        for (JsonNode s : list(subscription + "/providers/Microsoft.Compute/skus", "2021-07-01",
                "location eq '" + location + "'")) {
            if (!s.path("resourceType").asText().equalsIgnoreCase("virtualMachines")
                    || !s.path("name").asText().equalsIgnoreCase(size)) {
                continue;
            }
            int vcpus = 0;
            for (JsonNode c : s.path("capabilities")) {
                if (c.path("name").asText().equals("vCPUs")) {
                    vcpus = c.path("value").asInt(0);
                }
            }
            boolean restricted = false;
            for (JsonNode r : s.path("restrictions")) {
                restricted |= r.path("type").asText().equalsIgnoreCase("Location");
            }
            List<String> zones = new ArrayList<>();
            for (JsonNode l : s.path("locationInfo")) {
                l.path("zones").forEach(z -> zones.add(z.asText()));
            }
            return Optional.of(new VmSku(s.path("name").asText(), s.path("family").asText(), vcpus, restricted,
                    zones));
        }
        return Optional.empty();
    }

    /** Usage - List (Microsoft.Compute, 2023-07-01): name.value, currentValue, limit. */
    @Override
    public Map<String, Usage> computeUsage(String location) {
        Map<String, Usage> out = new HashMap<>();
        for (JsonNode u : list(subscription + "/providers/Microsoft.Compute/locations/" + location + "/usages",
                "2023-07-01", null)) {
            out.put(u.path("name").path("value").asText(), new Usage(u.path("currentValue").asLong(),
                    u.path("limit").asLong()));
        }
        return out;
    }

    /** Skus - List (Microsoft.StorageCache, 2024-03-01): the amlFilesystems SKUs offered in the region. */
    @Override
    public Set<String> lustreSkus(String location) {
        Set<String> out = new HashSet<>();
        String region = location.toLowerCase(Locale.ROOT).replace(" ", "");
        for (JsonNode s : list(subscription + "/providers/Microsoft.StorageCache/skus", "2024-03-01", null)) {
            boolean here = false;
            for (JsonNode l : s.path("locations")) {
                here |= l.asText().toLowerCase(Locale.ROOT).replace(" ", "").equals(region);
            }
            if (here && s.path("resourceType").asText().equalsIgnoreCase("amlFilesystems")) {
                out.add(s.path("name").asText());
            }
        }
        return out;
    }

    /** Permissions - List For Resource Group or subscription (Microsoft.Authorization, 2022-04-01). */
    @Override
    public boolean callerMay(String action, String scope) {
        boolean allowed = false;
        for (JsonNode p : list(scope + "/providers/Microsoft.Authorization/permissions", "2022-04-01", null)) {
            boolean granted = false;
            for (JsonNode a : p.path("actions")) {
                granted |= matches(a.asText(), action);
            }
            for (JsonNode a : p.path("notActions")) {
                granted &= !matches(a.asText(), action);
            }
            allowed |= granted;
        }
        return allowed;
    }

    /** An action pattern with {@code *} wildcards, compared case-insensitively as Azure does. */
    static boolean matches(String pattern, String action) {
        StringBuilder re = new StringBuilder();
        for (String part : pattern.toLowerCase(Locale.ROOT).split("\\*", -1)) {
            if (re.length() > 0) {
                re.append(".*");
            }
            re.append(java.util.regex.Pattern.quote(part));
        }
        return action.toLowerCase(Locale.ROOT).matches(re.toString());
    }

    /** Marketplace Agreements - Get (Microsoft.MarketplaceOrdering, 2021-01-01): properties.accepted. */
    @Override
    public boolean termsAccepted(String publisher, String offer, String plan) {
        return get(endpoint + subscription + "/providers/Microsoft.MarketplaceOrdering/offerTypes/virtualmachine/"
                + "publishers/" + publisher + "/offers/" + offer + "/plans/" + plan + "/agreements/current"
                + "?api-version=2021-01-01").map(a -> a.path("properties").path("accepted").asBoolean(false))
                .orElse(false);
    }

    /** Vaults - List Deleted (Microsoft.KeyVault, 2023-07-01). */
    @Override
    public Set<String> deletedVaults() {
        Set<String> out = new HashSet<>();
        list(subscription + "/providers/Microsoft.KeyVault/deletedVaults", "2023-07-01", null)
                .forEach(v -> out.add(v.path("name").asText()));
        return out;
    }

    /** Budgets - Get (Microsoft.Consumption, 2023-05-01): properties.timePeriod.startDate; none on 404. */
    @Override
    public Optional<String> budgetStartDate(String scope, String name) {
        return get(endpoint + scope + "/providers/Microsoft.Consumption/budgets/" + name + "?api-version=2023-05-01")
                .map(b -> b.path("properties").path("timePeriod").path("startDate").asText(""))
                .filter(s -> !s.isEmpty());
    }

    /** Role Definitions - List (Microsoft.Authorization, 2022-04-01) filtered to custom roles. */
    @Override
    public Map<String, String> customRoles() {
        Map<String, String> out = new HashMap<>();
        for (JsonNode r : list(subscription + "/providers/Microsoft.Authorization/roleDefinitions", "2022-04-01",
                "type eq 'CustomRole'")) {
            out.put(r.path("properties").path("roleName").asText(), r.path("id").asText());
        }
        return out;
    }
}
