package io.github.hpcblueprints.validate;

import io.github.hpcblueprints.json.JsonTrees;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.rules.Catalogue;
import io.github.hpcblueprints.rules.Finding;
import io.github.hpcblueprints.rules.Report;
import io.github.hpcblueprints.rules.Suppression;
import io.github.hpcblueprints.testing.Golden;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The three report formats: SARIF as code-scanning tools require it, JSON with equivalents, text for people. */
class ReportFormatsTest {

    static Report report;

    @BeforeAll
    static void lint() {
        Path file = Golden.projectDir().resolve("src/test/resources/lint/insecure.json");
        report = new ValidationService().lint(List.of(file), false, Optional.empty(), List.of(
                new Suppression("HPCB-ACCESS-003", "Replaced by the campus firewall in this lab.", "", "", "test")));
    }

    @Test
    void sarifHasTheStructureCodeScanningRequires() {
        JsonNode sarif = JsonTrees.parse(SarifReport.write(report));
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.path("$schema").asText()).contains("sarif-2.1.0");
        assertThat(sarif.path("runs")).hasSize(1);
        JsonNode run = sarif.path("runs").get(0);
        JsonNode driver = run.path("tool").path("driver");
        assertThat(driver.path("name").asText()).isEqualTo("hpc-blueprints");
        assertThat(driver.path("informationUri").asText()).startsWith("https://");

        JsonNode rules = driver.path("rules");
        assertThat(rules.size()).isEqualTo(Catalogue.standard().infos().size());
        Set<String> ids = new HashSet<>();
        for (JsonNode r : rules) {
            ids.add(r.path("id").asText());
            assertThat(r.path("shortDescription").path("text").asText()).isNotBlank();
            assertThat(r.path("fullDescription").path("text").asText()).isNotBlank();
            assertThat(r.path("help").path("text").asText()).isNotBlank();
            assertThat(r.path("help").path("markdown").asText()).contains("**Fix:**");
            assertThat(r.path("helpUri").asText()).startsWith("https://").contains("rules.md#hpcb-");
            assertThat(r.path("defaultConfiguration").path("level").asText()).isIn("error", "warning", "note");
        }

        JsonNode results = run.path("results");
        assertThat(results.size()).isEqualTo(report.findings().size());
        for (JsonNode r : results) {
            String ruleId = r.path("ruleId").asText();
            assertThat(ids).contains(ruleId);
            assertThat(rules.get(r.path("ruleIndex").asInt()).path("id").asText()).isEqualTo(ruleId);
            assertThat(r.path("level").asText()).isIn("error", "warning", "note");
            assertThat(r.path("message").path("text").asText()).isNotBlank();
            JsonNode physical = r.path("locations").get(0).path("physicalLocation");
            assertThat(physical.path("artifactLocation").path("uri").asText()).startsWith("file:/")
                    .endsWith("insecure.json");
            assertThat(physical.path("region").path("startLine").asInt()).isPositive();
            assertThat(physical.path("region").path("startColumn").asInt()).isPositive();
            assertThat(r.path("locations").get(0).path("logicalLocations").get(0).path("fullyQualifiedName")
                    .asText()).startsWith("$");
        }
        List<JsonNode> suppressed = new java.util.ArrayList<>();
        results.forEach(r -> {
            if (r.has("suppressions")) {
                suppressed.add(r);
            }
        });
        assertThat(suppressed).hasSize(1);
        assertThat(suppressed.get(0).path("suppressions").get(0).path("justification").asText())
                .contains("campus firewall");
    }

    @Test
    void sarifMakesRelativePathsPortableAndAbsoluteOnesFileUris() {
        assertThat(SarifReport.uri("generated/a b/azuredeploy.json")).isEqualTo("generated/a%20b/azuredeploy.json");
        assertThat(SarifReport.uri("/tmp/x.json")).isEqualTo("file:///tmp/x.json");
    }

    @Test
    void jsonCountsActiveFindingsAndListsSuppressedWithReasons() {
        JsonNode json = JsonTrees.parse(JsonReport.write(report));
        assertThat(json.path("profile").asText()).isEqualTo("baseline");
        long errors = report.active().stream().filter(f -> f.severity().label().equals("error")).count();
        assertThat(json.path("summary").path("error").asLong()).isEqualTo(errors);
        assertThat(json.path("summary").path("suppressed").asInt()).isEqualTo(1);
        JsonNode rdp = null;
        for (JsonNode f : json.path("findings")) {
            if (f.path("rule").asText().equals("HPCB-ACCESS-003")) {
                rdp = f;
            }
        }
        assertThat(rdp).isNotNull();
        assertThat(rdp.path("suppressed").asText()).contains("campus firewall");
        assertThat(rdp.path("equivalents").path("checkov").get(0).asText()).isEqualTo("CKV_AZURE_9");
        assertThat(rdp.path("resource").asText()).contains("nsg-lab");
    }

    @Test
    void textGroupsByFileMostSevereFirstWithTheFix() {
        String text = TextReport.write(report, false);
        assertThat(text).doesNotContain("\u001b[");
        assertThat(text.lines().findFirst().orElseThrow()).endsWith("insecure.json");
        assertThat(text).contains("fix: Remove the rule; administer through Azure Bastion")
                .contains("suppressed, with reasons:").contains("HPCB-ACCESS-003");
        int firstWarning = text.indexOf("  warning ");
        int lastError = text.lastIndexOf("  error ");
        assertThat(lastError).isLessThan(firstWarning);
        assertThat(TextReport.write(report, true)).contains("\u001b[");
        List<Finding> active = report.active();
        assertThat(text).contains(active.size() - count("warning") - count("info") + " error(s)");
    }

    private static long count(String level) {
        return report.active().stream().filter(f -> f.severity().label().equals(level)).count();
    }
}
