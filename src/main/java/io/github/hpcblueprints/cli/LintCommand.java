package io.github.hpcblueprints.cli;

import io.github.hpcblueprints.hpc.SecurityProfile;
import io.github.hpcblueprints.rules.Report;
import io.github.hpcblueprints.rules.Suppression;
import io.github.hpcblueprints.validate.ValidationService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code hpcb lint PATH...}: the rules on any ARM templates, ours or anyone's. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Run the rules and structural checks on ARM templates (files, or folders searched for *.json).")
final class LintCommand implements Callable<Integer> {

    @ParentCommand
    Cli cli;

    @Mixin
    CheckOptions options;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Template files or folders.")
    List<Path> paths;

    @Option(names = "--suppressions", paramLabel = "FILE", description = "Accepted findings with reasons (default: "
            + ".hpcb-suppressions.yaml in the working folder, when present).")
    Path suppressions;

    @Option(names = "--profile", defaultValue = "baseline", paramLabel = "PROFILE",
            description = "baseline or hardened (default: ${DEFAULT-VALUE}).")
    SecurityProfile profile;

    @Override
    public Integer call() {
        Path file = suppressions != null ? suppressions : Path.of(".hpcb-suppressions.yaml");
        List<Suppression> accepted = suppressions != null || Files.isRegularFile(file)
                ? ValidationService.readSuppressions(file) : List.of();
        long start = System.nanoTime();
        Report report = new ValidationService().lint(paths, profile == SecurityProfile.HARDENED, options.schemas(), accepted);
        cli.progress(String.format("linted %d template(s) in %d ms", report.sources().size(),
                (System.nanoTime() - start) / 1_000_000));
        return options.finish(cli, report);
    }
}
