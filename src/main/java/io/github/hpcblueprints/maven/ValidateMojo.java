package io.github.hpcblueprints.maven;

import io.github.hpcblueprints.rules.Finding;
import io.github.hpcblueprints.rules.Report;
import io.github.hpcblueprints.rules.SchemaLookup;
import io.github.hpcblueprints.rules.Severity;
import io.github.hpcblueprints.validate.ArmSchemaValidator;
import io.github.hpcblueprints.validate.TextReport;
import io.github.hpcblueprints.generate.Pipeline;
import io.github.hpcblueprints.validate.ValidationService;
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
 * {@code hpc-blueprints:validate}: judges every blueprint in {@code blueprintsDirectory} as {@code hpcb validate}
 * does, logs the findings, and fails the build when one is at or above {@code failOn}.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ValidateMojo extends AbstractMojo {

    /** The folder of blueprints ({@code *.yaml}, subfolders too; {@code profiles/} folders hold profiles). */
    @Parameter(property = "hpcb.blueprintsDirectory", defaultValue = "${project.basedir}/blueprints")
    private File blueprintsDirectory;

    /** error, warning or info: the lowest severity that fails the build. */
    @Parameter(property = "hpcb.failOn", defaultValue = "error")
    private String failOn;

    /** A folder of Azure's ARM schemas; when given, types, apiVersions and properties are checked too. */
    @Parameter(property = "hpcb.armSchemas")
    private File armSchemas;

    /** Skip this goal. */
    @Parameter(property = "hpcb.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoFailureException, MojoExecutionException {
        if (skip) {
            getLog().info("hpc-blueprints:validate skipped");
            return;
        }
        Severity threshold = Severity.of(failOn).orElseThrow(() -> new MojoFailureException(
                "failOn must be error, warning or info, not '" + failOn + "'"));
        Goals.run(getLog(), () -> {
            Optional<SchemaLookup> schemas = Optional.ofNullable(armSchemas).map(f -> ArmSchemaValidator.load(
                    f.toPath()));
            List<Path> blueprints = Goals.blueprints(getLog(), blueprintsDirectory);
            Report report = new Pipeline().validateAll(blueprints, Optional.empty(), schemas);
            // each finding at the level of its severity, so a build log's errors are the real errors
            for (Finding f : report.active()) {
                String line = f.location() + " " + f.ruleId() + " " + f.severity().label() + ": " + f.message();
                switch (f.severity()) {
                    case ERROR -> getLog().error(line);
                    case WARNING -> getLog().warn(line);
                    default -> getLog().info(line);
                }
            }
            for (Finding f : report.suppressed()) {
                getLog().info("suppressed " + f.ruleId() + " " + f.location() + ": " + f.suppressedBecause());
            }
            report.problems().forEach(p -> getLog().error(p.describe()));
            getLog().info(TextReport.summary(report));
            switch (ValidationService.verdict(report, threshold)) {
                case BAD_INPUT -> throw new MojoFailureException(report.problems().size() + " blueprint problem(s) "
                        + "(see the errors above; nothing could be judged in those files)");
                case FINDINGS -> throw new MojoFailureException(report.active().stream()
                        .filter(f -> f.severity().atLeast(threshold)).count() + " finding(s) at or above '"
                        + threshold.label() + "' (see above; 'hpcb rules explain ID' gives the why and the fix, or "
                        + "set failOn)");
                case CLEAN -> { }
            }
        });
    }
}
