package io.github.hpcblueprints.cyclecloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.blueprint.BlueprintLoader;
import io.github.hpcblueprints.generate.GenerateService;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.SlurmCluster;
import io.github.hpcblueprints.testing.Golden;
import io.github.hpcblueprints.testing.Shared;
import io.github.hpcblueprints.testing.Tools;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Slurm reads the slurm.conf our cluster would get. The CycleCloud Slurm project writes it from its template
 * ({@code ../shared/corpus/cyclecloud-slurm/slurm.conf.template}), includes the partition and node lines its
 * {@code azslurm} writes (here made from our template's node arrays), and appends the cluster's
 * {@code slurm.additional.config} verbatim (azure-slurm-install/install.py). That file is given to Debian's
 * slurmctld, started in the foreground in a scratch directory on loopback: it must still be running after a few
 * seconds (a parse or plugin error stops it at once). Only what a sandbox needs is changed, and said so below.
 */
class SlurmConfTest {

    static final Path SLURMCTLD = Path.of("/usr/sbin/slurmctld");

    @TempDir
    Path tmp;

    static void requireSlurm() {
        Tools.require(SLURMCTLD.toString(), "slurmctld");
    }

    /** {@code [[nodearray NAME]]} with its MaxCount and slurm.partition, from our rendered cluster template. */
    record NodeArray(String name, int maxCount, String partition, boolean defaultPartition) {
    }

    static List<NodeArray> nodeArrays(String template) {
        List<NodeArray> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\[\\[nodearray ([A-Za-z0-9_-]+)\\]\\]([\\s\\S]*?)(?=\\n    \\[\\[|\\n\\[|\\z)")
                .matcher(template);
        while (m.find()) {
            String body = m.group(2);
            Matcher partition = Pattern.compile("slurm\\.partition = (\\S+)").matcher(body);
            Matcher max = Pattern.compile("MaxCount = (\\d+)").matcher(body);
            if (partition.find() && max.find()) {
                out.add(new NodeArray(m.group(1), Integer.parseInt(max.group(1)), partition.group(1),
                        body.contains("slurm.default_partition = true")));
            }
        }
        return out;
    }

    /** slurm.conf and what it includes, as the project would write them for {@code env}, in {@code dir}. */
    static Path write(Path dir, ClusterEnvironment env, String additional) throws IOException {
        String cluster = env.cluster().orElseThrow().name();
        Files.createDirectories(dir.resolve("state"));
        Files.createDirectories(dir.resolve("prolog.d"));
        Files.createDirectories(dir.resolve("epilog.d"));
        String template = Files.readString(Shared.corpus().resolve("cyclecloud-slurm/slurm.conf.template"));
        String user = System.getProperty("user.name");
        String conf = template
                .replace("{state_save_location}", dir.resolve("state").toString())
                .replace("{cluster_name}", cluster)
                .replace("{launch_parameters}", "use_interactive_step")
                .replace("{prolog}", dir.resolve("prolog.d") + "/*")
                .replace("{epilog}", dir.resolve("epilog.d") + "/*")
                .replace("{max_node_count}", "10000")
                .replace("{health_interval}", "0")
                .replace("{health_program}", dir.resolve("health.sh").toString())
                .replace("{auth_alt_type}", "")
                .replace("{auth_alt_parameters}", "")
                .replace("{slurmctldhost}", "localhost(127.0.0.1)");
        // the sandbox: its own user, files, ports, and no munge daemon
        conf = conf.replaceAll("(?m)^SlurmUser=.*$", "SlurmUser=" + user)
                .replaceAll("(?m)^SlurmctldPidFile=.*$", "SlurmctldPidFile=" + dir.resolve("slurmctld.pid"))
                .replaceAll("(?m)^SlurmctldLogFile=.*$", "SlurmctldLogFile=" + dir.resolve("slurmctld.log"))
                .replaceAll("(?m)^SlurmdSpoolDir=.*$", "SlurmdSpoolDir=" + dir.resolve("spool"))
                + "\nSlurmctldPort=" + freePort() + "\nSlurmdPort=" + freePort()
                + "\nAuthType=auth/none\nCredType=cred/none\nMailProg=/bin/true\n";
        // what the project appends: the cluster's additional configuration, verbatim
        conf += "\n# Additional config from CycleCloud cluster template-\n" + additional + "\n";
        Files.writeString(dir.resolve("slurm.conf"), conf);

        StringBuilder azure = new StringBuilder();
        String rendered = ClusterTemplate.render(env);
        for (NodeArray a : nodeArrays(rendered)) {
            String nodes = cluster + "-" + a.name() + "-[1-" + a.maxCount() + "]";
            azure.append("PartitionName=").append(a.partition()).append(" Nodes=").append(nodes)
                    .append(" Default=").append(a.defaultPartition() ? "YES" : "NO").append(" State=UP\n");
            azure.append("NodeName=").append(nodes).append(" CPUs=2 RealMemory=3500 Feature=cloud State=CLOUD\n");
        }
        Files.writeString(dir.resolve("azure.conf"), azure.toString());
        // what the project's install.py writes (accounting on: slurmdbd on the scheduler; here none answers)
        Files.writeString(dir.resolve("accounting.conf"), env.cluster().flatMap(SlurmCluster::accounting).isPresent()
                ? "AccountingStorageType=accounting_storage/slurmdbd\nAccountingStorageHost=127.0.0.1\n"
                        + "AccountingStoragePort=" + freePort() + "\nAccountingStorageTRES=gres/gpu\n"
                : "AccountingStorageType=accounting_storage/none\n");
        Files.writeString(dir.resolve("keep_alive.conf"), "");
        Files.writeString(dir.resolve("site_specific.conf"), "# site specific slurm configuration\n");
        // our job-submit filter, as the scheduler's cluster-init script writes it beside slurm.conf
        for (Map.Entry<String, String> f : ClusterInitProject.render(env).entrySet()) {
            Matcher lua = Pattern.compile("<<'LUA'\\n([\\s\\S]*?)\\nLUA\\n").matcher(f.getValue());
            if (lua.find()) {
                Files.writeString(dir.resolve("job_submit.lua"), lua.group(1) + "\n");
            }
        }
        return dir.resolve("slurm.conf");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    record Outcome(boolean running, String output) {
    }

    /** Starts slurmctld in the foreground; running after four seconds means it accepted the configuration. */
    static Outcome start(Path conf) throws Exception {
        Path console = conf.resolveSibling("console.txt");
        Process p = new ProcessBuilder(SLURMCTLD.toString(), "-D", "-i", "-f", conf.toString())
                .redirectErrorStream(true).redirectOutput(console.toFile()).start();
        boolean exited = p.waitFor(4, TimeUnit.SECONDS);
        if (!exited) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        String out = Files.readString(console);
        Path log = conf.resolveSibling("slurmctld.log");
        if (Files.exists(log)) {
            out += Files.readString(log);
        }
        return new Outcome(!exited, out);
    }

    static String version() throws Exception {
        Process p = new ProcessBuilder(SLURMCTLD.toString(), "-V").redirectErrorStream(true).start();
        p.waitFor(10, TimeUnit.SECONDS);
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    @Test
    void slurmctldStartsWithEveryShippedClustersConfiguration() throws Exception {
        requireSlurm();
        BlueprintLoader loader = new BlueprintLoader(Path.of("target/profile-cache"), java.time.Duration.ofSeconds(1));
        int clusters = 0;
        for (Path b : GenerateService.blueprintsIn(Golden.projectDir().resolve("blueprints"))) {
            ClusterEnvironment env = loader.load(b).environment();
            if (env.cluster().isEmpty()) {
                continue;
            }
            clusters++;
            String additional = ClusterTemplate.parameterValues(env).get("AdditionalSlurmConfig");
            Path conf = write(Files.createDirectories(tmp.resolve(env.name())), env, additional);
            Outcome o = start(conf);
            if (env.cluster().orElseThrow().accounting().isPresent()) {
                // with enforced limits slurmctld will not start without slurmdbd (on the scheduler the Slurm project
                // starts slurmdbd first); here none answers, so it stops there: after reading every setting of ours
                assertThat(o.output()).as(b.getFileName() + ":\n" + o.output()).doesNotContain("Parse error")
                        .contains("started on cluster " + env.cluster().orElseThrow().name())
                        .contains("Accounting storage SLURMDBD plugin loaded")
                        .contains("fatal: slurmdbd and/or database must be up at slurmctld start time");
                assertThat(o.output().lines().filter(l -> l.contains("fatal")).map(l -> l.substring(l.indexOf("fatal"))).distinct()).as(b.getFileName().toString()).hasSize(1);
            } else {
                assertThat(o.running()).as(b.getFileName() + " with " + version() + ":\n" + o.output()).isTrue();
                assertThat(o.output()).as(b.getFileName() + ":\n" + o.output()).doesNotContain("Parse error")
                        .doesNotContain("fatal").contains("started on cluster " + env.cluster().orElseThrow().name());
            }
            // no complaint about a setting of ours, except that ours replace the template's ("latest value used"):
            // the template's own (ReconfigFlags=KeepPowerSaveSettings, newer than Debian's Slurm) are not ours
            for (String setting : additional.split("\n")) {
                String key = setting.substring(0, setting.indexOf('='));
                assertThat(o.output().lines().filter(l -> l.contains("error") && l.contains(key)))
                        .as(b.getFileName() + ": " + key).allSatisfy(l -> assertThat(l)
                                .endsWith(key + " 1 specified more than once, latest value used"));
            }
        }
        assertThat(clusters).isGreaterThanOrEqualTo(3);
    }

    @Test
    void twoSettingsOnOneLineStopIt() throws Exception {
        requireSlurm();
        ClusterEnvironment env = new BlueprintLoader()
                .load(Golden.projectDir().resolve("blueprints/secure-slurm-lustre.yaml")).environment();
        String oneLine = String.join(" ", ClusterTemplate.parameterValues(env).get("AdditionalSlurmConfig")
                .split("\n"));
        assertThat(oneLine).contains("SuspendTime=").contains(" JobSubmitPlugins=lua");
        Outcome o = start(write(tmp, env, oneLine));
        assertThat(o.running()).isFalse();
        assertThat(o.output()).contains("Parse error").contains("JobSubmitPlugins=lua");
    }

    /**
     * The job-submit filter of a cluster with accounting, run by real Slurm: slurmctld started without slurmdbd
     * (accounting storage none, so no enforcement and no QOS records) and a job submitted with sbatch. The filter
     * sets the job's time limit and QOS; Slurm then refuses the QOS, which only the accounting database knows: the
     * refusal names the QOS the filter chose.
     */
    @Test
    void realSlurmRunsTheJobSubmitFilterOfAClusterWithAccounting() throws Exception {
        requireSlurm();
        Tools.require("/usr/bin/sbatch", "slurm-client");
        ClusterEnvironment env = new BlueprintLoader()
                .load(Golden.projectDir().resolve("blueprints/enforced-budgets.yaml")).environment();
        String additional = ClusterTemplate.parameterValues(env).get("AdditionalSlurmConfig").lines()
                .filter(l -> !l.startsWith("AccountingStorageEnforce=")).collect(java.util.stream.Collectors
                        .joining("\n"));
        Path conf = write(tmp, env, additional);
        Files.writeString(conf.resolveSibling("accounting.conf"), "AccountingStorageType=accounting_storage/none\n");
        Process ctld = new ProcessBuilder(SLURMCTLD.toString(), "-D", "-i", "-f", conf.toString())
                .redirectErrorStream(true).redirectOutput(conf.resolveSibling("console.txt").toFile()).start();
        try {
            Thread.sleep(3000);
            String out = client(conf, "/usr/bin/sbatch", "--hold", "-p", "mem", "--wrap", "true");
            assertThat(out).as(out).contains("Submitted batch job 1");
            String job = client(conf, "/usr/bin/scontrol", "show", "job", "1");
            // the partition gives no time limit; the filter gave the job its default hour
            assertThat(job).as(job).contains("TimeLimit=01:00:00").contains("Partition=mem");
            // and a project's partition stays its members': this user is not in proj-chem (root may use any)
            String answer = client(conf, "/usr/bin/sbatch", "--hold", "-p", "htc-chem", "--wrap", "true");
            if ("root".equals(System.getProperty("user.name"))) {
                assertThat(answer).contains("Submitted batch job 2");
            } else {
                assertThat(answer).contains("partition htc-chem is for members of proj-chem only");
            }
        } finally {
            ctld.destroy();
            ctld.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A Slurm client command against the sandbox's slurm.conf; its output. */
    static String client(Path conf, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("SLURM_CONF", conf.toString());
        Process p = pb.start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
