package io.github.hpcblueprints.cli;

import io.github.hpcblueprints.files.StagedDirectory;
import io.github.hpcblueprints.hpc.SecurityProfile;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options of the commands that write an environment's folder ({@code generate}, {@code docs}). */
final class OutputOptions {

    @Option(names = "--out", defaultValue = "generated", paramLabel = "DIR",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "Override the blueprint's security profile: "
            + "baseline or hardened.")
    SecurityProfile profile;

    @Option(names = "--force", description = "Write into an output folder hpcb did not write, or whose generated "
            + "files were edited (replaces them; never deletes a file hpcb did not write).")
    boolean force;

    Optional<SecurityProfile> profileOverride() {
        return Optional.ofNullable(profile);
    }

    StagedDirectory.Overwrite overwrite() {
        return force ? StagedDirectory.Overwrite.FORCE : StagedDirectory.Overwrite.SAFE;
    }
}
