package io.github.hpcblueprints.cli;

import io.github.hpcblueprints.hpc.SecurityProfile;
import io.github.hpcblueprints.rules.Report;
import io.github.hpcblueprints.validate.ReportFormat;
import io.github.hpcblueprints.generate.Pipeline;
import io.github.hpcblueprints.validate.ValidationService;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hpcb validate BLUEPRINT...}: compiles each blueprint and runs the structural checks and rules. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check blueprints: compile them as generate would, run the structural checks and every rule, "
                + "write nothing.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    Cli cli;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CheckOptions options;

    @Parameters(arity = "1..*", paramLabel = "BLUEPRINT", description = "Blueprint YAML files.")
    List<Path> blueprints;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "Judge as baseline or hardened (default: the "
            + "blueprint's profile).")
    String profile;

    @Override
    public Integer call() {
        Optional<SecurityProfile> override = Optional.empty();
        if (profile != null) {
            override = Optional.of(SecurityProfile.of(profile).orElseThrow(() -> new CommandLine.ParameterException(
                    spec.commandLine(), "--profile must be baseline or hardened, not '" + profile + "'")));
        }
        var threshold = options.threshold(spec.commandLine());
        ReportFormat format = options.reportFormat(spec.commandLine());
        Report report = new Pipeline().validateAll(blueprints, override, options.schemas());
        return options.finish(cli, report, threshold, format);
    }
}
