package io.github.hpcblueprints.cli;

import io.github.hpcblueprints.hpc.SecurityProfile;
import io.github.hpcblueprints.rules.Report;
import io.github.hpcblueprints.generate.Pipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code hpcb validate BLUEPRINT...}: compiles each blueprint and runs the structural checks and rules. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check blueprints: compile them as generate would, run the structural checks and every rule, "
                + "write nothing.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    Cli cli;

    @Mixin
    CheckOptions options;

    @Parameters(arity = "1..*", paramLabel = "BLUEPRINT", description = "Blueprint YAML files.")
    List<Path> blueprints;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "Judge as baseline or hardened (default: the "
            + "blueprint's profile).")
    SecurityProfile profile;

    @Override
    public Integer call() {
        Optional<SecurityProfile> override = Optional.ofNullable(profile);
        Report report = new Pipeline().validateAll(blueprints, override, options.schemas());
        return options.finish(cli, report);
    }
}
