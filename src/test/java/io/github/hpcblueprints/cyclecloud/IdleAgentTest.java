package io.github.hpcblueprints.cyclecloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.blueprint.BlueprintLoader;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.IdleStop;
import io.github.hpcblueprints.hpc.ResearchInstance;
import io.github.hpcblueprints.testing.Golden;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The idle agent of a research instance (and of the CycleCloud server), run against a scratch root with test doubles
 * of {@code who}, {@code nvidia-smi}, {@code curl} (the metadata service and ARM, every header recorded with where it
 * went) and a fake {@code /proc}, one five-minute tick at a time: it deallocates exactly when the VM has been idle
 * for the whole period, never while a session, a marked process or CPU/GPU work is there, and its token goes nowhere
 * but Azure Resource Manager.
 */
class IdleAgentTest {

    static final String VM_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-analysis/"
            + "providers/Microsoft.Compute/virtualMachines/vm-analysis-viz01";
    static final long T0 = 1_790_000_000L;

    static ClusterEnvironment instances;
    static ClusterEnvironment minimal;

    @TempDir
    Path tmp;

    ScriptSandbox box;
    String script;

    @BeforeAll
    static void load() {
        BlueprintLoader loader = new BlueprintLoader(Path.of("target/profile-cache"), Duration.ofSeconds(1));
        instances = loader.load(Golden.projectDir().resolve("blueprints/research-instances.yaml")).environment();
        minimal = loader.load(Golden.projectDir().resolve("blueprints/minimal-slurm-nfs.yaml")).environment();
    }

    @BeforeEach
    void sandbox() throws Exception {
        List<String> stubs = new ArrayList<>(ScriptSandbox.STUBS);
        stubs.add("who");
        box = new ScriptSandbox(tmp, stubs);
        ResearchInstance viz = instances.instances().get(0);
        assertThat(viz.idleStop()).isEqualTo(IdleStop.defaults());
        script = CycleCloudFiles.idleStopScript(instances, viz.idleStop(), "instance", "research instance viz01");
        Files.createDirectories(box.root.resolve("proc"));
        load("0.04 0.05 0.01 1/230 4100");
        Files.writeString(box.root.resolve("proc/cpuinfo"), "processor\t: 0\nmodel name\t: AMD EPYC\n\n".repeat(1)
                + "processor\t: 1\n\nprocessor\t: 2\n\nprocessor\t: 3\n\nprocessor\t: 4\n\nprocessor\t: 5\n\n"
                + "processor\t: 6\n\nprocessor\t: 7\n");
    }

    void load(String loadavg) throws Exception {
        Files.writeString(box.root.resolve("proc/loadavg"), loadavg + "\n");
    }

    /** One tick of the timer, {@code minutes} after T0. */
    ScriptSandbox.Run tick(int minutes) throws Exception {
        box.extraEnv.put("HPCB_NOW", String.valueOf(T0 + minutes * 60L));
        ScriptSandbox.Run run = box.run("idle-stop.sh", script);
        assertThat(run.exit()).as(run.stderr()).isZero();
        return run;
    }

    List<String> deallocations() throws Exception {
        Path f = box.state.resolve("deallocated");
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    @Test
    void deallocatesOnlyAfterTheWholePeriodIdle() throws Exception {
        for (int m = 0; m < 60; m += 5) {
            tick(m);
            assertThat(deallocations()).as("minute " + m).isEmpty();
        }
        ScriptSandbox.Run last = tick(60);
        assertThat(deallocations()).containsExactly("https://management.azure.com" + VM_ID
                + "/deallocate?api-version=" + io.github.hpcblueprints.azure.compute.LinuxVirtualMachine.API_VERSION);
        assertThat(last.stderr()).contains("idle for 60 minutes").contains("deallocating " + VM_ID);
        // the count starts again: a VM started tomorrow gets its full hour
        assertThat(box.root.resolve("run/hpcb/idle-since")).doesNotExist();
        tokenWentOnlyToResourceManager();
    }

    @Test
    void aSessionOrAMarkedProcessKeepsTheVmAndRestartsTheCount() throws Exception {
        tick(0);
        Files.writeString(box.state.resolve("who"), "asmith   pts/0        2026-12-03 09:12 (10.40.8.4)\n");
        ScriptSandbox.Run signedIn = tick(60);
        assertThat(deallocations()).isEmpty();
        assertThat(signedIn.stderr()).contains("in use again (signed in: asmith)");
        Files.delete(box.state.resolve("who"));

        // a job left running under keep-awake, no terminal
        Path proc = Files.createDirectories(box.root.resolve("proc/4242"));
        Files.write(proc.resolve("environ"), "PATH=/usr/bin\0HPCB_KEEP_AWAKE=1\0HOME=/home/asmith\0"
                .getBytes(StandardCharsets.UTF_8));
        tick(65);
        tick(200);
        assertThat(deallocations()).isEmpty();
        Files.delete(proc.resolve("environ"));

        // idle again from minute 205: the hour counts from there, not from minute 0
        tick(205);
        tick(260);
        assertThat(deallocations()).isEmpty();
        tick(265);
        assertThat(deallocations()).hasSize(1);
    }

    @Test
    void cpuAtOrAboveTheThresholdIsUseAndBelowItIsNot() throws Exception {
        load("0.40 0.80 0.60 2/231 4100"); // 0.80 on 8 vCPUs: 10%, the threshold
        tick(0);
        tick(120);
        assertThat(deallocations()).isEmpty();
        assertThat(box.root.resolve("run/hpcb/idle-since")).doesNotExist();
        load("0.40 0.79 0.60 2/231 4100"); // 9.9%
        tick(125);
        tick(185);
        assertThat(deallocations()).hasSize(1);
    }

    @Test
    void aBusyOrUnreadableGpuIsUse() throws Exception {
        List<String> stubs = new ArrayList<>(ScriptSandbox.STUBS);
        stubs.addAll(List.of("who", "nvidia-smi"));
        box = new ScriptSandbox(tmp.resolve("gpu"), stubs);
        Files.createDirectories(box.root.resolve("proc"));
        load("0.00 0.00 0.00 1/100 10");
        Files.writeString(box.root.resolve("proc/cpuinfo"), "processor\t: 0\n");
        Files.writeString(box.state.resolve("gpu-use"), "3\n45\n"); // the busiest of two GPUs counts
        tick(0);
        tick(90);
        assertThat(deallocations()).isEmpty();
        Files.writeString(box.state.resolve("nvidia-smi.fail"), "");
        ScriptSandbox.Run unreadable = tick(95);
        tick(200);
        assertThat(deallocations()).isEmpty();
        Files.delete(box.state.resolve("nvidia-smi.fail"));
        Files.writeString(box.state.resolve("gpu-use"), "2\n9\n");
        tick(205);
        tick(265);
        assertThat(deallocations()).hasSize(1);
        assertThat(box.calls()).contains("nvidia-smi --query-gpu=utilization.gpu --format=csv\\,noheader\\,nounits");
        assertThat(unreadable.stderr()).doesNotContain("deallocating");
    }

    @Test
    void aRefusalIsTriedAgainAndAStrangeResourceIdGetsNoToken() throws Exception {
        Files.writeString(box.state.resolve("arm.status"), "403");
        tick(0);
        ScriptSandbox.Run refused = tick(60);
        assertThat(refused.stderr()).contains("deallocation refused (HTTP 403); trying again in five minutes");
        assertThat(box.root.resolve("run/hpcb/idle-since")).exists();
        Files.delete(box.state.resolve("arm.status"));
        tick(65);
        assertThat(deallocations()).hasSize(2); // the refused call, then the accepted one

        // the metadata service is the only source of the path; anything but a VM's id is not called with the token
        Files.writeString(box.state.resolve("resourceid"), "/../../evil.example.com/collect");
        tick(70);
        tick(130);
        assertThat(deallocations()).hasSize(2);
        tokenWentOnlyToResourceManager();
    }

    @Test
    void theServerStaysWhileAnyNodeOfTheClusterRuns() throws Exception {
        String server = CycleCloudFiles.idleStopScript(minimal, IdleStop.after(30), "server", "the CycleCloud server");
        Files.createDirectories(box.root.resolve("var/lib/hpcb"));
        Files.writeString(box.root.resolve("var/lib/hpcb/facts.json"),
                "{\"cycleCloudClientId\": \"11111111-1111-1111-1111-111111111111\"}");
        Files.writeString(box.state.resolve("nodes.json"), "[{\"Name\": \"scheduler\", \"State\": \"Started\"}, "
                + "{\"Name\": \"htc-1\", \"State\": \"Off\"}]");
        load("0.00 0.00 0.00 1/100 10");
        box.extraEnv.put("HPCB_NOW", String.valueOf(T0));
        assertThat(box.run("idle-stop.sh", server).exit()).isZero();
        box.extraEnv.put("HPCB_NOW", String.valueOf(T0 + 3600));
        assertThat(box.run("idle-stop.sh", server).exit()).isZero();
        assertThat(deallocations()).isEmpty();
        assertThat(box.calls()).contains("FROM\\ Cloud.Node\\ WHERE\\ ClusterName\\ ==\\ \\\"teaching\\\"");

        Files.writeString(box.state.resolve("nodes.json"), "[{\"Name\": \"scheduler\", \"State\": \"Terminated\"}, "
                + "{\"Name\": \"login1\", \"State\": \"Off\"}]");
        box.extraEnv.put("HPCB_NOW", String.valueOf(T0 + 3900));
        box.run("idle-stop.sh", server);
        box.extraEnv.put("HPCB_NOW", String.valueOf(T0 + 3900 + 1800));
        ScriptSandbox.Run stopped = box.run("idle-stop.sh", server);
        assertThat(stopped.exit()).as(stopped.stderr()).isZero();
        assertThat(deallocations()).hasSize(1);
        // the server asks for CycleCloud's identity by name: it carries no other
        assertThat(box.calls()).contains("client_id=11111111-1111-1111-1111-111111111111");
        tokenWentOnlyToResourceManager();
    }

    /** Every header that carried the token went to https://management.azure.com/, and nothing else carried it. */
    void tokenWentOnlyToResourceManager() throws Exception {
        List<String> lines = Files.readAllLines(box.state.resolve("headers.log"));
        List<String> withToken = lines.stream().filter(l -> l.contains(box.token)).toList();
        assertThat(withToken).allSatisfy(l -> assertThat(l).startsWith("https://management.azure.com/")
                .endsWith("\tAuthorization: Bearer " + box.token));
        assertThat(lines.stream().filter(l -> l.contains("Authorization")).toList()).isEqualTo(withToken);
        assertThat(box.calls()).doesNotContain(box.token);
    }
}
