package io.github.hpcblueprints.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.build.Build;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.Partition;
import io.github.hpcblueprints.hpc.SlurmCluster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Whether a subscription is ready for an environment, before anything is deployed: the classic reasons a cluster
 * deployment fails half-way (an unregistered provider, no quota for the node arrays at their largest, a size or
 * Lustre SKU the region does not offer, no right to create role assignments, the encryption-at-host feature, unsigned
 * marketplace terms, a deleted vault holding the name, a budget whose start date would change, a custom role name
 * already taken). The templates are planned with the real subscription and group, so the names checked are the names
 * the deployment would use; CycleCloud's nodes, which no template creates, count at their arrays' maximum sizes.
 */
public final class Preflight {

    private static final String ROLE_ASSIGNMENT_WRITE = "Microsoft.Authorization/roleAssignments/write";
    private static final String ROLE_DEFINITION_WRITE = "Microsoft.Authorization/roleDefinitions/write";
    private static final String ENCRYPTION_AT_HOST = "Microsoft.Compute/EncryptionAtHost";

    private Preflight() {
    }

    /** Every check, failed ones first. */
    public static List<PreflightResult> check(Build build, PlanContext context, AzureFacts facts,
            List<TemplateDeployment> templates) {
        Map<String, PlannedResource> planned = new LinkedHashMap<>();
        for (TemplateDeployment t : templates) {
            for (PlannedResource r : new TemplatePlanner(t.file(), t.template(), context, planned)
                    .plan(t.parameters())) {
                planned.put(r.id(), r);
            }
        }
        List<PlannedResource> resources = List.copyOf(planned.values());
        List<PreflightResult> out = new ArrayList<>();
        providers(resources, build.environment(), facts, out);
        List<Demand> demands = demands(resources, build.environment());
        sizes(demands, context.location(), facts, out);
        quota(demands, context.location(), facts, out);
        lustre(resources, context.location(), facts, out);
        rights(resources, context, facts, out);
        features(resources, facts, out);
        terms(resources, facts, out);
        vaults(resources, facts, out);
        budgets(resources, context, facts, out);
        roles(resources, facts, out);
        List<PreflightResult> sorted = new ArrayList<>(out.stream().filter(r -> !r.ok()).toList());
        sorted.addAll(out.stream().filter(PreflightResult::ok).toList());
        return sorted;
    }

    /** VMs a deployment and then CycleCloud create: a size, how many at most, whether Spot. */
    record Demand(String what, String size, int count, boolean spot) {
    }

    static List<Demand> demands(List<PlannedResource> resources, ClusterEnvironment env) {
        List<Demand> out = new ArrayList<>();
        for (PlannedResource r : resources) {
            if (r.type().equalsIgnoreCase("Microsoft.Compute/virtualMachines")) {
                out.add(new Demand("VM " + r.id().substring(r.id().lastIndexOf('/') + 1), r.body().path("properties")
                        .path("hardwareProfile").path("vmSize").asText(""), 1, r.body().path("properties")
                        .path("priority").asText("").equalsIgnoreCase("Spot")));
            }
        }
        env.cluster().ifPresent(c -> {
            SlurmCluster.NodeSpec s = c.scheduler();
            out.add(new Demand("the scheduler", s.vmSize(), 1, false));
            out.add(new Demand("the login nodes", c.login().vmSize(), c.loginMax(), false));
            for (Partition p : c.partitions()) {
                out.add(new Demand("partition " + p.name(), p.vmSize(), p.maxNodes(), p.spot()));
            }
        });
        return out;
    }

    private static void providers(List<PlannedResource> resources, ClusterEnvironment env, AzureFacts facts,
            List<PreflightResult> out) {
        TreeSet<String> needed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        resources.forEach(r -> needed.add(r.type().substring(0, r.type().indexOf('/'))));
        if (env.cluster().isPresent()) {
            needed.add("Microsoft.Compute"); // CycleCloud creates the nodes
        }
        TreeSet<String> registered = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        registered.addAll(facts.registeredProviders());
        for (String ns : needed) {
            out.add(registered.contains(ns) ? PreflightResult.pass("providers", ns + " is registered")
                    : PreflightResult.fail("providers", "the resource provider " + ns + " is not registered in the "
                            + "subscription, so its resources cannot be created", "az provider register --namespace "
                            + ns + " --wait (needs */register/action on the subscription, e.g. Contributor)"));
        }
    }

    private static void sizes(List<Demand> demands, String location, AzureFacts facts, List<PreflightResult> out) {
        for (String size : new TreeSet<>(demands.stream().map(Demand::size).filter(s -> !s.isEmpty()).toList())) {
            Optional<AzureFacts.VmSku> sku = facts.vmSku(location, size);
            if (sku.isEmpty()) {
                out.add(PreflightResult.fail("vm-sizes", size + " is not offered in " + location, "choose a size "
                        + "the region offers (az vm list-skus --location " + location + " --resource-type "
                        + "virtualMachines), or another region"));
            } else if (sku.get().restricted()) {
                out.add(PreflightResult.fail("vm-sizes", size + " is restricted for this subscription in " + location,
                        "request access to the size in the region (an Azure support request of type 'Service and "
                        + "subscription limits (quotas)'), or choose another size"));
            } else {
                out.add(PreflightResult.pass("vm-sizes", size + " is offered in " + location));
            }
        }
    }

    /**
     * vCPUs per quota at the largest the environment can be: regular VMs count against their family and the
     * region's total, Spot VMs against the region's low-priority quota.
     */
    private static void quota(List<Demand> demands, String location, AzureFacts facts, List<PreflightResult> out) {
        Map<String, Long> need = new TreeMap<>();
        Map<String, List<String>> who = new TreeMap<>();
        for (Demand d : demands) {
            Optional<AzureFacts.VmSku> sku = facts.vmSku(location, d.size());
            if (sku.isEmpty()) {
                continue; // reported by the size check
            }
            long vcpus = (long) sku.get().vCpus() * d.count();
            List<String> quotas = d.spot() ? List.of("lowPriorityCores") : List.of(sku.get().family(), "cores");
            for (String q : quotas) {
                need.merge(q, vcpus, Long::sum);
                who.computeIfAbsent(q, k -> new ArrayList<>()).add(d.what() + " (" + d.count() + " x " + d.size()
                        + ")");
            }
        }
        Map<String, AzureFacts.Usage> usage = facts.computeUsage(location);
        need.forEach((q, n) -> {
            AzureFacts.Usage u = usage.get(q);
            long free = u == null ? 0 : u.limit() - u.current();
            String message = q + " in " + location + ": " + n + " vCPUs needed at the largest (" + String.join(", ",
                    who.get(q)) + "), " + free + " free" + (u == null ? " (no quota of that name)" : " of "
                    + u.limit());
            out.add(n <= free ? PreflightResult.pass("quota", message) : PreflightResult.fail("quota", message,
                    "request an increase of " + q + " in " + location + " to at least " + (u == null ? n
                            : u.current() + n) + " (portal: Quotas > Compute), or lower the node arrays' maxNodes"));
        });
    }

    private static void lustre(List<PlannedResource> resources, String location, AzureFacts facts,
            List<PreflightResult> out) {
        for (PlannedResource r : resources) {
            if (r.type().equalsIgnoreCase("Microsoft.StorageCache/amlFilesystems")) {
                String sku = r.body().path("sku").path("name").asText("");
                out.add(facts.lustreSkus(location).contains(sku)
                        ? PreflightResult.pass("lustre-sku", sku + " is offered in " + location)
                        : PreflightResult.fail("lustre-sku", "Azure Managed Lustre " + sku + " is not offered in "
                                + location, "choose a SKU the region offers (az rest --method get --url "
                                + "'/subscriptions/{id}/providers/Microsoft.StorageCache/skus?api-version=2024-03-01')"
                                + " or another region"));
            }
        }
    }

    private static void rights(List<PlannedResource> resources, PlanContext context, AzureFacts facts,
            List<PreflightResult> out) {
        for (String[] need : new String[][] {{"Microsoft.Authorization/roleAssignments", ROLE_ASSIGNMENT_WRITE},
            {"Microsoft.Authorization/roleDefinitions", ROLE_DEFINITION_WRITE}}) {
            for (boolean subscription : new boolean[] {false, true}) {
                String scope = subscription ? context.subscriptionPath() : context.resourceGroupPath();
                boolean wanted = resources.stream().anyMatch(r -> r.type().equalsIgnoreCase(need[0])
                        && r.id().toLowerCase(Locale.ROOT).startsWith(scope.toLowerCase(Locale.ROOT) + "/")
                        && (subscription != r.id().toLowerCase(Locale.ROOT).startsWith(
                                context.resourceGroupPath().toLowerCase(Locale.ROOT) + "/")));
                if (!wanted) {
                    continue;
                }
                out.add(facts.callerMay(need[1], scope) ? PreflightResult.pass("rights", "you may " + need[1]
                        + " at " + scope) : PreflightResult.fail("rights", "the template creates "
                        + need[0].substring(need[0].lastIndexOf('/') + 1) + " at " + scope + " and you may not ("
                        + need[1] + ")", "deploy as someone who holds Owner, User Access Administrator or Role Based "
                        + "Access Control Administrator at " + scope + ", or ask them for one of those roles"));
            }
        }
    }

    private static void features(List<PlannedResource> resources, AzureFacts facts, List<PreflightResult> out) {
        if (resources.stream().anyMatch(PlannedResource::encryptsAtHost)) {
            out.add(facts.registeredFeatures().stream().anyMatch(f -> f.equalsIgnoreCase(ENCRYPTION_AT_HOST))
                    ? PreflightResult.pass("features", ENCRYPTION_AT_HOST + " is registered")
                    : PreflightResult.fail("features", "VMs use encryption at host and the subscription has not "
                            + "registered " + ENCRYPTION_AT_HOST, "az feature register --namespace Microsoft.Compute "
                            + "--name EncryptionAtHost, wait until 'Registered', then az provider register "
                            + "--namespace Microsoft.Compute"));
        }
    }

    private static void terms(List<PlannedResource> resources, AzureFacts facts, List<PreflightResult> out) {
        for (PlannedResource r : resources) {
            JsonNode plan = r.body().path("plan");
            if (!plan.isObject()) {
                continue;
            }
            String publisher = plan.path("publisher").asText("");
            String offer = plan.path("product").asText("");
            String name = plan.path("name").asText("");
            out.add(facts.termsAccepted(publisher, offer, name)
                    ? PreflightResult.pass("marketplace-terms", "terms of " + publisher + ":" + offer + ":" + name
                            + " are accepted")
                    : PreflightResult.fail("marketplace-terms", "the image plan " + publisher + ":" + offer + ":" + name
                            + " needs its terms accepted in the subscription", "az vm image terms accept --publisher "
                            + publisher + " --offer " + offer + " --plan " + name));
        }
    }

    private static void vaults(List<PlannedResource> resources, AzureFacts facts, List<PreflightResult> out) {
        TreeSet<String> deleted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        deleted.addAll(facts.deletedVaults());
        for (PlannedResource r : resources) {
            if (r.type().equalsIgnoreCase("Microsoft.KeyVault/vaults")) {
                String name = r.id().substring(r.id().lastIndexOf('/') + 1);
                out.add(!deleted.contains(name) ? PreflightResult.pass("key-vault-name", name + " is free")
                        : PreflightResult.fail("key-vault-name", "a deleted Key Vault still holds the name " + name,
                                "recover it with --param keyVaultCreateMode=recover (it keeps its secrets), or purge "
                                + "it (az keyvault purge --name " + name + ") if purge protection allows"));
            }
        }
    }

    private static void budgets(List<PlannedResource> resources, PlanContext context, AzureFacts facts,
            List<PreflightResult> out) {
        for (PlannedResource r : resources) {
            if (!r.type().equalsIgnoreCase("Microsoft.Consumption/budgets")) {
                continue;
            }
            String name = r.id().substring(r.id().lastIndexOf('/') + 1);
            String scope = r.id().substring(0, r.id().toLowerCase(Locale.ROOT).lastIndexOf("/providers/"));
            String planned = r.body().path("properties").path("timePeriod").path("startDate").asText("");
            Optional<String> existing = facts.budgetStartDate(scope, name);
            if (planned.startsWith(TemplatePlanner.KNOWN_AT_DEPLOYMENT)) {
                // the template decides the date when it deploys (our templates read back the recorded one)
                out.add(PreflightResult.pass("budget-start", "budget " + name + ": start date set at deployment"));
            } else if (existing.isPresent() && !existing.get().equals(planned)) {
                out.add(PreflightResult.fail("budget-start", "the budget " + name + " exists with start date "
                        + existing.get() + " and the deployment would set " + planned + ": Azure refuses to change "
                        + "a budget's start date", "deploy with --param budgetStartDate=" + existing.get()));
            } else {
                out.add(PreflightResult.pass("budget-start", "budget " + name + (existing.isPresent()
                        ? " keeps its start date" : " is new")));
            }
        }
    }

    private static void roles(List<PlannedResource> resources, AzureFacts facts, List<PreflightResult> out) {
        Map<String, String> existing = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        existing.putAll(facts.customRoles());
        for (PlannedResource r : resources) {
            if (!r.type().equalsIgnoreCase("Microsoft.Authorization/roleDefinitions")) {
                continue;
            }
            String roleName = r.body().path("properties").path("roleName").asText("");
            String guid = r.id().substring(r.id().lastIndexOf('/') + 1);
            String other = existing.get(roleName);
            boolean taken = other != null && !other.toLowerCase(Locale.ROOT).endsWith(guid.toLowerCase(Locale.ROOT));
            out.add(taken ? PreflightResult.fail("custom-role-name", "the custom role name '" + roleName + "' is "
                    + "already taken in the tenant by " + other + " (role names are unique per tenant)", "delete or "
                    + "rename that role, or deploy this environment under another name")
                    : PreflightResult.pass("custom-role-name", "'" + roleName + "' is free or already this role"));
        }
    }
}
