package io.github.hpcblueprints.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke test's step on the CycleCloud server (smoke-on-server.sh), run by bash with stand-ins for the CycleCloud
 * CLI and ssh that record their calls: the CLI is set up in a home of the run's own that is gone afterwards, the
 * cluster is started, the node's address is read from {@code show_nodes --format=json} (the shape CycleCloud prints:
 * a list of nodes, each with Name, Template and Instance.PrivateIp), and the job runs there through the cyclecloud
 * user's key (CycleCloud's "Cluster User Management": /opt/cycle_server/.ssh/cyclecloud.pem).
 */
class SmokeServerScriptTest {

    @TempDir
    Path dir;
    Path root;
    Path bin;
    Path calls;
    static final String PASSWORD = "pw-from-key-vault-91c2";
    static final String STARTED = "[{\"Name\": \"scheduler\", \"Template\": \"scheduler\", \"Status\": \"Ready\", "
            + "\"Instance\": {\"PrivateIp\": \"10.0.1.4\"}}, {\"Name\": \"login1\", \"Template\": \"login\", "
            + "\"Status\": \"Ready\", \"Instance\": {\"PrivateIp\": \"10.0.1.5\"}}]";

    @BeforeEach
    void sandbox() throws IOException {
        root = Files.createDirectories(dir.resolve("root"));
        bin = Files.createDirectories(dir.resolve("bin"));
        calls = dir.resolve("calls.log");
        Files.writeString(calls, "");
        executable(Files.createDirectories(root.resolve("opt/hpcb")).resolve("show-admin-password"),
                "#!/usr/bin/env bash\necho " + PASSWORD + "\n");
        Files.createDirectories(root.resolve("opt/cycle_server/.ssh"));
        Files.writeString(root.resolve("opt/cycle_server/.ssh/cyclecloud.pem"), "key");
    }

    /** The CLI stand-in: initialize writes its configuration under $HOME; show_nodes answers each line in turn. */
    void cyclecloud(String... showNodes) throws IOException {
        Files.write(dir.resolve("show_nodes"), List.of(showNodes));
        executable(bin.resolve("cyclecloud"), String.join("\n", "#!/usr/bin/env bash",
                "echo \"cyclecloud $*\" >> " + calls,
                "case \"$1\" in",
                "  initialize) mkdir -p \"$HOME/.cycle\"; echo \"$*\" > \"$HOME/.cycle/config.ini\";"
                        + " echo \"$HOME\" > " + dir.resolve("home") + " ;;",
                "  start_cluster) ;;",
                "  show_nodes) n=$(wc -l < " + calls + "); mapfile -t answers < " + dir.resolve("show_nodes")
                        + "; i=$(grep -c show_nodes " + calls + "); idx=$((i - 1));"
                        + " ((idx < ${#answers[@]})) || idx=$((${#answers[@]} - 1)); echo \"${answers[$idx]}\";"
                        + " : \"$n\" ;;",
                "esac", ""));
    }

    void ssh(int exit, String output) throws IOException {
        executable(bin.resolve("ssh"), "#!/usr/bin/env bash\necho \"ssh $*\" >> " + calls + "\nprintf '%s\\n' '"
                + output + "'\nexit " + exit + "\n");
    }

    record Run(int exit, String output) {
    }

    Run run(String minutes) throws Exception {
        Path script = dir.resolve("smoke-on-server.sh");
        try (InputStream in = Smoke.class.getResourceAsStream(Smoke.SERVER_SCRIPT)) {
            Files.write(script, in.readAllBytes());
        }
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "t", "hpcadmin", "login", "htc", minutes)
                .redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        pb.environment().put("HPCB_ROOT", root.toString());
        pb.environment().put("HPCB_SMOKE_POLL", "0");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void startsTheClusterWaitsForTheLoginNodeAndRunsTheJobThereAsRoot() throws Exception {
        cyclecloud("[]", "[" + STARTED.substring(1, STARTED.indexOf("}}") + 2) + "]", STARTED);
        ssh(0, "t-htc-1");
        Run r = run("2");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).isEqualTo("smoke: cluster t starting\nsmoke: waiting up to 2 minutes for login\n"
                + "smoke: login is Started at 10.0.1.5\nsmoke: job output:\nt-htc-1\n"
                + "smoke: ran: srun --partition=htc hostname on login printed t-htc-1\n");
        List<String> log = Files.readAllLines(calls);
        assertThat(log).containsSubsequence(
                "cyclecloud initialize --batch --force --url=https://localhost:443 --verify-ssl=false "
                        + "--username=hpcadmin --password=" + PASSWORD,
                "cyclecloud start_cluster t",
                "cyclecloud show_nodes -c t --states=Started --format=json",
                "ssh -i " + root + "/opt/cycle_server/.ssh/cyclecloud.pem -o BatchMode=yes -o StrictHostKeyChecking=no"
                        + " -o UserKnownHostsFile=/dev/null -o ConnectTimeout=60 cyclecloud@10.0.1.5 timeout 120 sudo "
                        + "srun --partition=htc --nodes=1 --time=10 hostname");
        // the scheduler alone was not enough: it waited for a login node
        assertThat(log).filteredOn(l -> l.contains("show_nodes")).hasSize(3);
        // the CLI's configuration, which holds the password, went with the run's home
        Path home = Path.of(Files.readString(dir.resolve("home")).strip());
        assertThat(home).doesNotExist();
        assertThat(r.output()).doesNotContain(PASSWORD);
    }

    @Test
    void aNodeOfTheArrayIsFoundByItsNameWhereTheJsonHasNoTemplate() throws Exception {
        cyclecloud("[{\"Name\": \"scheduler\", \"Instance\": {\"PrivateIp\": \"10.0.1.4\"}}, {\"Name\": \"login-1\", "
                + "\"Instance\": {\"PrivateIp\": \"10.0.1.6\"}}]");
        ssh(0, "t-htc-2");
        Run r = run("2");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("smoke: login is Started at 10.0.1.6\n");
    }

    @Test
    void aNodeThatNeverStartsEndsTheRunWithWhatToLookAt() throws Exception {
        cyclecloud("[]");
        ssh(0, "unused");
        Run r = run("0");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).endsWith("smoke: failed: login was not Started after 0 minutes (cyclecloud show_nodes "
                + "-c t says why)\n");
        assertThat(Files.readString(calls)).doesNotContain("ssh ");
    }

    @Test
    void aJobSlurmRefusesIsReportedWithSlurmsMessage() throws Exception {
        cyclecloud(STARTED);
        ssh(1, "srun: error: Unable to allocate resources: Invalid account or account/partition combination");
        Run r = run("2");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("smoke: job output:\nsrun: error: Unable to allocate resources: Invalid "
                + "account").endsWith("smoke: failed: srun --partition=htc hostname on login exited 1\n");
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
