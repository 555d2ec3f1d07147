package io.github.hpcblueprints.generate;

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
        String findings = """
                {"findings": [
                  {"rule": "A", "file": "azuredeploy.json", "path": "$.resources[0].properties.minimumTlsVersion"},
                  {"rule": "B", "file": "azuredeploy.json", "path": "$.resources[%d].properties.template.resources[0]"},
                  {"rule": "C", "file": "azuredeploy.json", "path": "$.parameters.adminPassword"},
                  {"rule": "D", "file": "cyclecloud/lab.txt", "path": "$.resources[0]"}
                ]}
                """.formatted(module);
        JsonNode out = Json.parse(BicepFindings.annotate(findings, List.of(
                new BicepFindings.Target("azuredeploy.json", "main.bicep", t))));
        assertThat(out.at("/findings/0/bicep")).isEqualTo(Json.obj("file", "main.bicep", "resource", "account"));
        assertThat(out.at("/findings/1/bicep")).isEqualTo(Json.obj("file", "modules/grant-network.bicep",
                "resource", "roleForPrincipal"));
        assertThat(out.at("/findings/2").has("bicep")).isFalse();
        assertThat(out.at("/findings/3").has("bicep")).isFalse();
        assertThat(BicepFindings.annotate(findings, List.of())).isEqualTo(findings);
    }
}
