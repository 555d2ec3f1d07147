package io.github.hpcblueprints.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.hpcblueprints.validate.ArmSchemaValidator;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared test data beside the project ({@code ../shared}: ARM schemas, third-party corpus). Tests that need it
 * skip with a message where it is absent; under CI ({@code CI=true}) its absence fails them instead, so CI can never
 * go green without them.
 */
public final class Shared {

    private static ArmSchemaValidator validator;

    private Shared() {
    }

    /** The shared folder; skips (or, under CI, fails) the calling test when it is missing. */
    public static Path folder() {
        Path p = Path.of(System.getProperty("hpcb.shared", "../shared")).toAbsolutePath().normalize();
        boolean present = Files.isDirectory(p.resolve("arm-schemas")) && Files.isDirectory(p.resolve("corpus"));
        if (!present) {
            String message = "../shared (ARM schemas and corpus) not found at " + p
                    + "; set -Dhpcb.shared=DIR to point at it";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but " + message);
            }
            assumeTrue(false, "skipped: " + message);
        }
        return p;
    }

    public static Path armSchemas() {
        return folder().resolve("arm-schemas");
    }

    public static Path corpus() {
        return folder().resolve("corpus");
    }

    /** One validator for the whole test run: loading schemas takes seconds, a check takes microseconds. */
    public static synchronized ArmSchemaValidator validator() {
        if (validator == null) {
            validator = ArmSchemaValidator.load(armSchemas());
        }
        return validator;
    }
}
