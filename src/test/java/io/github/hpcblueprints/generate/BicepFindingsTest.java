package io.github.hpcblueprints.generate;

import io.github.hpcblueprints.json.JsonTrees;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.arm.ArmReader;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings about a resource say where that resource is in the Bicep: file and symbol, modules included. */
class BicepFindingsTest {

    @Test
    void eachFindingNamesTheBicepDeclarationOfItsResource() throws IOException {
        Template t = ArmReader.readTemplate(Files.readString(Path.of("src/test/resources/bicep/kitchen-sink.json")));
        int module = -1;
        for (int i = 0; i < t.resources().size(); i++) {
            if (t.resources().get(i).isType("Microsoft.Resources/deployments")) {
                module = i;
            }
        }
        java.util.function.BiFunction<String, String, io.github.hpcblueprints.rules.Finding> finding = (file, path) ->
                new io.github.hpcblueprints.rules.Finding("HPCB-STRUCT-008", io.github.hpcblueprints.rules.Severity.INFO,
                        "m", new io.github.hpcblueprints.diagnostics.Location(file, 1, 1, path), "", false, "");
        io.github.hpcblueprints.rules.Report report = new io.github.hpcblueprints.rules.Report(List.of(
                finding.apply("azuredeploy.json", "$.resources[0].properties.minimumTlsVersion"),
                finding.apply("azuredeploy.json", "$.resources[" + module + "].properties.template.resources[0]"),
                finding.apply("azuredeploy.json", "$.parameters.adminPassword"),
                finding.apply("cyclecloud/lab.txt", "$.resources[0]")), false, List.of());
        // the annotation is made as each finding is written: no report is parsed again
        JsonNode out = JsonTrees.parse(BicepFindings.write(report, List.of(
                new BicepFindings.Target("azuredeploy.json", "main.bicep", t)), java.util.Optional.empty()));
        assertThat(out.at("/findings/0/bicep")).isEqualTo(Json.obj("file", "main.bicep", "resource", "account"));
        assertThat(out.at("/findings/1/bicep")).isEqualTo(Json.obj("file", "modules/grant-network.bicep",
                "resource", "roleForPrincipal"));
        assertThat(out.at("/findings/2").has("bicep")).isFalse();
        assertThat(out.at("/findings/3").has("bicep")).isFalse();
        assertThat(BicepFindings.write(report, List.of(), java.util.Optional.empty()))
                .isEqualTo(io.github.hpcblueprints.validate.JsonReport.write(report));
    }
}
