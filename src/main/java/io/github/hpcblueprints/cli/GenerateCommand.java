package io.github.hpcblueprints.cli;

import io.github.hpcblueprints.generate.GenerateService;
import io.github.hpcblueprints.generate.GeneratedFiles;
import io.github.hpcblueprints.generate.OutputFormat;
import io.github.hpcblueprints.hpc.SecurityProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code hpcb generate BLUEPRINT... [--out DIR] [--format arm|bicep|both] [--profile baseline|hardened]}. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write everything needed to stand up each blueprint's environment to OUT/<blueprint>/.")
final class GenerateCommand implements Callable<Integer> {

    @ParentCommand
    Cli cli;

    @Parameters(arity = "1..*", paramLabel = "BLUEPRINT", description = "Blueprint YAML files.")
    List<Path> blueprints;

    @Mixin
    OutputOptions output;

    @Option(names = "--format", defaultValue = "both", paramLabel = "FORMAT", description = "Deployment files to "
            + "write: arm (azuredeploy.json), bicep (main.bicep) or both (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
        Optional<SecurityProfile> override = output.profileOverride();
        OutputFormat outputFormat = format;
        GenerateService service = new GenerateService();
        long start = System.nanoTime();
        List<GeneratedFiles> rendered = service.renderAll(blueprints, override, outputFormat);
        for (GenerateService.Written w : GenerateService.writeAll(rendered, output.out, output.overwrite())) {
            cli.out().println(w.folder());
            if (!w.keptFiles().isEmpty()) {
                cli.progress("kept your files in " + w.folder() + ": " + String.join(", ", w.keptFiles()));
            }
        }
        cli.progress(String.format("generated %d blueprint(s) in %d ms", rendered.size(),
                (System.nanoTime() - start) / 1_000_000));
        return ExitCode.OK;
    }
}
