package io.github.hpcblueprints.maven;

import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.generate.GenerateService;
import io.github.hpcblueprints.generate.GeneratedFiles;
import io.github.hpcblueprints.generate.OutputFormat;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code hpc-blueprints:generate}: generates every blueprint in {@code blueprintsDirectory} (not its
 * {@code profiles/}) into {@code outputDirectory/<blueprint>/}. Same service as {@code hpcb generate}.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {

    @Parameter(property = "hpcb.blueprintsDirectory", defaultValue = "${project.basedir}/blueprints")
    private File blueprintsDirectory;

    @Parameter(property = "hpcb.outputDirectory", defaultValue = "${project.build.directory}/hpc-blueprints")
    private File outputDirectory;

    /** Deployment files to write: {@code arm}, {@code bicep} or {@code both}. */
    @Parameter(property = "hpcb.format", defaultValue = "both")
    private String format;

    @Parameter(property = "hpcb.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("hpc-blueprints:generate skipped");
            return;
        }
        OutputFormat outputFormat = OutputFormat.of(format).orElseThrow(() -> new MojoFailureException(
                "<format> must be arm, bicep or both, not '" + format + "'"));
        GenerateService service = new GenerateService();
        try {
            List<Path> blueprints = GenerateService.blueprintsIn(blueprintsDirectory.toPath());
            if (blueprints.isEmpty()) {
                getLog().warn("no blueprints (*.yaml) in " + blueprintsDirectory);
            }
            for (GeneratedFiles files : service.renderAll(blueprints, Optional.empty(), outputFormat)) {
                Path written = GenerateService.write(files, outputDirectory.toPath());
                getLog().info("generated " + files.name() + " -> " + written);
            }
        } catch (BlueprintException e) {
            throw new MojoFailureException(e.problems().stream().map(Problem::describe)
                    .collect(Collectors.joining("\n")));
        }
    }
}
