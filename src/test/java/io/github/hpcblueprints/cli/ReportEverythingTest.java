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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 items 5, 6, 7 and 11: every file judged and every problem said (in every format), one verdict for a
 * template and its subscription companion, findings that point at files that exist, and lint told what a file is
 * when it is not a template.
 */
class ReportEverythingTest {

    @TempDir
    Path tmp;

    private Path badBlueprint() throws IOException {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(blueprint("minimal-slurm-nfs.yaml")).replace("maxNodes: 8",
                "maxNodes: 0"));
        return bad;
    }

    @Test
    void validateJudgesEveryFileAndExitsWithTheWorst() throws IOException {
        Path typo = tmp.resolve("typo.yaml");
        Files.writeString(typo, Files.readString(blueprint("minimal-slurm-nfs.yaml")).replace("addressSpace:",
                "adressSpace:"));
        Run r = run("validate", blueprint("minimal-slurm-nfs.yaml").toString(), badBlueprint().toString(),
                blueprint("secure-slurm-lustre.yaml").toString(), typo.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        // both bad files are reported, each where it is wrong
        assertThat(r.err()).contains("bad.yaml:30:").contains("maxNodes").contains("typo.yaml:")
                .contains("adressSpace");
        // and the good ones were judged all the same
        assertThat(r.out()).contains("minimal-slurm-nfs.yaml").contains("secure-slurm-lustre.yaml")
                .contains("2 input problem(s) (not judged)");
    }

    @Test
    void jsonAndSarifCarryTheProblemsToo() throws IOException {
        Path bad = badBlueprint();
        Run json = run("validate", blueprint("minimal-slurm-nfs.yaml").toString(), bad.toString(), "--format",
                "json");
        assertThat(json.code()).isEqualTo(ExitCode.INPUT);
        JsonNode report = JsonTrees.parse(json.out());
        assertThat(report.path("summary").path("problems").asInt()).isEqualTo(1);
        JsonNode problem = report.path("problems").get(0);
        assertThat(problem.path("file").asText()).endsWith("bad.yaml");
        assertThat(problem.path("line").asInt()).isEqualTo(30);
        assertThat(problem.path("path").asText()).isEqualTo("$.cluster.partitions[0].maxNodes");
        assertThat(problem.path("fix").asText()).isNotEmpty();
        assertThat(report.path("summary").path("info").asInt()).as("the good file is judged").isPositive();

        Run sarif = run("validate", blueprint("minimal-slurm-nfs.yaml").toString(), bad.toString(), "--format",
                "sarif");
        assertThat(sarif.code()).isEqualTo(ExitCode.INPUT);
        JsonNode run = JsonTrees.parse(sarif.out()).path("runs").get(0);
        assertThat(run.path("invocations").get(0).path("executionSuccessful").asBoolean()).isFalse();
        assertThat(run.path("results").findValuesAsText("ruleId")).contains("BLUEPRINT-VALUE");
    }

    @Test
    void generateSaysEveryProblemAndWritesNothing() throws IOException {
        Path other = tmp.resolve("other.yaml");
        Files.writeString(other, Files.readString(blueprint("minimal-slurm-nfs.yaml")).replace("budget: 600",
                "budget: -5"));
        Run r = run("generate", badBlueprint().toString(), other.toString(), blueprint("minimal-slurm-nfs.yaml")
                .toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains("bad.yaml:30:").contains("other.yaml:");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void lintOfTheFlagshipFolderGivesTheSameVerdictAsValidate() {
        Path folder = Golden.projectDir().resolve("generated/secure-slurm-lustre");
        Run lint = run("lint", folder.toString(), "--profile", "hardened", "--format", "json");
        Run validate = run("validate", blueprint("secure-slurm-lustre.yaml").toString(), "--format", "json");
        assertThat(lint.code()).as(lint.out()).isZero();
        assertThat(validate.code()).isZero();
        JsonNode l = JsonTrees.parse(lint.out()).path("summary");
        JsonNode v = JsonTrees.parse(validate.out()).path("summary");
        for (String s : List.of("error", "warning", "info")) {
            assertThat(l.path(s).asInt()).as(s).isEqualTo(v.path(s).asInt());
        }
    }

    @Test
    void validateFindingsPointAtTheBlueprintNotAtAFileNeverWritten() {
        Run r = run("validate", blueprint("minimal-slurm-nfs.yaml").toString(), "--format", "sarif");
        JsonNode results = JsonTrees.parse(r.out()).path("runs").get(0).path("results");
        assertThat(results.size()).isPositive();
        for (JsonNode res : results) {
            String uri = res.path("locations").get(0).path("physicalLocation").path("artifactLocation")
                    .path("uri").asText();
            assertThat(uri).as(res.toString()).isEqualTo("blueprints/minimal-slurm-nfs.yaml");
            assertThat(res.path("locations").get(0).path("physicalLocation").path("region").path("startLine")
                    .asInt()).isPositive();
        }
        // the storage account's finding sits at the storage section
        JsonNode storage = null;
        for (JsonNode res : results) {
            if (res.path("ruleId").asText().equals("HPCB-DATA-019")) {
                storage = res;
            }
        }
        assertThat(storage).isNotNull();
        assertThat(storage.path("locations").get(0).path("physicalLocation").path("region").path("startLine")
                .asInt()).isEqualTo(32);
        assertThat(storage.path("message").path("text").asText()).contains("in the generated azuredeploy.json");
    }

    @Test
    void withBicepOnlyFindingsCiteTheBicepDeclaration() throws IOException {
        Path out = tmp.resolve("out");
        Run r = run("generate", blueprint("minimal-slurm-nfs.yaml").toString(), "--out", out.toString(),
                "--format", "bicep");
        assertThat(r.code()).as(r.err()).isZero();
        Path folder = out.resolve("minimal-slurm-nfs");
        JsonNode findings = JsonTrees.parse(Files.readString(folder.resolve("findings.json"))).path("findings");
        List<String> bicep = Files.readAllLines(folder.resolve("main.bicep"));
        int checked = 0;
        for (JsonNode f : findings) {
            String file = f.path("file").asText();
            // findings in the blueprint name it relative to its own folder; the rest name files written here
            Path base = f.path("path").asText().startsWith("$.resources") || file.endsWith(".bicep") ? folder
                    : blueprint("minimal-slurm-nfs.yaml").getParent();
            assertThat(base.resolve(file)).as("every finding cites a file that exists: " + f).exists();
            if (f.has("bicep")) {
                assertThat(file).isEqualTo("main.bicep");
                assertThat(bicep.get(f.path("line").asInt() - 1))
                        .startsWith("resource " + f.path("bicep").path("resource").asText() + " ");
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(3);
    }

    @Test
    void lintSaysWhatAFileIsWhenItIsNotATemplate() throws IOException {
        Path params = tmp.resolve("main.parameters.json");
        Files.writeString(params, """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
                 "contentVersion": "1.0.0.0", "parameters": {}}
                """);
        Path pkg = tmp.resolve("package.json");
        Files.writeString(pkg, "{\"name\": \"x\"}\n");
        Path bicep = Golden.projectDir().resolve("generated/minimal-slurm-nfs/main.bicep");
        Path yaml = blueprint("minimal-slurm-nfs.yaml");
        Path template = Golden.projectDir().resolve("generated/minimal-slurm-nfs/azuredeploy.json");
        Run r = run("lint", params.toString(), pkg.toString(), bicep.toString(), yaml.toString(), template.toString(),
                "--format", "json");
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains("main.parameters.json:1:1: this is an ARM parameters file")
                .contains("package.json:1:1: this is JSON, but not an ARM template")
                .contains("main.bicep:1:1: this is a Bicep file").contains("az bicep build")
                .contains("minimal-slurm-nfs.yaml:1:1: this is YAML").contains("hpcb validate")
                .doesNotContain("Unexpected character");
        // the real template among them is still judged
        assertThat(JsonTrees.parse(r.out()).path("summary").path("problems").asInt()).isEqualTo(4);
        assertThat(JsonTrees.parse(r.out()).path("findings").size()).isPositive();
    }

    @Test
    void lintReportsAnUnreadableFileAndJudgesTheRest() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(dir.resolve("broken.json"), "{\n  \"resources\": [\n    {\"type\": }\n  ]\n}\n");
        Files.copy(Path.of(CliCheckTest.INSECURE), dir.resolve("insecure.json"));
        Run r = run("lint", dir.toString(), "--format", "json");
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains("broken.json:3:");
        assertThat(JsonTrees.parse(r.out()).path("summary").path("error").asInt()).isGreaterThan(5);
    }

    @Test
    void aSuppressionThatMatchesNothingIsReportedAsStale() throws IOException {
        Path b = tmp.resolve("teaching.yaml");
        Files.writeString(b, Files.readString(blueprint("minimal-slurm-nfs.yaml"))
                + "suppressions:\n  - rule: HPCB-NET-001\n    reason: Overlap with the campus range is intended.\n");
        Run r = run("validate", b.toString(), "--format", "json");
        JsonNode stale = null;
        for (JsonNode f : JsonTrees.parse(r.out()).path("findings")) {
            if (f.path("rule").asText().equals("HPCB-STRUCT-017")) {
                stale = f;
            }
        }
        assertThat(stale).as(r.out()).isNotNull();
        assertThat(stale.path("message").asText()).contains("HPCB-NET-001").contains("matches no finding");
        assertThat(stale.path("line").asInt()).isEqualTo(Files.readAllLines(b).size() - 1);
        assertThat(stale.path("severity").asText()).isEqualTo("warning");

        Path file = tmp.resolve("accepted.yaml");
        Files.writeString(file, "- rule: HPCB-NET-007\n  reason: The NAT gateway is in the hub.\n");
        Run lint = run("lint", CliCheckTest.INSECURE, "--suppressions", file.toString());
        assertThat(lint.out()).contains("HPCB-STRUCT-017").contains("accepted.yaml")
                .contains("the suppression of HPCB-NET-007 matches no finding");
    }

    @Test
    void namedChoicesAreParsedTheSameWayInEveryCommand() {
        // one converter per choice: case-insensitive everywhere (lint compared --profile exactly before)
        Run lint = run("lint", CliCheckTest.INSECURE, "--profile", "HARDENED", "--fail-on", "Info");
        assertThat(lint.code()).as(lint.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(lint.out()).contains("(hardened profile)");
        for (String[] bad : List.of(new String[] {"lint", CliCheckTest.INSECURE, "--profile", "strict"},
                new String[] {"validate", blueprint("minimal-slurm-nfs.yaml").toString(), "--profile", "strict"},
                new String[] {"generate", blueprint("minimal-slurm-nfs.yaml").toString(), "--profile", "strict"})) {
            Run r = run(bad);
            assertThat(r.code()).isEqualTo(ExitCode.INPUT);
            assertThat(r.err()).contains("--profile").contains("must be baseline or hardened, not 'strict'");
        }
        Run format = run("generate", blueprint("minimal-slurm-nfs.yaml").toString(), "--format", "xml");
        assertThat(format.err()).contains("--format").contains("must be arm, bicep or both, not 'xml'");
    }

    @Test
    void rulesExplainAcceptsAnIdWithoutItsPrefix() {
        Run r = run("rules", "explain", "access-002");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("HPCB-ACCESS-002");
    }
}
