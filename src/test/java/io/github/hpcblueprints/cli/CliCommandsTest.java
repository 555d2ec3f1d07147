package io.github.hpcblueprints.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A run builds only the command it names (a start-up cost), and help still sees every command. */
class CliCommandsTest {

    static final String[] ALL = {"help", "generate", "validate", "lint", "rules", "plan", "apply", "destroy",
        "preflight", "docs", "smoke"};

    static java.util.Set<String> built(String... args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Cli.commandLine(sink, sink, args).getSubcommands().keySet();
    }

    @Test
    void aRunThatNamesACommandBuildsThatOneAlone() {
        assertThat(built("--quiet", "--no-color", "lint", "x.json")).containsExactly("lint");
        assertThat(built("rules", "explain", "ACCESS-002")).containsExactly("rules");
    }

    @Test
    void helpNoCommandAndAnUnknownOneSeeEveryCommandInHelpsOrder() {
        assertThat(built()).containsExactly(ALL);
        assertThat(built("help", "lint")).containsExactly(ALL);
        assertThat(built("--help")).containsExactly(ALL);
        assertThat(built("lnt")).containsExactly(ALL);
        CliGenerateTest.Run help = CliGenerateTest.run("--help");
        assertThat(help.out()).containsSubsequence("generate", "validate", "lint", "rules", "plan", "apply",
                "destroy", "preflight", "docs", "smoke");
    }
}
