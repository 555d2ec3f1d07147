package io.github.hpcblueprints.maven;

import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.generate.GenerateService;
import io.github.hpcblueprints.rules.Finding;
import io.github.hpcblueprints.rules.Report;
import io.github.hpcblueprints.rules.SchemaLookup;
import io.github.hpcblueprints.rules.Severity;
import io.github.hpcblueprints.validate.ArmSchemaValidator;
import io.github.hpcblueprints.validate.TextReport;
import io.github.hpcblueprints.validate.ValidationService;
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
 * {@code hpc-blueprints:validate}: judges every blueprint in {@code blueprintsDirectory} as {@code hpcb validate}
 * does, logs the findings, and fails the build when one is at or above {@code failOn}.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ValidateMojo extends AbstractMojo {

    @Parameter(property = "hpcb.blueprintsDirectory", defaultValue = "${project.basedir}/blueprints")
    private File blueprintsDirectory;

    /** error, warning or info: the lowest severity that fails the build. */
    @Parameter(property = "hpcb.failOn", defaultValue = "error")
    private String failOn;

    /** A folder of Azure's ARM schemas; when given, types, apiVersions and properties are checked too. */
    @Parameter(property = "hpcb.armSchemas")
    private File armSchemas;

    @Parameter(property = "hpcb.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("hpc-blueprints:validate skipped");
            return;
        }
        Severity threshold = Severity.of(failOn).orElseThrow(() -> new MojoFailureException(
                "failOn must be error, warning or info, not '" + failOn + "'"));
        try {
            Optional<SchemaLookup> schemas = Optional.ofNullable(armSchemas).map(f -> ArmSchemaValidator.load(
                    f.toPath()));
            List<Path> blueprints = GenerateService.blueprintsIn(blueprintsDirectory.toPath());
            if (blueprints.isEmpty()) {
                getLog().warn("no blueprints (*.yaml) in " + blueprintsDirectory);
            }
            ValidationService service = new ValidationService();
            int failing = 0;
            for (Path b : blueprints) {
                Report report = service.validate(b, Optional.empty(), schemas);
                for (String line : TextReport.write(report, false).split("\n")) {
                    getLog().info(line);
                }
                List<Finding> over = report.active().stream().filter(f -> f.severity().atLeast(threshold)).toList();
                failing += over.size();
                over.forEach(f -> getLog().error(b.getFileName() + ": " + f.ruleId() + " " + f.location() + " "
                        + f.message()));
            }
            if (failing > 0) {
                throw new MojoFailureException(failing + " finding(s) at or above '" + threshold.label() + "' (see "
                        + "above; 'hpcb rules explain ID' gives the why and the fix, or set failOn)");
            }
        } catch (BlueprintException e) {
            throw new MojoFailureException(e.problems().stream().map(Problem::describe)
                    .collect(Collectors.joining("\n")));
        }
    }
}
