package io.github.hpcblueprints.cli;

import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Generator;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.generate.OutputFormat;
import io.github.hpcblueprints.hpc.SecurityProfile;
import io.github.hpcblueprints.rules.Severity;
import io.github.hpcblueprints.validate.ReportFormat;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The {@code hpcb} command line. Holds no logic of its own: each subcommand parses options and calls the library.
 * Errors are printed as located problems with a fix, never as a stack trace unless {@code --debug} is given.
 */
@Command(name = "hpcb", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Secure research HPC clusters on Azure, from a typed blueprint.",
        subcommands = {CommandLine.HelpCommand.class, GenerateCommand.class, ValidateCommand.class,
                LintCommand.class, RulesCommand.class, PlanCommand.class, ApplyCommand.class, DestroyCommand.class,
                PreflightCommand.class, DocsCommand.class, SmokeCommand.class})
public final class Cli implements Runnable {

    @Option(names = "--quiet", description = "Print only results, no progress.", scope = CommandLine.ScopeType.INHERIT)
    boolean quiet;

    @Option(names = "--debug", description = "Print stack traces for errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    @Option(names = "--no-color", description = "Never colour the output.", scope = CommandLine.ScopeType.INHERIT)
    boolean noColor;

    private PrintStream out;
    private PrintStream err;

    /** Bare {@code hpcb}: a usage error (exit 2), with the commands on stderr. */
    @Override
    public void run() {
        CommandLine.usage(this, err);
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required (generate, validate, "
                + "lint, rules, plan, apply, destroy, preflight)");
    }

    /** Runs the CLI with the given streams and returns the exit code (tests call this directly). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return commandLine(out, err).execute(args);
    }

    /** The configured command line: converters, the exit code of each outcome, how errors are printed. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        Cli root = new Cli();
        root.out = out;
        root.err = err;
        CommandLine cl = new CommandLine(root);
        // each named choice is parsed in one place, case-insensitively, with the allowed values in the message
        cl.registerConverter(SecurityProfile.class, choice(SecurityProfile::of, "baseline or hardened"));
        cl.registerConverter(OutputFormat.class, choice(OutputFormat::of, "arm, bicep or both"));
        cl.registerConverter(Severity.class, choice(Severity::of, "error, warning or info"));
        cl.registerConverter(ReportFormat.class, choice(ReportFormat::of, "text, json or sarif"));
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setExitCodeExceptionMapper(t -> t instanceof BlueprintException ? ExitCode.INPUT : ExitCode.INTERNAL);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("hpcb: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (root.debug) {
                ex.printStackTrace(err);
            }
            if (ex instanceof BlueprintException be) {
                for (Problem p : be.problems()) {
                    err.println("error: " + p.describe());
                }
                return ExitCode.INPUT;
            }
            if (ex instanceof io.github.hpcblueprints.deploy.DeploymentFailure failure) {
                err.println("error: " + failure.getMessage());
                return ExitCode.REMOTE;
            }
            err.println("hpcb: internal error, a bug in hpcb (please report it with the input that caused it): " + ex
                    + (root.debug ? "" : " (run with --debug for the stack trace)"));
            return ExitCode.INTERNAL;
        });
        return cl;
    }

    private static <T> CommandLine.ITypeConverter<T> choice(java.util.function.Function<String,
            java.util.Optional<T>> of, String allowed) {
        return text -> of.apply(text).orElseThrow(() -> new CommandLine.TypeConversionException("must be " + allowed
                + ", not '" + text + "'"));
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    /** Colour only for a person at a terminal, and never with --no-color. */
    boolean colour() {
        return !noColor && System.console() != null && System.getenv("NO_COLOR") == null;
    }

    /** Progress for long work goes to stderr, and not at all with --quiet. */
    void progress(String message) {
        if (!quiet) {
            err.println(message);
        }
    }

    /** Supplies {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Generator.describe()};
        }
    }
}
