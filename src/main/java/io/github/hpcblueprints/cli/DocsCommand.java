package io.github.hpcblueprints.cli;

import io.github.hpcblueprints.generate.GenerateService;
import io.github.hpcblueprints.generate.GeneratedFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        List<GeneratedFiles> rendered = new GenerateService().renderAllDocs(blueprints, output.profileOverride());
        for (GenerateService.Written w : GenerateService.writeAllDocs(rendered, output.out, output.overwrite())) {
            cli.out().println(w.folder().resolve("README.md"));
        }
        return ExitCode.OK;
    }
}
