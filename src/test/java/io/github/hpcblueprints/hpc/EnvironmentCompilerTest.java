package io.github.hpcblueprints.hpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.arm.ArmJsonWriter;
import io.github.hpcblueprints.testing.Shared;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** What a compiled environment promises, checked on a full hardened environment built in Java. */
class EnvironmentCompilerTest {

    private static final CompiledEnvironment FULL = EnvironmentCompiler.compileWithoutBootScripts(Environments.full().build());
    private static final JsonNode RG = ArmJsonWriter.tree(FULL.resourceGroup());

    private static List<JsonNode> resources(String type) {
        List<JsonNode> out = new ArrayList<>();
        RG.path("resources").forEach(r -> {
            if (r.path("type").asText().equalsIgnoreCase(type)) {
                out.add(r);
            }
        });
        return out;
    }

    private static JsonNode vm(String name) {
        return resources("Microsoft.Compute/virtualMachines").stream()
                .filter(r -> r.path("name").asText().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void bothTemplatesValidateAgainstTheOfficialSchemas() {
        assertThat(Shared.validator().validateTemplate(RG)).isEmpty();
        assertThat(FULL.subscription()).isPresent();
        assertThat(Shared.validator().validateTemplate(ArmJsonWriter.tree(FULL.subscription().orElseThrow())))
                .isEmpty();
    }

    @Test
    void compilingTwiceGivesTheSameBytes() {
        String again = ArmJsonWriter.write(EnvironmentCompiler.compileWithoutBootScripts(Environments.full().build()).resourceGroup());
        assertThat(again).isEqualTo(ArmJsonWriter.write(FULL.resourceGroup()));
    }

    @Test
    void everyRegionalResourceCarriesTheCostTags() {
        RG.path("resources").forEach(r -> {
            if (r.has("location")) {
                assertThat(r.path("tags").has("environment") && r.path("tags").has("owner")
                        && r.path("tags").has("project")).as(r.path("type") + " " + r.path("name")).isTrue();
            }
        });
    }

    @Test
    void aProjectsIdentityGetsDataRolesOnlyOnItsOwnContainer() {
        for (String project : List.of("alpha", "beta")) {
            String identity = "'id-genomics-" + project + "'";
            List<JsonNode> grants = resources("Microsoft.Authorization/roleAssignments").stream()
                    .filter(r -> r.path("properties").path("principalId").asText().contains(identity)).toList();
            assertThat(grants).as(project).isNotEmpty();
            assertThat(grants).allSatisfy(g -> assertThat(g.path("scope").asText())
                    .as("scope of a grant to " + project).contains("/containers/project-" + project + "'"));
        }
    }

    @Test
    void cycleCloudsCustomRoleIsNarrowAndBoundToTheResourceGroup() {
        JsonNode role = resources("Microsoft.Authorization/roleDefinitions").get(0).path("properties");
        assertThat(role.path("assignableScopes").toString()).isEqualTo("[\"[resourceGroup().id]\"]");
        List<String> actions = StreamSupport.stream(role.path("permissions").get(0).path("actions").spliterator(),
                false).map(JsonNode::asText).toList();
        assertThat(actions).contains("Microsoft.Compute/virtualMachines/*",
                "Microsoft.Network/virtualNetworks/subnets/join/action");
        assertThat(actions).noneMatch(a -> a.equals("*") || a.contains("listKeys")
                || a.startsWith("Microsoft.Authorization/") || a.startsWith("Microsoft.Storage/storageAccounts/write")
                || a.startsWith("Microsoft.Network/publicIPAddresses/write"));
    }

    @Test
    void theCycleCloudServerWaitsForItsRightsAndHasNoPublicAddress() {
        JsonNode cc = vm("vm-genomics-cc");
        String deps = cc.path("dependsOn").toString();
        assertThat(deps).contains("Microsoft.Authorization/roleAssignments").contains("Microsoft.KeyVault/vaults");
        resources("Microsoft.Network/networkInterfaces").forEach(nic -> nic.path("properties")
                .path("ipConfigurations").forEach(ip -> assertThat(ip.path("properties").has("publicIPAddress"))
                        .as(nic.path("name").asText()).isFalse()));
        assertThat(cc.path("properties").path("osProfile").path("linuxConfiguration")
                .path("disablePasswordAuthentication").asBoolean()).isTrue();
    }

    @Test
    void storageIsPrivateAndKeylessExceptWhereLustreNeedsKeys() {
        List<JsonNode> accounts = resources("Microsoft.Storage/storageAccounts");
        assertThat(accounts).hasSize(3).allSatisfy(a -> {
            assertThat(a.path("properties").path("publicNetworkAccess").asText()).isEqualTo("Disabled");
            assertThat(a.path("properties").path("allowBlobPublicAccess").asBoolean(true)).isFalse();
        });
        assertThat(accounts).filteredOn(a -> a.path("properties").path("allowSharedKeyAccess").asBoolean())
                .extracting(a -> a.path("name").asText()).containsExactly("[variables('dataAccountName')]");
    }

    @Test
    void researchInstancesShutDownDailyAndUseTheirProjectsIdentity() {
        JsonNode viz = vm("vm-genomics-viz01");
        assertThat(viz.path("identity").path("userAssignedIdentities").toString()).contains("id-genomics-alpha");
        assertThat(resources("Microsoft.DevTestLab/schedules")).extracting(s -> s.path("name").asText())
                .contains("shutdown-computevm-vm-genomics-viz01");
    }

    @Test
    void budgetsExistForTheEnvironmentAndEachProjectFilteredByItsTag() {
        List<JsonNode> budgets = resources("Microsoft.Consumption/budgets");
        assertThat(budgets).extracting(b -> b.path("name").asText())
                .containsExactlyInAnyOrder("budget-genomics", "budget-genomics-alpha", "budget-genomics-beta");
        JsonNode alpha = budgets.stream().filter(b -> b.path("name").asText().endsWith("alpha")).findFirst()
                .orElseThrow();
        assertThat(alpha.path("properties").path("filter").toString()).contains("project").contains("alpha");
        assertThat(alpha.path("properties").path("amount").asInt()).isEqualTo(1500);
    }

    /**
     * The idle agent's identity is the VM's own, and its role reads and deallocates that VM and nothing else: a
     * user on the instance who takes the token can only stop the machine they are on.
     */
    @Test
    void aResearchInstanceMayDeallocateItselfAndNothingElse() {
        JsonNode vm = vm("vm-genomics-viz01");
        assertThat(vm.path("identity").path("type").asText()).isEqualTo("SystemAssigned, UserAssigned");
        JsonNode role = resources("Microsoft.Authorization/roleDefinitions").stream().filter(r -> r.path("properties")
                .path("roleName").asText().contains("VM deallocates itself")).findFirst().orElseThrow();
        assertThat(role.path("properties").path("permissions").get(0).path("actions")).extracting(JsonNode::asText)
                .containsExactly("Microsoft.Compute/virtualMachines/read",
                        "Microsoft.Compute/virtualMachines/deallocate/action");
        assertThat(role.path("properties").path("permissions").get(0).path("dataActions")).isEmpty();
        List<JsonNode> grants = resources("Microsoft.Authorization/roleAssignments").stream().filter(a -> a
                .path("properties").path("roleDefinitionId").asText().contains("VM deallocates itself")).toList();
        assertThat(grants).singleElement().satisfies(a -> {
            assertThat(a.path("scope").asText()).isEqualTo("Microsoft.Compute/virtualMachines/vm-genomics-viz01");
            assertThat(a.path("properties").path("principalId").asText()).isEqualTo("[reference(resourceId("
                    + "'Microsoft.Compute/virtualMachines', 'vm-genomics-viz01'), '" + io.github.hpcblueprints.azure.compute.LinuxVirtualMachine.API_VERSION + "', 'Full').identity"
                    + ".principalId]");
        });
        // and the identity counts as one users can reach (HPCB-ACCESS-012 proves it writes nothing guarded)
        assertThat(FULL.reach().exposed()).containsKey("research instance viz01 (its own identity)");
    }

    @Test
    void anInstanceWithoutIdleStopHasNoSelfDeallocationRole() {
        ClusterEnvironment env = Environments.full().build();
        ClusterEnvironment off = ClusterEnvironment.named("genomics").region("uksouth").tag("owner", "x")
                .network(n -> n.addressSpace("10.40.0.0/16"))
                .instance(new ResearchInstance("viz01", "Standard_D8as_v5", "ubuntu2204", "", List.of(),
                        AutoShutdown.at("1900", "UTC"), IdleStop.off()))
                .build();
        JsonNode rg = ArmJsonWriter.tree(EnvironmentCompiler.compileWithoutBootScripts(off).resourceGroup());
        assertThat(rg.toString()).doesNotContain("VM deallocates itself");
        assertThat(env.instances().get(0).idleStop()).isEqualTo(IdleStop.defaults());
    }
}
