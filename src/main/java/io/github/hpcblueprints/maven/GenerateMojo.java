package io.github.hpcblueprints.maven;

import io.github.hpcblueprints.files.StagedDirectory;
import io.github.hpcblueprints.generate.GenerateService;
import io.github.hpcblueprints.generate.GeneratedFiles;
import io.github.hpcblueprints.generate.OutputFormat;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code hpc-blueprints:generate}: generates every blueprint in {@code blueprintsDirectory} (subfolders too, not
 * {@code profiles/}) into {@code outputDirectory/<blueprint>/}. Same service as {@code hpcb generate}.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {

    /** The folder of blueprints ({@code *.yaml}, subfolders too; {@code profiles/} folders hold profiles). */
    @Parameter(property = "hpcb.blueprintsDirectory", defaultValue = "${project.basedir}/blueprints")
    private File blueprintsDirectory;

    /** Where each blueprint's folder is written, as {@code <outputDirectory>/<blueprint name>}. */
    @Parameter(property = "hpcb.outputDirectory", defaultValue = "${project.build.directory}/hpc-blueprints")
    private File outputDirectory;

    /**
     * Write into an output folder this plugin did not write, or whose generated files were edited (they are
     * replaced; a file the plugin did not write is never deleted).
     */
    @Parameter(property = "hpcb.force", defaultValue = "false")
    private boolean force;

    /** Deployment files to write: {@code arm}, {@code bicep} or {@code both}. */
    @Parameter(property = "hpcb.format", defaultValue = "both")
    private String format;

    /** Skip this goal. */
    @Parameter(property = "hpcb.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoFailureException, MojoExecutionException {
        if (skip) {
            getLog().info("hpc-blueprints:generate skipped");
            return;
        }
        OutputFormat outputFormat = OutputFormat.of(format).orElseThrow(() -> new MojoFailureException(
                "<format> must be arm, bicep or both, not '" + format + "'"));
        GenerateService service = new GenerateService();
        Goals.run(getLog(), () -> {
            List<Path> blueprints = Goals.blueprints(getLog(), blueprintsDirectory);
            List<GeneratedFiles> rendered = service.renderAll(blueprints, Optional.empty(), outputFormat);
            for (GenerateService.Written w : GenerateService.writeAll(rendered, outputDirectory.toPath(),
                    force ? StagedDirectory.Overwrite.FORCE : StagedDirectory.Overwrite.SAFE)) {
                getLog().info("generated " + w.folder().getFileName() + " -> " + w.folder());
                if (!w.keptFiles().isEmpty()) {
                    getLog().info("kept your files in " + w.folder() + ": " + String.join(", ", w.keptFiles()));
                }
            }
        });
    }
}
