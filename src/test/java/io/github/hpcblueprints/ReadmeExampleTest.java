package io.github.hpcblueprints;

import io.github.hpcblueprints.json.JsonTrees;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.arm.ArmJsonWriter;
import io.github.hpcblueprints.arm.ArmReader;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Output;
import io.github.hpcblueprints.arm.Parameter;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.arm.ResourceNames;
import io.github.hpcblueprints.arm.ResourceRef;
import io.github.hpcblueprints.arm.Scope;
import io.github.hpcblueprints.arm.Template;
import io.github.hpcblueprints.azure.Deployment;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.network.NetworkSecurityGroup;
import io.github.hpcblueprints.azure.network.PrivateEndpoint;
import io.github.hpcblueprints.azure.network.PrivateLinkTarget;
import io.github.hpcblueprints.azure.network.SecurityRule;
import io.github.hpcblueprints.azure.network.Subnet;
import io.github.hpcblueprints.azure.network.VirtualNetwork;
import io.github.hpcblueprints.azure.storage.StorageAccount;
import io.github.hpcblueprints.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java example compiles, builds, and means what the README says. */
class ReadmeExampleTest {

    @Test
    void theBicepExcerptIsWhatTheShippedBlueprintGives() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```bicep\n");
        assertThat(start).as("the README shows Bicep").isPositive();
        String excerpt = readme.substring(start + "```bicep\n".length(), readme.indexOf("```", start + 8));
        String bicep = Files.readString(Path.of("generated/secure-slurm-lustre/main.bicep"));
        for (String block : excerpt.strip().split("\n\n")) {
            assertThat(bicep).as("generated/secure-slurm-lustre/main.bicep").contains(block);
        }
    }

    @Test
    void theArmCoreExampleBuildsAValidTemplateWithTheImpliedDependency() throws IOException {
        // --- as in README.md ---
        Template.Builder b = Template.builder(Scope.RESOURCE_GROUP);
        Expr location = b.parameter(Parameter.string("location").withDefault(Expr.resourceGroupLocation()));
        Expr prefix = b.parameter(Parameter.string("namePrefix").withMinLength(3).withMaxLength(11));

        ResourceRef vnet = b.resource(Resource.builder("Microsoft.Network/virtualNetworks", "2025-07-01",
                Expr.format("{0}-vnet", prefix))
            .location(location)
            .properties(Json.obj("addressSpace", Json.obj("addressPrefixes", Json.arr("10.10.0.0/16"))))
            .build());
        b.resource(Resource.builder("Microsoft.Network/virtualNetworks/subnets", "2025-07-01",
                ResourceNames.join(List.of(vnet.name(), Expr.str("compute"))))
            .properties(Json.obj("addressPrefix", "10.10.1.0/24", "defaultOutboundAccess", false))
            .build());                                   // dependsOn the VNet is added by build()
        b.output(Output.string("vnetId", vnet.id()));

        String json = ArmJsonWriter.write(b.build());    // same template, same bytes
        // --- end ---

        Template t = ArmReader.readTemplate(json);
        assertThat(t.resources().get(1).dependsOn()).containsExactly(vnet.id());
        assertThat(Shared.validator().validateTemplate(JsonTrees.parse(json))).isEmpty();
        String readme = Files.readString(Path.of(System.getProperty("hpcb.projectDir", ".")).resolve("README.md"));
        assertThat(readme).contains("ResourceNames.join(List.of(vnet.name(), Expr.str(\"compute\"))))")
                .contains("String json = ArmJsonWriter.write(b.build());");
    }

    @Test
    void theCatalogueExampleBuildsASchemaValidTemplate() throws IOException {
        // --- as in README.md ---
        Deployment d = Deployment.resourceGroup();
        Ref<NetworkSecurityGroup> nsg = d.add(NetworkSecurityGroup.named("nsg-compute")
            .rule(SecurityRule.denyInbound("deny-internet", 4000, "Internet")));
        Ref<VirtualNetwork> vnet = d.add(VirtualNetwork.named("vnet-hpc").addressSpace("10.20.0.0/16"));
        Ref<Subnet> compute = d.add(Subnet.of(vnet, "compute", "10.20.1.0/24").networkSecurityGroup(nsg));
        Ref<StorageAccount> data = d.add(StorageAccount.named("sthpcdata01"));   // private, TLS 1.2, no keys, no anonymous
        d.add(PrivateEndpoint.named("pe-data-blob", data, PrivateLinkTarget.BLOB, compute));
        Template t = d.build();
        // --- end ---
        assertThat(Shared.validator().validateTemplate(ArmJsonWriter.tree(t))).isEmpty();
        assertThat(t.resources()).hasSize(5);
        String readme = Files.readString(Path.of(System.getProperty("hpcb.projectDir", ".")).resolve("README.md"));
        assertThat(readme).contains("d.add(PrivateEndpoint.named(\"pe-data-blob\", data, PrivateLinkTarget.BLOB, compute));");
    }

    @Test
    void thePluginSnippetIsWhatTheInvokerTestBuildsWith() throws IOException {
        Path project = Path.of(System.getProperty("hpcb.projectDir", "."));
        String readme = Files.readString(project.resolve("README.md"));
        String snippet = fencedBlock(readme, "```xml\n<plugin>");
        assertThat(snippet).as("the snippet a user pastes needs nothing that is not published")
                .doesNotContain("<dependencies>");
        String pom = Files.readString(project.resolve("src/it/readme-plugin-snippet/pom.xml"))
                .replace("@project.groupId@", "io.github.hpcblueprints")
                .replace("@project.artifactId@", "hpc-blueprints")
                .replace("@project.version@", snippet.substring(snippet.indexOf("<version>") + 9,
                        snippet.indexOf("</version>")));
        String indented = snippet.lines().map(l -> l.isEmpty() ? l : "      " + l)
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        assertThat(pom).contains(indented);
        assertThat(readme).contains("mvn -B install -DskipTests");
    }

    @Test
    void theBlueprintExampleValidatesCleanAgainstTheShippedProfile(@TempDir Path dir) throws IOException {
        Path project = Path.of(System.getProperty("hpcb.projectDir", "."));
        String yaml = fencedBlock(Files.readString(project.resolve("README.md")), "```yaml\n# yaml-language-server");
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        Files.copy(project.resolve("blueprints/profiles/university-defaults.yaml"),
                profiles.resolve("university-defaults.yaml"));
        Path file = dir.resolve("genomics.yaml");
        Files.writeString(file, yaml);
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int code = io.github.hpcblueprints.cli.Cli.run(new String[] {"validate", file.toString()},
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("0 error(s), 0 warning(s)");
    }

    /** The text of the README's fenced block that opens with {@code opening} (fence line included in it). */
    private static String fencedBlock(String readme, String opening) {
        int at = readme.indexOf(opening);
        assertThat(at).as("the README has a block opening with " + opening).isNotNegative();
        int start = readme.indexOf('\n', at) + 1;
        return readme.substring(start, readme.indexOf("```", start));
    }
}
