package io.github.hpcblueprints.cli;

/** Entry point of the runnable CLI jar. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args, System.out, System.err));
    }
}
