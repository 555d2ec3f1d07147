package io.github.hpcblueprints.cli;

import static io.github.hpcblueprints.cli.CliGenerateTest.blueprint;
import static io.github.hpcblueprints.cli.CliGenerateTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.cli.CliGenerateTest.Run;
import io.github.hpcblueprints.testing.BlueprintVariants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15 items 3, 4 and 10: input a typed builder refuses, numbers out of range in any notation, and oversize or
 * absurdly nested files all reach the user as located problems with exit 2, never a crash (exit 3) or a silent
 * wrap-around; generate writes nothing for them.
 */
class RefusedInputTest {

    @TempDir
    Path tmp;

    /** Copies a shipped blueprint (with the profiles it extends) with one text replaced. */
    private Path variant(String shipped, String from, String to) throws IOException {
        return BlueprintVariants.variant(tmp, shipped, from, to);
    }

    private Run refused(Path file, String wherePath) {
        Run v = run("validate", file.toString());
        assertThat(v.code()).as(v.err()).isEqualTo(ExitCode.INPUT);
        assertThat(v.err()).matches("(?s)error: \\S+\\.yaml:\\d+:\\d+ \\Q" + wherePath + "\\E: .*\\n  fix: .*")
                .doesNotContain("Exception").doesNotContain("internal error");
        Path out = tmp.resolve("out");
        Run g = run("generate", file.toString(), "--out", out.toString());
        assertThat(g.code()).isEqualTo(ExitCode.INPUT);
        assertThat(out).doesNotExist();
        return v;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "image: ubuntu2204|image: ubuntu2004|$.researchInstances[0].image|is not an alias",
        "image: ubuntu2204|image: canonical:ubuntu:22|$.researchInstances[0].image|publisher:offer:sku:version",
        "image: ubuntu2204|image: 'canonical:ubuntu::latest'|$.researchInstances[0].image|URN"})
    void refusesAnImageAVmCannotBeCreatedFrom(String from, String to, String path, String says) throws IOException {
        assertThat(refused(variant("research-instances.yaml", from, to), path).err()).contains(says);
    }

    @Test
    void refusesABlobContainerNameAzureRefuses() throws IOException {
        Run r = refused(variant("secure-slurm-lustre.yaml", "containers: [inbox, outbox]",
                "containers: [Inbox_1, outbox]"), "$.storage.blob.containers[0]");
        assertThat(r.err()).contains("'Inbox_1'").contains("lowercase");
    }

    @Test
    void refusesAnIdleStopShorterThanTheAgentCanTell() throws IOException {
        Run r = refused(variant("research-instances.yaml", "    mounts: [/data]\n    autoShutdown:",
                "    mounts: [/data]\n    idleStop:\n      minutes: 5\n    autoShutdown:"),
                "$.researchInstances[1].idleStop");
        assertThat(r.err()).contains("15 to 1440 minutes").contains("or 0 to turn it off");
        refused(variant("research-instances.yaml", "budget: 1200", "budget: 1200\n  idleStop:\n    cpuPercent: 0"),
                "$.cost.idleStop.cpuPercent");
    }

    @Test
    void refusesTheSameBlobContainerTwice() throws IOException {
        refused(variant("secure-slurm-lustre.yaml", "containers: [inbox, outbox]", "containers: [inbox, inbox]"),
                "$.storage.blob.containers[0]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "minimal-slurm-nfs.yaml|budget: 600|budget: 1.0e100|$.cost.budget|from 0 to 100000000",
        "minimal-slurm-nfs.yaml|maxNodes: 8|maxNodes: 1.0e100|$.cluster.partitions[0].maxNodes|from 1 to 10000",
        "minimal-slurm-nfs.yaml|maxNodes: 8|maxNodes: 2147483649|$.cluster.partitions[0].maxNodes|from 1 to 10000",
        "minimal-slurm-nfs.yaml|count: 1|count: 1.0e100|$.cluster.login.count|from 0 to 100",
        "minimal-slurm-nfs.yaml|count: 1|count: -1.0e100|$.cluster.login.count|from 0 to 100",
        "minimal-slurm-nfs.yaml|quotaGiB: 100|quotaGiB: 1.0e3|$.storage.azureFiles.quotaGiB|XX",
        "minimal-slurm-nfs.yaml|maxNodes: 8|maxNodes: 8.5|$.cluster.partitions[0].maxNodes|whole number"})
    void refusesNumbersOutOfRangeInAnyNotation(String shipped, String from, String to, String path, String range)
            throws IOException {
        Path file = variant(shipped, from, to);
        if (range.equals("XX")) {
            // 1.0e3 is the whole number 1000, in range: accepted, and the template says 1000
            Run ok = run("validate", file.toString());
            assertThat(ok.code()).as(ok.err()).isIn(0, 1);
            return;
        }
        assertThat(refused(file, path).err()).contains(range);
    }

    @Test
    void refusesAnOversizeBlueprintAtOnceWithTheLimit() throws IOException {
        Path file = variant("minimal-slurm-nfs.yaml", "description: Teaching cluster for the HPC course.",
                "description: " + "x".repeat(10_000_000));
        Run r = run("validate", file.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains(":1:1: the file is too large to be a blueprint").contains("at most 1048576");
    }

    @Test
    void refusesDeepNestingWhereItHappens() throws IOException {
        Path file = variant("minimal-slurm-nfs.yaml", "owner: research-computing",
                "owner: research-computing\n  deep: " + "[".repeat(3000) + "]".repeat(3000));
        Run r = run("validate", file.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).containsPattern("minimal-slurm-nfs.yaml:13:\\d+ \\$\\.tags\\.deep\\[0\\]")
                .contains("nested more than 64 levels deep").doesNotContain("StreamReadConstraints");
    }

    @Test
    void refusesDeeplyNestedJsonInLintWithALocation() throws IOException {
        Path file = tmp.resolve("deep.json");
        Files.writeString(file, "{\"a\":".repeat(3000) + "1" + "}".repeat(3000));
        Run r = run("lint", file.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).containsPattern("deep.json:1:\\d+ ").contains("nested more than 500 levels deep")
                .doesNotContain("StreamReadConstraints");
    }

    @Test
    void bareHpcbIsAUsageError() {
        Run r = run();
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains("Commands:").contains("a command is required");
        assertThat(r.out()).isEmpty();
    }
}
