package io.github.hpcblueprints.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Exit code 3 is kept for our own bugs, and the user is told so (issue 15 item 3): a command that throws something
 * other than a located problem exits 3 with "internal error, a bug in hpcb", and a stack trace only with --debug.
 */
class InternalErrorTest {

    @CommandLine.Command(name = "boom")
    static final class Boom implements Runnable {
        @Override
        public void run() {
            throw new IllegalStateException("a bug");
        }
    }

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cl = Cli.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        cl.addSubcommand("boom", new Boom());
        int code = cl.execute(args);
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void aBugExitsThreeAndSaysItIsABug() {
        String[] r = run("boom");
        assertThat(r[0]).isEqualTo(String.valueOf(ExitCode.INTERNAL)).isEqualTo("3");
        assertThat(r[2]).contains("internal error, a bug in hpcb").contains("please report it")
                .contains("IllegalStateException: a bug").contains("--debug").doesNotContain("\tat ");
        assertThat(r[1]).isEmpty();
    }

    @Test
    void debugShowsTheStackTrace() {
        String[] r = run("--debug", "boom");
        assertThat(r[0]).isEqualTo("3");
        assertThat(r[2]).contains("\tat ").contains("internal error, a bug in hpcb");
    }
}
