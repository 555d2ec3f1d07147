package io.github.hpcblueprints.cli;

/** Entry point of the runnable CLI jar. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // the schema validator logs through SLF4J; the CLI has no logging backend, so silence SLF4J's own notice
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        System.exit(Cli.run(args, System.out, System.err));
    }
}
