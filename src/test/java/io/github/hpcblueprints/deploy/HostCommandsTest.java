package io.github.hpcblueprints.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real programs behind the smoke test's steps: input in, output (both streams) back, time limits, stopping. */
class HostCommandsTest {

    final HostCommands host = HostCommands.processes();

    @Test
    void aProgramGetsItsInputAndGivesBackItsExitCodeAndBothStreams() {
        HostCommands.Result r = host.run(List.of("bash", "-c", "cat; echo to-stderr >&2; exit 3"), "from stdin\n",
                Duration.ofSeconds(30));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.output()).isEqualTo("from stdin\nto-stderr\n");
    }

    @Test
    void aProgramPastItsTimeIsStoppedAndSaidSo() {
        long t0 = System.nanoTime();
        HostCommands.Result r = host.run(List.of("sleep", "30"), "", Duration.ofMillis(300));
        assertThat(r.exitCode()).isEqualTo(124);
        assertThat(r.output()).isEqualTo("sleep did not finish within 0 minutes");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aMissingProgramIsSaidWithWhatToInstall() {
        assertThatThrownBy(() -> host.run(List.of("no-such-program-hpcb"), "", Duration.ofSeconds(5)))
                .isInstanceOf(DeploymentFailure.class).hasMessageContaining("no-such-program-hpcb could not be started")
                .hasMessageContaining("install it and make sure it is on the PATH");
    }

    @Test
    void aStartedProgramRunsUntilClosed() throws Exception {
        HostCommands.Running r = host.start(List.of("sleep", "30"));
        assertThat(r.alive()).isTrue();
        r.close();
        long until = System.currentTimeMillis() + 10_000;
        while (r.alive() && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        assertThat(r.alive()).isFalse();
    }
}
