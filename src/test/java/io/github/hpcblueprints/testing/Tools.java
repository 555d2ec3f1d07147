package io.github.hpcblueprints.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real programs tests let read what we generate (Slurm, cloud-init, systemd), from Debian's packages. Outside CI
 * a missing one skips the test with the package to install; under CI ({@code CI=true}, where {@code .ci/run}
 * installs them) it fails it, so CI can never pass by skipping.
 */
public final class Tools {

    private Tools() {
    }

    /** {@code executable}, or a skip (a failure under CI) naming {@code debianPackage}. */
    public static Path require(String executable, String debianPackage) {
        Path p = Path.of(executable);
        if (!Files.isExecutable(p)) {
            String message = executable + " is not installed (Debian package " + debianPackage + "; .ci/run installs "
                    + "it)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but " + message);
            }
            assumeTrue(false, message + ": skipping");
        }
        return p;
    }
}
