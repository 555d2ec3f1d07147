package io.github.hpcblueprints;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.arm.ArmJsonWriter;
import io.github.hpcblueprints.blueprint.BlueprintLoader;
import io.github.hpcblueprints.hpc.Access;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.Compiler;
import io.github.hpcblueprints.hpc.CostControls;
import io.github.hpcblueprints.hpc.CycleCloudServer;
import io.github.hpcblueprints.hpc.SecurityProfile;
import io.github.hpcblueprints.hpc.SharedStorage;
import io.github.hpcblueprints.hpc.SlurmCluster;
import io.github.hpcblueprints.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's Java example builds the default blueprint's environment: same template, byte for byte. */
class ReadmeDslTest {

    @Test
    void theJavaExampleBuildsTheSameEnvironmentAsTheDefaultBlueprint() throws IOException {
        // --- as in README.md ---
        ClusterEnvironment env = ClusterEnvironment.named("teaching")
            .region("uksouth").profile(SecurityProfile.BASELINE).tag("owner", "research-computing")
            .network(n -> n.addressSpace("10.50.0.0/20").bastion("basic").privateEndpoints(false))
            .cycleCloud(CycleCloudServer.defaults().withVmSize("Standard_D2as_v5"))
            .cluster(SlurmCluster.named("teaching").idleReleaseSeconds(600)
                .scheduler("Standard_D2as_v5").login("Standard_D2as_v5", 1, 1)
                .partition("htc", p -> p.vmSize("Standard_F2s_v2").maxNodes(8).spot())
                .build())
            .storage(SharedStorage.azureFilesNfs("shared", 100, "/shared"))
            .access(Access.defaults().withLocalSignIn(
                "Short-lived course cluster; the lecturer issues CycleCloud accounts to students."))
            .cost(CostControls.defaults().withMonthlyBudget(300).withContactEmails("hpc-budgets@example.ac.uk"))
            .source("minimal-slurm-nfs.yaml")
            .build();
        String template = ArmJsonWriter.write(Compiler.compile(env).resourceGroup());
        // --- end ---

        ClusterEnvironment fromYaml = new BlueprintLoader(Path.of("target/profile-cache"), Duration.ofSeconds(1))
                .load(Golden.projectDir().resolve("blueprints/minimal-slurm-nfs.yaml")).environment();
        assertThat(template).isEqualTo(ArmJsonWriter.write(Compiler.compile(fromYaml).resourceGroup()));
        // the README shows exactly the lines between the markers above
        String source = Files.readString(Golden.projectDir()
                .resolve("src/test/java/io/github/hpcblueprints/ReadmeDslTest.java"));
        String start = "// --- as in README.md ---\n";
        String marked = source.substring(source.indexOf(start) + start.length(),
                source.indexOf("        // --- end ---"));
        String example = marked.lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .collect(Collectors.joining("\n", "", "\n"));
        String readme = Files.readString(Golden.projectDir().resolve("README.md"));
        assertThat(readme).contains("```java\n" + example + "```");
    }
}
