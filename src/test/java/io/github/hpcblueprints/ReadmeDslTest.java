package io.github.hpcblueprints;

import io.github.hpcblueprints.json.JsonTrees;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.generate.GenerateService;
import io.github.hpcblueprints.generate.GeneratedFiles;
import io.github.hpcblueprints.hpc.Access;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.CostControls;
import io.github.hpcblueprints.hpc.CycleCloudServer;
import io.github.hpcblueprints.hpc.SecurityProfile;
import io.github.hpcblueprints.hpc.SharedStorage;
import io.github.hpcblueprints.hpc.SlurmCluster;
import io.github.hpcblueprints.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's Java example builds the default blueprint's environment, and the one call it shows gives every file
 * generate writes for it, byte for byte (issue 15 item 9: the template must include the server's boot script).
 */
class ReadmeDslTest {

    @Test
    void theJavaExampleBuildsTheSameEnvironmentAsTheDefaultBlueprint() throws IOException {
        // --- as in README.md ---
        ClusterEnvironment env = ClusterEnvironment.named("teaching")
            .region("uksouth").profile(SecurityProfile.BASELINE).tag("owner", "research-computing")
            .network(n -> n.addressSpace("10.50.0.0/20").bastion("standard").privateEndpoints(false))
            .cycleCloud(CycleCloudServer.defaults().withVmSize("Standard_D2as_v5"))
            .cluster(SlurmCluster.named("teaching").idleReleaseSeconds(600)
                .scheduler("Standard_D2as_v5").login("Standard_D2as_v5", 1, 1)
                .partition("htc", p -> p.vmSize("Standard_F2s_v2").maxNodes(8).spot())
                .build())
            .storage(SharedStorage.azureFilesNfs("shared", 100, "/shared"))
            .access(Access.defaults().withLocalSignIn(
                "Short-lived course cluster; the lecturer issues CycleCloud accounts to students."))
            .cost(CostControls.defaults().withMonthlyBudget(600).withContactEmails("hpc-budgets@example.ac.uk"))
            .source("minimal-slurm-nfs.yaml")
            .build();
        GeneratedFiles files = new GenerateService().render("minimal-slurm-nfs", env);
        String template = files.files().get("azuredeploy.json");
        // --- end ---

        // every file is what generate wrote for the YAML blueprint (the committed generated/ folder), byte for
        // byte; findings.json too, except that a finding in the blueprint cannot name a YAML line the DSL lacks
        Path committed = Golden.projectDir().resolve("generated/minimal-slurm-nfs");
        assertThat(template).isEqualTo(Files.readString(committed.resolve("azuredeploy.json")));
        assertThat(template).contains("\"customData\"").as("the server bootstraps: its cloud-init is in the template");
        for (var e : files.files().entrySet()) {
            String expected = Files.readString(committed.resolve(e.getKey()));
            if (e.getKey().equals("findings.json")) {
                assertThat(withoutBlueprintLines(e.getValue())).isEqualTo(withoutBlueprintLines(expected));
            } else {
                assertThat(e.getValue()).as(e.getKey()).isEqualTo(expected);
            }
        }
        List<String> written;
        try (Stream<Path> s = Files.walk(committed)) {
            written = s.filter(Files::isRegularFile).map(p -> committed.relativize(p).toString())
                    .filter(p -> !p.equals(".hpcb-manifest")).sorted().toList();
        }
        assertThat(files.files().keySet()).containsExactlyElementsOf(written);
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

    /** findings.json with the blueprint's own line and column blanked (the DSL has no YAML to point into). */
    private static String withoutBlueprintLines(String json) {
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode)
                io.github.hpcblueprints.json.JsonTrees.parse(json);
        for (var f : root.path("findings")) {
            if (f.path("file").asText().endsWith(".yaml")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) f).put("line", 0).put("column", 0);
            }
        }
        return io.github.hpcblueprints.json.JsonPrinter.print(root);
    }
}
