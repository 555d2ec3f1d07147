package io.github.hpcblueprints.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Programs on this machine that a step runs: {@code ssh-keygen}, {@code az network bastion tunnel}, {@code ssh}.
 * Tests give their own, so no test starts a tunnel to Azure.
 */
public interface HostCommands {

    /** How a program ended: its exit code and what it printed (standard output and error, in order). */
    record Result(int exitCode, String output) {
    }

    /** A program left running (a tunnel) until {@link #close()}. */
    interface Running extends AutoCloseable {
        boolean alive();

        @Override
        void close();
    }

    /** Runs {@code command} with {@code stdin} as its input and waits at most {@code timeout} for it to end. */
    Result run(List<String> command, String stdin, Duration timeout);

    /** Starts {@code command} and leaves it running; what it prints is discarded. */
    Running start(List<String> command);

    /** The real programs, found on the PATH. */
    static HostCommands processes() {
        return new HostCommands() {
            @Override
            public Result run(List<String> command, String stdin, Duration timeout) {
                Process p = launch(new ProcessBuilder(command).redirectErrorStream(true), command);
                // read while it runs, so a chatty program never blocks on a full pipe
                CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                    try (InputStream o = p.getInputStream()) {
                        return new String(o.readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        return "";
                    }
                });
                try {
                    try (OutputStream in = p.getOutputStream()) {
                        in.write(stdin.getBytes(StandardCharsets.UTF_8));
                    }
                    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                        p.destroyForcibly();
                        return new Result(124, command.get(0) + " did not finish within " + timeout.toMinutes()
                                + " minutes");
                    }
                    return new Result(p.exitValue(), output.get());
                } catch (IOException | java.util.concurrent.ExecutionException e) {
                    return new Result(1, command.get(0) + ": " + e.getMessage());
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                    Thread.currentThread().interrupt();
                    return new Result(130, command.get(0) + " was interrupted");
                }
            }

            @Override
            public Running start(List<String> command) {
                Process p = launch(new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD), command);
                return new Running() {
                    @Override
                    public boolean alive() {
                        return p.isAlive();
                    }

                    @Override
                    public void close() {
                        p.descendants().forEach(ProcessHandle::destroy);
                        p.destroy();
                    }
                };
            }

            private Process launch(ProcessBuilder builder, List<String> command) {
                try {
                    return builder.start();
                } catch (IOException e) {
                    throw new DeploymentFailure(command.get(0) + " could not be started (" + e.getMessage()
                            + "): install it and make sure it is on the PATH", e);
                }
            }
        };
    }
}
