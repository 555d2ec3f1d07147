package io.github.hpcblueprints.diagnostics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * This generator's name and version, as stamped into every file it writes (no timestamps: they would break
 * byte-identical output).
 */
public final class Generator {

    public static final String NAME;
    public static final String VERSION;
    /** The project's home page, where the rule catalogue and lessons are published. */
    public static final String URL;

    static {
        Properties p = new Properties();
        try (InputStream in = Generator.class.getResourceAsStream("/io/github/hpcblueprints/generator.properties")) {
            if (in == null) {
                throw new IllegalStateException("generator.properties is missing from the jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NAME = p.getProperty("name");
        VERSION = p.getProperty("version");
        URL = p.getProperty("url");
    }

    private Generator() {
    }

    /** A file of the project's sources on its home page ({@code learning-path/rules.md#x}). */
    public static String link(String relativePath) {
        return URL + "/blob/main/" + relativePath;
    }

    /** {@code hpc-blueprints 0.1.0}. */
    public static String describe() {
        return NAME + " " + VERSION;
    }
}
