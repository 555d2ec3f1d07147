package io.github.hpcblueprints.cli;

import io.github.hpcblueprints.rules.Report;
import io.github.hpcblueprints.rules.SchemaLookup;
import io.github.hpcblueprints.rules.Severity;
import io.github.hpcblueprints.validate.ArmSchemaValidator;
import io.github.hpcblueprints.validate.JsonReport;
import io.github.hpcblueprints.validate.ReportFormat;
import io.github.hpcblueprints.validate.SarifReport;
import io.github.hpcblueprints.validate.TextReport;
import io.github.hpcblueprints.validate.ValidationService;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options {@code validate} and {@code lint} share: output format, failure threshold, Azure's schemas. */
final class CheckOptions {

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text, json or sarif (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "SEVERITY",
            description = "Exit 1 when a finding is at or above this: error, warning or info (default: "
                    + "${DEFAULT-VALUE}).")
    Severity failOn;

    @Option(names = "--arm-schemas", paramLabel = "DIR",
            description = "A folder of Azure's ARM schemas: also check types, apiVersions and properties.")
    Path armSchemas;

    /** Absolute file names under the working folder, shown relative to it (SARIF: relative to the repository). */
    static Report relative(Report full) {
        Path here = Path.of("").toAbsolutePath();
        return full.mapSources(s -> {
            if (s.isEmpty() || !s.startsWith(here.getRoot().toString())) {
                return s;
            }
            Path p = Path.of(s);
            return p.isAbsolute() && p.startsWith(here) ? here.relativize(p).toString() : s;
        });
    }

    Optional<SchemaLookup> schemas() {
        return Optional.ofNullable(armSchemas).map(ArmSchemaValidator::load);
    }

    /**
     * Prints a report (every format carries the input problems too; they also go to stderr, where a person in a
     * terminal or a CI log looks for errors) and gives the exit code of its verdict.
     */
    int finish(Cli cli, Report report) {
        Report shown = relative(report);
        for (var p : shown.problems()) {
            cli.err().println("error: " + p.describe());
        }
        cli.out().print(switch (format) {
            case TEXT -> TextReport.write(shown, cli.colour());
            case JSON -> JsonReport.write(shown);
            case SARIF -> SarifReport.write(shown);
        });
        return switch (ValidationService.verdict(report, failOn)) {
            case BAD_INPUT -> ExitCode.INPUT;
            case FINDINGS -> ExitCode.FINDINGS;
            case CLEAN -> ExitCode.OK;
        };
    }
}
