package io.github.hpcblueprints.cli;

import static io.github.hpcblueprints.cli.CliGenerateTest.blueprint;
import static io.github.hpcblueprints.cli.CliGenerateTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.cli.CliGenerateTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 15 items 1 and 2: generate never loses a user's file, and a run killed mid-swap is recovered. */
class OutputSafetyTest {

    @TempDir
    Path tmp;

    /** A project folder whose src/ would be replaced by a blueprint named src.yaml written with --out . */
    private Path projectWithSources() throws IOException {
        Path project = tmp.resolve("project");
        Files.createDirectories(project.resolve("src/main"));
        Files.writeString(project.resolve("src/main/App.java"), "class App {}\n");
        Files.copy(blueprint("minimal-slurm-nfs.yaml"), project.resolve("src.yaml"));
        return project;
    }

    @Test
    void refusesToReplaceAFolderItDidNotWriteAndTouchesNothing() throws IOException {
        Path project = projectWithSources();
        Run r = run("generate", project.resolve("src.yaml").toString(), "--out", project.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains("was not written by hpcb generate").contains("main/App.java")
                .contains("--force").contains("another --out");
        assertThat(project.resolve("src/main/App.java")).hasContent("class App {}");
        assertThat(names(project.resolve("src"))).containsExactly("main");
        assertThat(names(project)).containsExactly("src", "src.yaml");
    }

    @Test
    void forceWritesIntoAForeignFolderButDeletesNothing() throws IOException {
        Path project = projectWithSources();
        Run r = run("generate", project.resolve("src.yaml").toString(), "--out", project.toString(), "--force");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("kept your files").contains("main/App.java");
        assertThat(project.resolve("src/main/App.java")).hasContent("class App {}");
        assertThat(project.resolve("src/azuredeploy.json")).exists();
        assertThat(names(project)).containsExactly("src", "src.yaml");
    }

    @Test
    void keepsFilesAUserAddsToTheOutputFolder() throws IOException {
        Path out = tmp.resolve("out");
        assertThat(generate(out).code()).isZero();
        Path folder = out.resolve("minimal-slurm-nfs");
        Files.writeString(folder.resolve("NOTES.md"), "my notes\n");
        Files.createDirectories(folder.resolve("cyclecloud/mine"));
        Files.writeString(folder.resolve("cyclecloud/mine/extra.sh"), "echo mine\n");
        Run again = generate(out);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(folder.resolve("NOTES.md")).hasContent("my notes");
        assertThat(folder.resolve("cyclecloud/mine/extra.sh")).hasContent("echo mine");
        assertThat(manifest(folder)).doesNotContain("NOTES.md").doesNotContain("extra.sh");
    }

    @Test
    void refusesToOverwriteAnEditedGeneratedFileUnlessForced() throws IOException {
        Path out = tmp.resolve("out");
        generate(out);
        Path bicep = out.resolve("minimal-slurm-nfs/main.bicep");
        Files.writeString(bicep, Files.readString(bicep) + "// my change\n");
        Run r = generate(out);
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains("edited since").contains("main.bicep").contains("--force");
        assertThat(Files.readString(bicep)).endsWith("// my change\n");
        Run forced = run("generate", blueprint("minimal-slurm-nfs.yaml").toString(), "--out", out.toString(),
                "--force");
        assertThat(forced.code()).isZero();
        assertThat(Files.readString(bicep)).doesNotContain("my change");
    }

    @Test
    void refusesAUserFileWhereAGeneratedOneMustGo() throws IOException {
        Path out = tmp.resolve("out");
        generate(out);
        Path folder = out.resolve("minimal-slurm-nfs");
        // remove a generated file from the manifest's view: the user now owns a file at that path
        Path manifestFile = folder.resolve(".hpcb-manifest");
        List<String> lines = new ArrayList<>(Files.readAllLines(manifestFile));
        lines.removeIf(l -> l.endsWith("  main.bicepparam"));
        Files.write(manifestFile, lines);
        Run r = generate(out);
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains("did not write").contains("main.bicepparam");
    }

    @Test
    void theManifestIsSha256sumOfEveryFileWritten() throws Exception {
        Path out = tmp.resolve("out");
        generate(out);
        Path folder = out.resolve("minimal-slurm-nfs");
        List<String> lines = Files.readAllLines(folder.resolve(".hpcb-manifest"));
        List<String> files;
        try (Stream<Path> s = Files.walk(folder)) {
            files = s.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString())
                    .filter(p -> !p.equals(".hpcb-manifest")).sorted().toList();
        }
        assertThat(lines).hasSize(files.size());
        for (String line : lines) {
            String hash = line.substring(0, 64);
            String file = line.substring(66);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(folder.resolve(file)));
            assertThat(HexFormat.of().formatHex(digest)).as(file).isEqualTo(hash);
        }
    }

    @Test
    void filesNoLongerGeneratedAreRemovedButOnlyThose() throws IOException {
        Path out = tmp.resolve("out");
        generate(out);
        Path folder = out.resolve("minimal-slurm-nfs");
        Run arm = run("generate", blueprint("minimal-slurm-nfs.yaml").toString(), "--out", out.toString(),
                "--format", "arm");
        assertThat(arm.code()).as(arm.err()).isZero();
        assertThat(folder.resolve("main.bicep")).doesNotExist();
        assertThat(folder.resolve("azuredeploy.json")).exists();
    }

    @Test
    void adoptsAnOutputFolderWrittenBeforeManifestsExisted() throws IOException {
        Path out = tmp.resolve("out");
        generate(out);
        Path folder = out.resolve("minimal-slurm-nfs");
        Files.delete(folder.resolve(".hpcb-manifest"));
        Files.writeString(folder.resolve("mine.txt"), "mine\n");
        Run r = generate(out);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(folder.resolve(".hpcb-manifest")).exists();
        assertThat(folder.resolve("mine.txt")).hasContent("mine");
    }

    @Test
    void oneRefusedFolderMeansNoFolderIsWritten() throws IOException {
        Path out = tmp.resolve("out");
        Files.createDirectories(out.resolve("research-instances"));
        Files.writeString(out.resolve("research-instances/theirs.txt"), "theirs\n");
        Run r = run("generate", blueprint("minimal-slurm-nfs.yaml").toString(),
                blueprint("research-instances.yaml").toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(names(out)).containsExactly("research-instances");
    }

    @Test
    void aFileWhereTheFolderShouldBeIsRefusedEvenWithForce() throws IOException {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("minimal-slurm-nfs"), "a file\n");
        Run r = run("generate", blueprint("minimal-slurm-nfs.yaml").toString(), "--out", out.toString(), "--force");
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(out.resolve("minimal-slurm-nfs")).hasContent("a file");
    }

    /**
     * Kills the JVM (Runtime.halt, no finally blocks) at each step of the swap, then runs generate again: the output
     * comes back whole, the user's file survives, no hidden leftovers remain, and lint never reads them meanwhile.
     */
    @ParameterizedTest
    @ValueSource(strings = {"staged", "old-moved", "swapped"})
    void recoversFromAKillAtEachStepOfTheSwap(String point) throws Exception {
        Path out = tmp.resolve("out");
        generate(out);
        Path folder = out.resolve("minimal-slurm-nfs");
        Files.writeString(folder.resolve("mine.txt"), "mine\n");
        String before = Files.readString(folder.resolve("azuredeploy.json"));

        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dhpcb.crashAt=" + point, "-cp", System.getProperty("java.class.path"),
                "io.github.hpcblueprints.cli.Main", "--quiet", "generate",
                blueprint("minimal-slurm-nfs.yaml").toString(), "--out", out.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(log).isEqualTo(137);
        assertThat(names(out)).as("hidden swap folders are left by the kill").anyMatch(n -> n.startsWith("."));
        if (point.equals("old-moved")) {
            assertThat(folder).doesNotExist();
        }

        Run lint = run("lint", out.toString());
        assertThat(lint.err()).doesNotContain(".staging-").doesNotContain(".old-");
        assertThat(lint.out()).doesNotContain(".staging-").doesNotContain(".old-");

        Run again = generate(out);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(names(out)).containsExactly("minimal-slurm-nfs");
        assertThat(folder.resolve("mine.txt")).hasContent("mine");
        assertThat(folder.resolve("azuredeploy.json")).hasContent(before.stripTrailing());
        assertThat(manifest(folder)).contains("  azuredeploy.json");
    }

    private Run generate(Path out) {
        return run("generate", blueprint("minimal-slurm-nfs.yaml").toString(), "--out", out.toString());
    }

    private static String manifest(Path folder) throws IOException {
        return Files.readString(folder.resolve(".hpcb-manifest"));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
