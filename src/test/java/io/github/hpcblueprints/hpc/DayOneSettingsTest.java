package io.github.hpcblueprints.hpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hpcblueprints.arm.ArmJsonWriter;
import io.github.hpcblueprints.blueprint.BlueprintLoader;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Settings a first deployment depends on, each checked where the domain decides it: the access path to the web UI,
 * pinned releases, and the marketplace terms of plan images.
 */
class DayOneSettingsTest {

    static ClusterEnvironment load(String name) {
        return new BlueprintLoader().load(Golden.projectDir().resolve("blueprints/" + name + ".yaml")).environment();
    }

    static String withBastion(String sku) throws Exception {
        return Files.readString(Golden.projectDir().resolve("blueprints/minimal-slurm-nfs.yaml"))
                .replace("bastion: standard", "bastion: " + sku);
    }

    @Test
    void bastionBasicIsRefusedWhereItWouldLeaveNoWayToTheWebUi() throws Exception {
        Path dir = Golden.projectDir().resolve("blueprints");
        assertThatThrownBy(() -> new BlueprintLoader().load(withBastion("basic"), "minimal.yaml", dir, "minimal.yaml"))
                .isInstanceOf(BlueprintException.class)
                .hasMessageContaining("$.network.bastion: Bastion Basic cannot reach the CycleCloud web UI")
                .hasMessageContaining("az network bastion tunnel");
        // without the key, a cluster gets Standard even in the baseline profile
        String none = withBastion("standard").replace("  bastion: standard\n", "");
        assertThat(new BlueprintLoader().load(none, "minimal.yaml", dir, "minimal.yaml").environment().bastionSku())
                .isEqualTo("Standard");
    }

    @Test
    void releasesArePinnedAndAFloatingOneIsRefused() {
        ClusterEnvironment env = load("minimal-slurm-nfs");
        assertThat(env.cycleCloud().orElseThrow().packageVersion()).isEqualTo("8.9.1-*");
        assertThat(env.cluster().orElseThrow().slurmProjectRelease()).isEqualTo("4.0.9");
        assertThatThrownBy(() -> CycleCloudServer.defaults().withVersion("8.*"))
                .hasMessageContaining("is not a pinned CycleCloud 8 release");
        assertThat(CycleCloudServer.defaults().withVersion("8.9.1-3507").packageVersion()).isEqualTo("8.9.1-3507");
        assertThatThrownBy(() -> SlurmCluster.named("c1").slurmVersion("23.02.1")
                .partition("htc", p -> p.vmSize("Standard_F4s_v2").maxNodes(4)).build())
                .hasMessageContaining("Slurm 23.02.1 is not installed by any CycleCloud Slurm project release");
    }

    @Test
    void planImagesGetTheirTermsAcceptedByCycleCloudAndOnlyThen() {
        ClusterEnvironment secure = load("secure-slurm-lustre");
        assertThat(secure.cluster().orElseThrow().needsMarketplaceTerms()).isTrue();
        String sub = ArmJsonWriter.write(EnvironmentCompiler.compileWithoutBootScripts(secure).subscription()
                .orElseThrow());
        assertThat(sub).contains("Microsoft.MarketplaceOrdering/offertypes/publishers/offers/plans/agreements/write");
        ClusterEnvironment minimal = load("minimal-slurm-nfs");
        assertThat(minimal.cluster().orElseThrow().needsMarketplaceTerms()).isFalse();
        assertThat(ArmJsonWriter.write(EnvironmentCompiler.compileWithoutBootScripts(minimal).subscription()
                .orElseThrow())).doesNotContain("MarketplaceOrdering");
    }

    /**
     * CycleCloud makes each user's home under /shared/home as root, on the node the user first reaches: the storage
     * at /shared gives the cluster's nodes root (a squashed root can neither create nor hand over a home); other
     * clients stay squashed, and storage without homes keeps its squash.
     */
    @Test
    void theStorageThatHoldsHomesLetsTheClusterNodesRootMakeThem() {
        String minimal = ArmJsonWriter.write(EnvironmentCompiler.compileWithoutBootScripts(load("minimal-slurm-nfs"))
                .resourceGroup());
        assertThat(minimal).contains("\"rootSquash\": \"NoRootSquash\"");
        String instances = ArmJsonWriter.write(EnvironmentCompiler.compileWithoutBootScripts(
                load("research-instances")).resourceGroup());
        assertThat(instances).as("no cluster, no homes: the share keeps root squash")
                .contains("\"rootSquash\": \"RootSquash\"");
        var secure = load("secure-slurm-lustre");
        String rg = ArmJsonWriter.write(EnvironmentCompiler.compileWithoutBootScripts(secure).resourceGroup());
        var subnets = ((Network.Managed) secure.network()).subnets();
        String compute = subnets.get(SubnetRole.COMPUTE).toString();
        String admin = subnets.get(SubnetRole.ADMIN).toString();
        java.util.regex.Matcher rule = java.util.regex.Pattern.compile("\"allowedClients\": \"([^\"]+)\"[^}]*?"
                + "\"hasRootAccess\": (true|false)").matcher(rg);
        java.util.Map<String, String> root = new java.util.TreeMap<>();
        while (rule.find()) {
            root.put(rule.group(1), rule.group(2));
        }
        assertThat(root).containsEntry(compute, "true").containsEntry(admin, "false");
    }
}
