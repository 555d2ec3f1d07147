package io.github.hpcblueprints.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/}. They are reviewed like code and never edited by hand:
 * {@code mvn -Dhpcb.updateGolden=true test} rewrites them from the current output.
 */
public final class Golden {

    private Golden() {
    }

    public static Path root() {
        return Path.of(System.getProperty("hpcb.projectDir", ".")).resolve("src/test/resources/golden");
    }

    public static boolean updating() {
        return Boolean.parseBoolean(System.getProperty("hpcb.updateGolden", "false"));
    }

    /** Asserts {@code actual} equals the golden file, or rewrites the file when updating. */
    public static void assertMatches(String relativePath, String actual) {
        assertFile(root().resolve(relativePath), actual);
    }

    /** The project folder (where {@code generated/} and {@code blueprints/} live). */
    public static Path projectDir() {
        return Path.of(System.getProperty("hpcb.projectDir", "."));
    }

    /**
     * Asserts a file of the project (such as {@code generated/...}, the committed output that serves as the golden
     * set for blueprints) equals {@code actual}, or rewrites it when updating.
     */
    public static void assertProjectFile(String relativePath, String actual) {
        assertFile(projectDir().resolve(relativePath), actual);
    }

    private static void assertFile(Path file, String actual) {
        String relativePath = file.toString();
        try {
            if (updating()) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                fail("golden file " + file + " is missing; run: mvn -Dhpcb.updateGolden=true test");
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            assertEquals(expected, actual, "output differs from golden file " + relativePath
                    + " (if the change is intended: mvn -Dhpcb.updateGolden=true test, then review the diff)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
