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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The {@code hpcb} command line. Holds no logic of its own: each subcommand parses options and calls the library.
 * Errors are printed as located problems with a fix, never as a stack trace unless {@code --debug} is given.
 */
@Command(name = "hpcb", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Secure research HPC clusters on Azure, from a typed blueprint.")
public final class Cli implements Runnable {

    /**
     * The commands, in the order help lists them. Only the one a run names is built: picocli reads each command's
     * annotations by reflection, and building all of them costs every run tens of milliseconds.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("help", CommandLine.HelpCommand::new);
        m.put("generate", GenerateCommand::new);
        m.put("validate", ValidateCommand::new);
        m.put("lint", LintCommand::new);
        m.put("rules", RulesCommand::new);
        m.put("plan", PlanCommand::new);
        m.put("apply", ApplyCommand::new);
        m.put("destroy", DestroyCommand::new);
        m.put("preflight", PreflightCommand::new);
        m.put("docs", DocsCommand::new);
        m.put("smoke", SmokeCommand::new);
        return m;
    }

    /** The root's own options, which may come before the command's name. */
    private static final Set<String> ROOT_OPTIONS = Set.of("--quiet", "--debug", "--no-color");

    @Spec
    CommandSpec spec;

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
        spec.commandLine().usage(err);
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required ("
                + String.join(", ", COMMANDS.keySet().stream().filter(c -> !c.equals("help")).toList()) + ")");
    }

    /** Runs the CLI with the given streams and returns the exit code (tests call this directly). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return commandLine(out, err, args).execute(args);
    }

    /** The command line with every command (for help, and for tests that add their own). */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        return commandLine(out, err, new String[0]);
    }

    /**
     * The configured command line for {@code args}: the command they name (every command when they name none, or
     * one hpcb does not have, so help and picocli's suggestions see them all), converters, the exit code of each
     * outcome, how errors are printed.
     */
    static CommandLine commandLine(PrintStream out, PrintStream err, String[] args) {
        Cli root = new Cli();
        root.out = out;
        root.err = err;
        CommandLine cl = new CommandLine(root);
        String named = Arrays.stream(args).filter(a -> !ROOT_OPTIONS.contains(a)).findFirst().orElse("");
        boolean one = COMMANDS.containsKey(named) && !named.equals("help");
        // subcommands first: converters, streams and handlers set below reach those already added
        COMMANDS.forEach((name, command) -> {
            if (!one || name.equals(named)) {
                cl.addSubcommand(name, command.get());
            }
        });
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
