package io.github.hpcblueprints.cli;

import io.github.hpcblueprints.json.JsonTrees;
import static io.github.hpcblueprints.cli.CliGenerateTest.blueprint;
import static io.github.hpcblueprints.cli.CliGenerateTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.cli.CliGenerateTest.Run;
import io.github.hpcblueprints.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hpcb validate}, {@code lint} and {@code rules}: exit codes 0/1/2, formats, suppressions. */
class CliCheckTest {

    static final String INSECURE = Golden.projectDir().resolve("src/test/resources/lint/insecure.json").toString();

    @TempDir
    Path tmp;

    @Test
    void validatingTheShippedBlueprintsFindsNoErrors() {
        Run r = run("validate", blueprint("minimal-slurm-nfs.yaml").toString(),
                blueprint("secure-slurm-lustre.yaml").toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("0 error(s), 0 warning(s)").contains("suppressed, with reasons:")
                .contains("Short-lived course cluster");
    }

    @Test
    void failOnInfoTurnsNotesIntoExitCodeOne() {
        Run r = run("validate", blueprint("minimal-slurm-nfs.yaml").toString(), "--fail-on", "info");
        assertThat(r.code()).isEqualTo(1);
    }

    @Test
    void aBlueprintCanBeJudgedAsHardened() {
        Run r = run("validate", blueprint("minimal-slurm-nfs.yaml").toString(), "--profile", "hardened");
        // the baseline blueprint writes settings the hardened profile refuses: reported where they are written
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("minimal-slurm-nfs.yaml:").contains("hardened");
    }

    @Test
    void lintExitsOneAndReportsAsJson() {
        Run r = run("--quiet", "lint", INSECURE, "--format", "json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        JsonNode report = JsonTrees.parse(r.out());
        assertThat(report.path("summary").path("error").asInt()).isGreaterThanOrEqualTo(20);
        JsonNode first = report.path("findings").get(0);
        assertThat(first.path("rule").asText()).startsWith("HPCB-");
        assertThat(first.path("line").asInt()).isPositive();
        assertThat(first.path("equivalents").has("checkov")).isTrue();
    }

    @Test
    void lintFailOnLevelsAreRespected() throws IOException {
        Path clean = tmp.resolve("clean.json");
        Files.writeString(clean, """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                 "contentVersion": "1.0.0.0", "parameters": {}, "resources": []}
                """);
        assertThat(run("lint", clean.toString(), "--fail-on", "info").code()).isZero();
        assertThat(run("lint", INSECURE, "--fail-on", "error").code()).isEqualTo(1);
    }

    @Test
    void lintWalksFoldersAndSkipsParametersFiles() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("repo/infra"));
        Files.copy(Path.of(INSECURE), dir.resolve("main.json"));
        Files.writeString(dir.resolve("main.parameters.json"), """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
                 "contentVersion": "1.0.0.0", "parameters": {}}
                """);
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"not a template\"}");
        Run r = run("lint", tmp.resolve("repo").toString(), "--format", "json");
        assertThat(r.err()).contains("linted 1 template(s)");
        assertThat(JsonTrees.parse(r.out()).path("findings")).allSatisfy(f ->
                assertThat(f.path("file").asText()).endsWith("main.json"));
    }

    @Test
    void brokenJsonIsAnInputErrorWithItsPosition() throws IOException {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\n  \"resources\": [\n    {\"type\": }\n  ]\n}\n");
        Run r = run("lint", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.json:3:").doesNotContain("Exception");
    }

    @Test
    void missingPathsAndBadOptionsAreInputErrors() {
        assertThat(run("lint", tmp.resolve("nope.json").toString()).code()).isEqualTo(2);
        Run format = run("lint", INSECURE, "--format", "xml");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("--format").contains("must be text, json or sarif, not 'xml'");
        assertThat(run("validate", blueprint("minimal-slurm-nfs.yaml").toString(), "--fail-on", "fatal").code())
                .isEqualTo(2);
    }

    @Test
    void suppressionsNeedAReasonAndAreListed() throws IOException {
        Path file = tmp.resolve("accepted.yaml");
        Files.writeString(file, """
                - rule: HPCB-ACCESS-002
                  reason: Lab VM behind the university VPN; the NSG is replaced by the campus firewall.
                  target: $.resources[0].properties.securityRules[0]
                - rule: HPCB-DATA-017
                  reason: Throwaway credentials of a teaching database, rotated every term.
                """);
        Run r = run("lint", INSECURE, "--suppressions", file.toString(), "--format", "json");
        JsonNode findings = JsonTrees.parse(r.out()).path("findings");
        long suppressed = 0;
        for (JsonNode f : findings) {
            if (f.has("suppressed")) {
                suppressed++;
                assertThat(f.path("rule").asText()).isIn("HPCB-ACCESS-002", "HPCB-DATA-017");
            }
        }
        assertThat(suppressed).isEqualTo(2);
        assertThat(JsonTrees.parse(r.out()).path("summary").path("suppressed").asInt()).isEqualTo(2);

        Files.writeString(file, "- rule: HPCB-ACCESS-002\n  target: ssh\n");
        Run missing = run("lint", INSECURE, "--suppressions", file.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("accepted.yaml:1:").contains("needs a reason");
    }

    @Test
    void aBlueprintSuppressingARuleThatDoesNotExistIsRefusedWhereItIsWritten() throws IOException {
        Path b = tmp.resolve("teaching.yaml");
        Files.writeString(b, Files.readString(blueprint("minimal-slurm-nfs.yaml"))
                + "suppressions:\n  - rule: HPCB-NET-044\n    reason: We mean the private endpoint rule.\n");
        Run r = run("validate", b.toString());
        assertThat(r.code()).isEqualTo(2);
        long lines = Files.readAllLines(b).size();
        assertThat(r.err()).contains("teaching.yaml:" + (lines - 1) + ":").contains("there is no rule HPCB-NET-044")
                .contains("did you mean HPCB-NET-004?");
        assertThat(run("generate", b.toString(), "--out", tmp.resolve("out").toString()).code()).isEqualTo(2);
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void sarifOutputIsWhatCodeScanningReads() {
        Run r = run("lint", INSECURE, "--format", "sarif");
        JsonNode sarif = JsonTrees.parse(r.out());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.path("runs").get(0).path("results").size()).isGreaterThan(20);
    }

    @Test
    void rulesListsAndExplains() {
        Run list = run("rules");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("HPCB-NET-004").contains("rules.");
        Run json = run("rules", "--format", "json");
        assertThat(JsonTrees.parse(json.out()).path("rules").size()).isGreaterThanOrEqualTo(40);
        Run explain = run("rules", "explain", "hpcb-data-013");
        assertThat(explain.code()).isZero();
        assertThat(explain.out()).startsWith("HPCB-DATA-013: Key Vault can be purged").contains("fix: ");
        Run unknown = run("rules", "explain", "HPCB-DATA-13");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no rule HPCB-DATA-13").contains("did you mean HPCB-DATA-013?");
    }
}
