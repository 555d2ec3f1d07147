package io.github.hpcblueprints.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void nothingAppearsUntilCommitAndThenEverythingDoes() throws IOException {
        Path target = tmp.resolve("out");
        try (StagedDirectory d = StagedDirectory.create(target)) {
            d.write("a.json", "{}\n");
            d.write("sub/b.txt", "b");
            assertThat(target).doesNotExist();
            d.commit();
        }
        assertThat(target.resolve("a.json")).hasContent("{}");
        assertThat(target.resolve("sub/b.txt")).hasContent("b");
        assertThat(siblings()).containsExactly("out");
    }

    @Test
    void aFailureBeforeCommitLeavesThePreviousOutputUntouched() throws IOException {
        Path target = tmp.resolve("out");
        Files.createDirectories(target);
        Files.writeString(target.resolve("old.txt"), "previous");
        assertThatThrownBy(() -> {
            try (StagedDirectory d = StagedDirectory.create(target)) {
                d.write("new.txt", "half");
                throw new IllegalStateException("generation failed midway");
            }
        }).hasMessage("generation failed midway");
        assertThat(target.resolve("old.txt")).hasContent("previous");
        assertThat(target.resolve("new.txt")).doesNotExist();
        assertThat(siblings()).containsExactly("out");
    }

    @Test
    void commitReplacesWhatItWroteBeforeSoStaleFilesGo() throws IOException {
        Path target = tmp.resolve("out");
        try (StagedDirectory d = StagedDirectory.create(target)) {
            d.write("stale.txt", "old");
            d.commit();
        }
        try (StagedDirectory d = StagedDirectory.create(target)) {
            d.write("fresh.txt", "new");
            d.commit();
        }
        assertThat(target.resolve("stale.txt")).doesNotExist();
        assertThat(target.resolve("fresh.txt")).hasContent("new");
    }

    @Test
    void refusesPathsOutsideTheFolder() {
        try (StagedDirectory d = StagedDirectory.create(tmp.resolve("out"))) {
            assertThatThrownBy(() -> d.write("../escape.txt", "x")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(tmp.resolve("escape.txt")).doesNotExist();
    }

    private String[] siblings() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }
}
