package io.github.hpcblueprints.cli;

import io.github.hpcblueprints.files.StagedDirectory;
import io.github.hpcblueprints.generate.GenerateService;
import io.github.hpcblueprints.generate.GeneratedFiles;
import io.github.hpcblueprints.hpc.SecurityProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code hpcb docs BLUEPRINT... [--out DIR]}: only the README of each blueprint, beside what generate wrote. */
@Command(name = "docs", mixinStandardHelpOptions = true,
        description = "Write each blueprint's README (architecture, controls, cost estimate, how to deploy and get "
                + "in) to OUT/<blueprint>/README.md; the other files there are left as they are.")
final class DocsCommand implements Callable<Integer> {

    @ParentCommand
    Cli cli;

    @Parameters(arity = "1..*", paramLabel = "BLUEPRINT", description = "Blueprint YAML files.")
    List<Path> blueprints;

    @Option(names = "--out", defaultValue = "generated", paramLabel = "DIR",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "Override the blueprint's security profile: "
            + "baseline or hardened.")
    SecurityProfile profile;

    @Option(names = "--force", description = "Replace an edited README, or write into a folder hpcb did not write "
            + "(never deletes a file hpcb did not write).")
    boolean force;

    @Override
    public Integer call() {
        List<GeneratedFiles> rendered = new GenerateService().renderAllDocs(blueprints, Optional.ofNullable(profile));
        for (GenerateService.Written w : GenerateService.writeAllDocs(rendered, out,
                force ? StagedDirectory.Overwrite.FORCE : StagedDirectory.Overwrite.SAFE)) {
            cli.out().println(w.folder().resolve("README.md"));
        }
        return ExitCode.OK;
    }
}
