package io.github.hpcblueprints.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.build.Build;
import io.github.hpcblueprints.generate.Pipeline;
import io.github.hpcblueprints.testing.Golden;
import io.github.hpcblueprints.testing.LoopbackHttpsServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Preflight's facts read from Azure's listings, served by a loopback stub in the shapes the REST reference gives:
 * paging, SKU restrictions and capabilities, usages, permissions with notActions, a 404 budget.
 */
class ArmFactsTest {

    @TempDir
    static Path keys;

    static final String S = "/subscriptions/s1";

    @Test
    void readsEachListingAndPreflightJudgesWithIt() throws Exception {
        try (LoopbackHttpsServer server = LoopbackHttpsServer.start(keys)) {
            String base = server.uri("").toString();
            serve(server, S + "/providers", "{\"value\": [{\"namespace\": \"Microsoft.Compute\", \"registrationState\": "
                    + "\"Registered\"}], \"nextLink\": \"" + base + "/page2\"}");
            serve(server, "/page2", "{\"value\": [{\"namespace\": \"Microsoft.Network\", \"registrationState\": "
                    + "\"Registered\"}, {\"namespace\": \"Microsoft.Storage\", \"registrationState\": \"Registered\"}, "
                    + "{\"namespace\": \"Microsoft.KeyVault\", \"registrationState\": \"Registered\"}, {\"namespace\": "
                    + "\"Microsoft.ManagedIdentity\", \"registrationState\": \"Registered\"}, {\"namespace\": "
                    + "\"Microsoft.Authorization\", \"registrationState\": \"Registered\"}, {\"namespace\": "
                    + "\"Microsoft.Resources\", \"registrationState\": \"Registered\"}, {\"namespace\": "
                    + "\"Microsoft.Consumption\", \"registrationState\": \"NotRegistered\"}]}");
            serve(server, S + "/providers/Microsoft.Features/features", "{\"value\": [{\"name\": "
                    + "\"Microsoft.Compute/EncryptionAtHost\", \"properties\": {\"state\": \"NotRegistered\"}}]}");
            serve(server, S + "/providers/Microsoft.Compute/skus", "{\"value\": ["
                    + sku("Standard_D2as_v5", "standardDASv5Family", 2, "")
                    + ", " + sku("Standard_F2s_v2", "standardFSv2Family", 2, "{\"type\": \"Location\", \"values\": "
                    + "[\"uksouth\"], \"reasonCode\": \"NotAvailableForSubscription\"}") + "]}");
            serve(server, S + "/providers/Microsoft.Compute/locations/uksouth/usages", "{\"value\": ["
                    + usage("cores", 4, 10) + ", " + usage("standardDASv5Family", 0, 10) + ", "
                    + usage("lowPriorityCores", 0, 100) + "]}");
            // a Contributor: everything but writing roles
            String contributor = "{\"value\": [{\"actions\": [\"*\"], \"notActions\": [\"Microsoft.Authorization/*/"
                    + "Delete\", \"Microsoft.Authorization/*/Write\"], \"dataActions\": [], \"notDataActions\": []}]}";
            serve(server, S + "/resourceGroups/rg-hpc/providers/Microsoft.Authorization/permissions", contributor);
            serve(server, S + "/providers/Microsoft.Authorization/permissions", contributor);
            serve(server, S + "/providers/Microsoft.KeyVault/deletedVaults", "{\"value\": []}");
            serve(server, S + "/providers/Microsoft.Authorization/roleDefinitions", "{\"value\": []}");
            // no budget yet: Budgets - Get answers 404, which the stub gives for any path it does not serve

            ArmFacts facts = new ArmFacts(AzureTestPipeline.of(server), base, "s1");
            assertThat(facts.registeredProviders()).contains("Microsoft.Compute", "Microsoft.Storage")
                    .doesNotContain("Microsoft.Consumption");
            assertThat(facts.vmSku("uksouth", "Standard_D2as_v5")).hasValueSatisfying(v -> {
                assertThat(v.vCpus()).isEqualTo(2);
                assertThat(v.zones()).containsExactly("1", "2", "3");
                assertThat(v.restricted()).isFalse();
            });
            assertThat(facts.vmSku("uksouth", "Standard_F2s_v2")).hasValueSatisfying(v ->
                    assertThat(v.restricted()).isTrue());
            assertThat(facts.callerMay("Microsoft.Authorization/roleAssignments/write", S)).isFalse();
            assertThat(facts.callerMay("Microsoft.Network/virtualNetworks/write", S)).isTrue();
            assertThat(ArmFacts.matches("Microsoft.Authorization/*/Write", "microsoft.authorization/roleassignments/"
                    + "write")).isTrue();

            Build build = new Pipeline().build(Golden.projectDir().resolve("blueprints/minimal-slurm-nfs.yaml"),
                    Optional.empty());
            List<TemplateDeployment> deployments = PlanService.deployments(build, Optional.empty());
            PlanContext context = new PlanContext("s1", "rg-hpc", "uksouth", PlanContext.ZERO_ID, "teaching");
            List<String> failed = Preflight.check(build, context, facts, deployments).stream().filter(r -> !r.ok())
                    .map(r -> r.check() + ": " + r.message()).toList();
            assertThat(failed).anySatisfy(m -> assertThat(m).startsWith("providers: the resource provider "
                    + "Microsoft.Consumption is not registered"));
            assertThat(failed).anySatisfy(m -> assertThat(m).startsWith("vm-sizes: Standard_F2s_v2 is restricted"));
            assertThat(failed).anySatisfy(m -> assertThat(m).startsWith("rights: the template creates "
                    + "roleAssignments"));
            // 3 x Standard_D2as_v5 = 6 vCPUs of cores: 6 free of 10 (4 used) is enough
            assertThat(failed).noneSatisfy(m -> assertThat(m).startsWith("quota: cores"));
        }
    }

    static void serve(LoopbackHttpsServer server, String path, String body) {
        server.serve(path, body.getBytes(StandardCharsets.UTF_8));
    }

    static String sku(String name, String family, int vcpus, String restriction) {
        return "{\"resourceType\": \"virtualMachines\", \"name\": \"" + name + "\", \"tier\": \"Standard\", "
                + "\"family\": \"" + family + "\", \"locations\": [\"uksouth\"], \"locationInfo\": [{\"location\": "
                + "\"uksouth\", \"zones\": [\"1\", \"2\", \"3\"]}], \"capabilities\": [{\"name\": \"vCPUs\", \"value\": \""
                + vcpus + "\"}], \"restrictions\": [" + restriction + "]}";
    }

    static String usage(String name, int current, int limit) {
        return "{\"name\": {\"value\": \"" + name + "\", \"localizedValue\": \"" + name + "\"}, \"currentValue\": "
                + current + ", \"limit\": " + limit + ", \"unit\": \"Count\"}";
    }
}
