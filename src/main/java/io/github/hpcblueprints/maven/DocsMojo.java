package io.github.hpcblueprints.maven;

import io.github.hpcblueprints.files.StagedDirectory;
import io.github.hpcblueprints.generate.GenerateService;
import io.github.hpcblueprints.generate.GeneratedFiles;
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
 * {@code hpc-blueprints:docs}: writes the README of every blueprint in {@code blueprintsDirectory} to
 * {@code outputDirectory/<blueprint>/README.md}, leaving what {@code generate} wrote beside it. Same service as
 * {@code hpcb docs}.
 */
@Mojo(name = "docs", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public final class DocsMojo extends AbstractMojo {

    /** The folder of blueprints ({@code *.yaml}, subfolders too; {@code profiles/} folders hold profiles). */
    @Parameter(property = "hpcb.blueprintsDirectory", defaultValue = "${project.basedir}/blueprints")
    private File blueprintsDirectory;

    /** Where each README is written, as {@code <outputDirectory>/<blueprint name>/README.md}. */
    @Parameter(property = "hpcb.outputDirectory", defaultValue = "${project.build.directory}/hpc-blueprints")
    private File outputDirectory;

    /** Skip this goal. */
    @Parameter(property = "hpcb.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoFailureException, MojoExecutionException {
        if (skip) {
            getLog().info("hpc-blueprints:docs skipped");
            return;
        }
        Goals.run(getLog(), () -> {
            List<Path> blueprints = Goals.blueprints(getLog(), blueprintsDirectory);
            List<GeneratedFiles> rendered = new GenerateService().renderAllDocs(blueprints, Optional.empty());
            for (GenerateService.Written w : GenerateService.writeAllDocs(rendered, outputDirectory.toPath(),
                    StagedDirectory.Overwrite.SAFE)) {
                getLog().info("documented " + w.folder().getFileName() + " -> " + w.folder().resolve("README.md"));
            }
        });
    }
}
