package io.github.hpcblueprints.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.build.Build;
import io.github.hpcblueprints.generate.Pipeline;
import io.github.hpcblueprints.testing.Golden;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Preflight over what Azure would say, given as values: each classic half-way failure is found, with its fix. */
class PreflightTest {

    /** A subscription as the listings describe it; tests change one answer at a time. */
    static final class Facts implements AzureFacts {
        final Set<String> providers = new HashSet<>(Set.of("Microsoft.Network", "Microsoft.Compute",
                "Microsoft.Storage", "Microsoft.KeyVault", "Microsoft.ManagedIdentity", "Microsoft.Authorization",
                "Microsoft.Resources", "Microsoft.Consumption", "Microsoft.StorageCache", "Microsoft.Insights",
                "Microsoft.DBforMySQL",
                "Microsoft.OperationalInsights", "Microsoft.DevTestLab", "Microsoft.NetApp"));
        final Set<String> features = new HashSet<>(Set.of("Microsoft.Compute/EncryptionAtHost"));
        final Map<String, VmSku> skus = new HashMap<>();
        final Map<String, Usage> usage = new HashMap<>();
        final Set<String> lustre = new HashSet<>(Set.of("AMLFS-Durable-Premium-125", "AMLFS-Durable-Premium-250"));
        boolean mayAssignRoles = true;
        final Set<String> deletedVaults = new HashSet<>();
        final Map<String, String> budgets = new HashMap<>();
        final Map<String, String> roles = new HashMap<>();

        Facts() {
            for (String s : List.of("Standard_D2as_v5", "Standard_D4as_v5", "Standard_D8as_v5", "Standard_E8as_v5")) {
                int v = Integer.parseInt(s.replaceAll("\\D*(\\d+).*", "$1"));
                skus.put(s, new VmSku(s, s.startsWith("Standard_E") ? "standardEASv5Family" : "standardDASv5Family",
                        v, false, List.of("1", "2", "3")));
            }
            skus.put("Standard_F2s_v2", new VmSku("Standard_F2s_v2", "standardFSv2Family", 2, false, List.of()));
            skus.put("Standard_HB120rs_v3", new VmSku("Standard_HB120rs_v3", "standardHBrsv3Family", 120, false,
                    List.of()));
            usage.put("cores", new Usage(0, 10_000));
            usage.put("lowPriorityCores", new Usage(0, 1000));
            usage.put("standardDASv5Family", new Usage(0, 100));
            usage.put("standardEASv5Family", new Usage(0, 100));
            usage.put("standardFSv2Family", new Usage(0, 100));
            usage.put("standardHBrsv3Family", new Usage(0, 1000));
        }

        public Set<String> registeredProviders() {
            return providers;
        }

        public Set<String> registeredFeatures() {
            return features;
        }

        /** Sizes not listed above: offered, vCPUs from the name's number, a family per letter (as D, E, F...). */
        boolean offersOthers = true;

        public Optional<VmSku> vmSku(String location, String size) {
            if (skus.containsKey(size) || !offersOthers) {
                return Optional.ofNullable(skus.get(size));
            }
            String family = "standard" + size.charAt("Standard_".length()) + "Family";
            usage.putIfAbsent(family, new Usage(0, 10_000));
            return Optional.of(new VmSku(size, family, Integer.parseInt(size.replaceAll("^\\D*(\\d+).*", "$1")),
                    false, List.of()));
        }

        public Map<String, Usage> computeUsage(String location) {
            return usage;
        }

        public Set<String> lustreSkus(String location) {
            return lustre;
        }

        public boolean callerMay(String action, String scope) {
            return mayAssignRoles || !action.startsWith("Microsoft.Authorization/");
        }

        public boolean termsAccepted(String publisher, String offer, String plan) {
            return true;
        }

        public Set<String> deletedVaults() {
            return deletedVaults;
        }

        public Optional<String> budgetStartDate(String scope, String name) {
            return Optional.ofNullable(budgets.get(name));
        }

        public Map<String, String> customRoles() {
            return roles;
        }
    }

    static List<PreflightResult> run(String blueprint, Facts facts) {
        return run(blueprint, facts, Map.of());
    }

    /** With parameter values given as --param gives them. */
    static List<PreflightResult> run(String blueprint, Facts facts, Map<String, String> given) {
        Build build = new Pipeline().build(Golden.projectDir().resolve("blueprints/" + blueprint), Optional.empty());
        List<TemplateDeployment> deployments = PlanService.deployments(build, Optional.empty()).stream().map(t -> {
            Map<String, com.fasterxml.jackson.databind.JsonNode> values = new HashMap<>(t.parameters());
            given.forEach((k, v) -> {
                if (t.template().path("parameters").has(k)) {
                    values.put(k, io.github.hpcblueprints.json.JsonTrees.NODES.textNode(v));
                }
            });
            return new TemplateDeployment(t.file(), t.template(), values);
        }).toList();
        PlanContext context = new PlanContext("11111111-2222-3333-4444-555555555555", "rg-hpc", "uksouth",
                PlanContext.ZERO_ID, "hpc");
        return Preflight.check(build, context, facts, deployments);
    }

    static List<String> failures(List<PreflightResult> results) {
        return results.stream().filter(r -> !r.ok()).map(r -> r.check() + ": " + r.message() + " | fix: " + r.fix())
                .toList();
    }

    @Test
    void aReadySubscriptionPassesEveryCheck() {
        for (String b : List.of("minimal-slurm-nfs.yaml", "secure-slurm-lustre.yaml", "research-instances.yaml")) {
            List<PreflightResult> results = run(b, new Facts());
            assertThat(failures(results)).as(b).isEmpty();
            assertThat(results).extracting(PreflightResult::check).contains("providers", "vm-sizes", "quota", "rights");
        }
    }

    /**
     * The default blueprint at its largest, by hand: the CycleCloud server, the scheduler and one login node are
     * Standard_D2as_v5 (2 vCPUs each): 6 vCPUs of standardDASv5Family and of the region's cores; partition htc is 8
     * Spot Standard_F2s_v2 (2 vCPUs): 16 low-priority vCPUs.
     */
    @Test
    void quotaCountsTheNodeArraysAtTheirLargest() {
        Facts f = new Facts();
        f.usage.put("standardDASv5Family", new AzureFacts.Usage(10, 15));
        f.usage.put("lowPriorityCores", new AzureFacts.Usage(0, 15));
        assertThat(failures(run("minimal-slurm-nfs.yaml", f))).containsExactly(
                "quota: lowPriorityCores in uksouth: 16 vCPUs needed at the largest (partition htc (8 x Standard_F2s_v2))"
                        + ", 15 free of 15 | fix: request an increase of lowPriorityCores in uksouth to at least 16 "
                        + "(portal: Quotas > Compute), or lower the node arrays' maxNodes",
                "quota: standardDASv5Family in uksouth: 6 vCPUs needed at the largest (VM vm-teaching-cc (1 x "
                        + "Standard_D2as_v5), the scheduler (1 x Standard_D2as_v5), the login nodes (1 x "
                        + "Standard_D2as_v5)), 5 free of 15 | fix: request an increase of standardDASv5Family in uksouth "
                        + "to at least 16 (portal: Quotas > Compute), or lower the node arrays' maxNodes");
    }

    @Test
    void eachClassicHalfWayFailureIsFoundWithItsFix() {
        Facts f = new Facts();
        f.providers.remove("Microsoft.StorageCache");
        f.features.clear();
        f.lustre.clear();
        f.mayAssignRoles = false;
        List<String> found = failures(run("secure-slurm-lustre.yaml", f));
        assertThat(found).anySatisfy(m -> assertThat(m).startsWith("providers: the resource provider "
                + "Microsoft.StorageCache is not registered").contains("az provider register --namespace "
                        + "Microsoft.StorageCache"));
        assertThat(found).anySatisfy(m -> assertThat(m).startsWith("features:").contains("az feature register "
                + "--namespace Microsoft.Compute --name EncryptionAtHost"));
        assertThat(found).anySatisfy(m -> assertThat(m).startsWith("lustre-sku: Azure Managed Lustre "
                + "AMLFS-Durable-Premium-125 is not offered in uksouth"));
        assertThat(found).anySatisfy(m -> assertThat(m).startsWith("rights: the template creates roleAssignments at "
                + "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-hpc and you may not"));
        assertThat(found).anySatisfy(m -> assertThat(m).startsWith("rights: the template creates roleDefinitions at "
                + "/subscriptions/11111111-2222-3333-4444-555555555555 and you may not"));
    }

    @Test
    void namesTakenByEarlierDeploymentsAreFoundByTheNamesTheDeploymentWouldUse() {
        Facts ready = new Facts();
        List<PreflightResult> clean = run("minimal-slurm-nfs.yaml", ready);
        String vault = clean.stream().filter(r -> r.check().equals("key-vault-name")).findFirst().orElseThrow()
                .message().split(" ")[0];
        // the vault's name is uniqueString of the real resource group's id, as Azure computes it
        assertThat(vault).isEqualTo("kv-teaching-" + io.github.hpcblueprints.arm.Hashes.uniqueString(List.of(
                "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-hpc")).substring(0, 12));
        Facts f = new Facts();
        f.deletedVaults.add(vault);
        f.budgets.put("budget-teaching", "2020-01-01T00:00:00Z");
        // the role's name carries uniqueString of the group's id, so one tenant can hold many environments' roles
        String role = "CycleCloud orchestrator (teaching) [" + io.github.hpcblueprints.arm.Hashes.uniqueString(List.of(
                "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-hpc")) + "]";
        f.roles.put(role, "/providers/Microsoft.Authorization/roleDefinitions/00000000-aaaa-bbbb-cccc-000000000000");
        List<String> found = failures(run("minimal-slurm-nfs.yaml", f));
        assertThat(found).anySatisfy(m -> assertThat(m).startsWith("key-vault-name: a deleted Key Vault still holds "
                + "the name " + vault).contains("keyVaultCreateMode=recover"));
        // the template decides the start date when it deploys (it reads back the one it recorded): nothing to check
        assertThat(found).noneSatisfy(m -> assertThat(m).startsWith("budget-start"));
        // a start date given by hand that differs from the existing budget's is refused by Azure: found
        assertThat(failures(run("minimal-slurm-nfs.yaml", f, Map.of("budgetStartDate", "2026-12-01T00:00:00Z"))))
                .anySatisfy(m -> assertThat(m).startsWith("budget-start: the budget budget-teaching exists with start "
                        + "date 2020-01-01T00:00:00Z").contains("--param budgetStartDate=2020-01-01T00:00:00Z"));
        assertThat(found).anySatisfy(m -> assertThat(m).startsWith("custom-role-name: the custom role name '" + role
                + "' is already taken"));
    }
}
