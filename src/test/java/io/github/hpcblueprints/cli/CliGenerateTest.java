package io.github.hpcblueprints.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.testing.Golden;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hpcb generate} as a user meets it: exit codes, stdout/stderr, and what is (not) written. */
class CliGenerateTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path blueprint(String name) {
        return Golden.projectDir().resolve("blueprints").resolve(name);
    }

    @Test
    void generatesTheDefaultBlueprintAndPrintsTheFolder() throws IOException {
        Path out = tmp.resolve("out");
        Run r = run("generate", blueprint("minimal-slurm-nfs.yaml").toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path folder = out.resolve("minimal-slurm-nfs");
        assertThat(r.out().strip()).isEqualTo(folder.toAbsolutePath().toString());
        assertThat(r.err()).startsWith("generated 1 blueprint(s) in ");
        assertThat(folder.resolve("azuredeploy.json")).hasSameTextualContentAs(
                Golden.projectDir().resolve("generated/minimal-slurm-nfs/azuredeploy.json"));
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("minimal-slurm-nfs");
        }
    }

    @Test
    void quietPrintsOnlyResults() {
        Run r = run("--quiet", "generate", blueprint("minimal-slurm-nfs.yaml").toString(), "--out",
                tmp.resolve("o").toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void badInputExitsTwoWithALocatedErrorAndNoStackTraceAndWritesNothing() throws IOException {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "name: bad\nregion: uksouth\ntags: {owner: x}\nnetwork:\n  adressSpace: 10.0.0.0/16\n");
        Path out = tmp.resolve("out");
        Run r = run("generate", blueprint("minimal-slurm-nfs.yaml").toString(), bad.toString(), "--out",
                out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: " + bad + ":5:3 $.network.adressSpace: unknown key 'adressSpace'")
                .contains("fix: did you mean 'addressSpace'?")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();      // the good blueprint was not written either
    }

    @Test
    void aMissingFileIsBadInput() {
        Run r = run("generate", tmp.resolve("nope.yaml").toString(), "--out", tmp.resolve("o").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nope.yaml").doesNotContain("Exception");
    }

    @Test
    void debugAddsTheStackTrace() throws IOException {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "name: [\n");
        Run r = run("--debug", "generate", bad.toString(), "--out", tmp.resolve("o").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("BlueprintException").contains("\tat ");
    }

    @Test
    void usageErrorsExitTwo() {
        Run r = run("generate", "x.yaml", "--frobnicate");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--frobnicate'").contains("Try 'hpcb generate --help'");
        Run p = run("generate", blueprint("minimal-slurm-nfs.yaml").toString(), "--profile", "paranoid",
                "--out", tmp.resolve("o").toString());
        assertThat(p.code()).isEqualTo(2);
        assertThat(p.err()).contains("option '--profile': must be baseline or hardened");
    }

    @Test
    void formatChoosesArmBicepOrBoth() throws IOException {
        for (String format : new String[] {"arm", "bicep", "both", "BICEP"}) {
            Path out = tmp.resolve("out-" + format);
            Run r = run("generate", blueprint("existing-vnet.yaml").toString(), "--format", format, "--out",
                    out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            Path folder = out.resolve("existing-vnet");
            boolean arm = !format.equalsIgnoreCase("bicep");
            boolean bicep = !format.equals("arm");
            for (String f : new String[] {"azuredeploy.json", "azuredeploy.parameters.json", "subscription.json",
                "subscription.parameters.json"}) {
                assertThat(Files.exists(folder.resolve(f))).as(format + ": " + f).isEqualTo(arm);
            }
            for (String f : new String[] {"main.bicep", "main.bicepparam", "subscription.bicep",
                "subscription.bicepparam", "modules/grant-physics-subnet-join.bicep"}) {
                assertThat(Files.exists(folder.resolve(f))).as(format + ": " + f).isEqualTo(bicep);
            }
            // the rest is the same whatever the format, and findings always say where to look in Bicep
            assertThat(folder.resolve("cyclecloud/physics.txt")).exists();
            assertThat(Files.readString(folder.resolve("findings.json")).contains("\"bicep\": {")).isEqualTo(bicep);
            if (bicep) {
                assertThat(folder.resolve("main.bicep")).hasSameTextualContentAs(
                        Golden.projectDir().resolve("generated/existing-vnet/main.bicep"));
            }
        }
        Run bad = run("generate", blueprint("existing-vnet.yaml").toString(), "--format", "terraform", "--out",
                tmp.resolve("bad").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("option '--format': must be arm, bicep or both, not 'terraform'");
        assertThat(tmp.resolve("bad")).doesNotExist();
    }

    @Test
    void profileOverridesTheBlueprint() throws IOException {
        Path out = tmp.resolve("out");
        Run r = run("generate", blueprint("research-instances.yaml").toString(), "--profile", "baseline", "--out",
                out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String committed = Files.readString(Golden.projectDir()
                .resolve("generated/research-instances/azuredeploy.json"));
        String t = Files.readString(out.resolve("research-instances/azuredeploy.json"));
        assertThat(committed).contains("Microsoft.Network/privateEndpoints");
        assertThat(t).doesNotContain("Microsoft.Network/privateEndpoints");
    }

    @Test
    void aHardenedOverrideRefusesWhatTheBlueprintLoosenedExplicitly() {
        Path out = tmp.resolve("out");
        Run r = run("generate", blueprint("minimal-slurm-nfs.yaml").toString(), "--profile", "hardened", "--out",
                out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("minimal-slurm-nfs.yaml:16:").contains("$.network.privateEndpoints")
                .contains("only through private endpoints");
        assertThat(out).doesNotExist();
    }

    @Test
    void versionAndHelp() {
        Run v = run("--version");
        assertThat(v.code()).isZero();
        assertThat(v.out()).startsWith("hpc-blueprints ");
        Run h = run("--help");
        assertThat(h.code()).isZero();
        assertThat(h.out()).contains("generate").contains("--quiet").contains("--debug");
    }
}
