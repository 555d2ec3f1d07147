package io.github.hpcblueprints.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hpcblueprints.json.JsonTrees;
import io.github.hpcblueprints.testing.LoopbackHttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live smoke test's logic against the ARM stub on 127.0.0.1 and stand-ins for ssh-keygen, the Bastion tunnel and
 * ssh: deploy into its own group, follow the server's boot log (Virtual Machines - Retrieve Boot Diagnostics Data,
 * then the log blob by its SAS URI), tunnel, run the job, and delete the group: after success, after each kind of
 * failure, and when stopped from another thread (Ctrl-C). Nothing leaves the machine.
 */
class SmokeTest {

    @TempDir
    static Path keys;
    @TempDir
    Path work;

    LoopbackHttpsServer server;
    ArmStub arm;
    final List<String> printed = Collections.synchronizedList(new ArrayList<>());
    final FakeHost host = new FakeHost();

    static final String TEMPLATE = "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/"
            + "deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\", \"parameters\": {\"adminSshPublicKey\": "
            + "{\"type\": \"string\"}}, \"resources\": []}";
    static final String BOOTING = "[   12.3] cloud-init[901]: Cloud-init v. 23.4 running 'modules:final'\n"
            + "[  201.0] bootstrap.sh[1200]: hpcb bootstrap.sh: CycleCloud administrator hpcadmin created\n";
    static final String DONE = BOOTING + "[  402.5] bootstrap.sh[1200]: hpcb bootstrap.sh: done: CycleCloud is ready "
            + "at https://10.0.0.4/\n";
    static final String JOB_RAN = "smoke: cluster t starting\nsmoke: waiting up to 2 minutes for login\n"
            + "smoke: login is Started at 10.0.1.5\nsmoke: job output:\nt-htc-1\n"
            + "smoke: ran: srun --partition=htc hostname on login printed t-htc-1\n";

    @BeforeEach
    void start() throws Exception {
        server = LoopbackHttpsServer.start(keys);
        arm = new ArmStub(server);
        arm.deployment("t", JsonTrees.parse("[]"), null, "Running", "Succeeded");
    }

    @AfterEach
    void stop() {
        server.close();
        host.close();
    }

    List<PreflightResult> preflight = List.of(PreflightResult.pass("providers", "all registered"));

    Smoke smoke(Duration bootTimeout) {
        return smoke(bootTimeout, false);
    }

    static final String SUBSCRIPTION_TEMPLATE = "{\"$schema\": \"https://schema.management.azure.com/schemas/"
            + "2018-05-01/subscriptionDeploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\", \"resources\": []}";

    /** {@code withSubscriptionTemplate}: the environment has a subscription template too. */
    Smoke smoke(Duration bootTimeout, boolean withSubscriptionTemplate) {
        AzureDeployer deployer = new AzureDeployer(AzureTestPipeline.manager(server, arm.base()),
                new AzureDeployer.Target("s1", "hpcb-smoke-t", "uksouth", true), printed::add, Duration.ofMillis(20));
        Smoke.Settings settings = new Smoke.Settings("t", "vm-t-cc", "bas-t", "hpcadmin", "t", "login", "htc",
                bootTimeout, Duration.ofMinutes(2), Duration.ofMillis(20));
        List<TemplateDeployment> templates = new ArrayList<>(List.of(new TemplateDeployment("azuredeploy.json",
                JsonTrees.parse(TEMPLATE), Map.of())));
        if (withSubscriptionTemplate) {
            templates.add(new TemplateDeployment("subscription.json", JsonTrees.parse(SUBSCRIPTION_TEMPLATE),
                    Map.of()));
        }
        return new Smoke(deployer, "hpcb-smoke-t", templates, Map.of(), settings, host, printed::add, work,
                () -> preflight);
    }

    List<String> calls() {
        return arm.requests().stream().map(r -> r.method() + " " + r.path()).toList();
    }

    @Test
    void deploysFollowsTheBootLogTunnelsRunsTheJobAndDeletesTheGroup() {
        arm.serialLogs.add(BOOTING);
        arm.serialLogs.add(DONE);
        host.sshAnswer = new HostCommands.Result(0, JOB_RAN);
        Smoke.Outcome outcome = smoke(Duration.ofMinutes(1), true).run();

        assertThat(outcome.jobHost()).isEqualTo("t-htc-1");
        // the group, then the record of its own subscription deployment (so the next run is not refused)
        assertThat(arm.deleted).containsExactly("/subscriptions/s1/resourcegroups/hpcb-smoke-t",
                "/subscriptions/s1/providers/Microsoft.Resources/deployments/t-subscription");
        assertThat(calls()).containsSubsequence(
                "HEAD /subscriptions/s1/resourcegroups/hpcb-smoke-t",
                "PUT /subscriptions/s1/resourcegroups/hpcb-smoke-t",
                "POST /subscriptions/s1/resourcegroups/hpcb-smoke-t/providers/Microsoft.Resources/deployments/t/"
                        + "validate",
                "PUT /subscriptions/s1/resourcegroups/hpcb-smoke-t/providers/Microsoft.Resources/deployments/t",
                "POST /subscriptions/s1/resourceGroups/hpcb-smoke-t/providers/Microsoft.Compute/virtualMachines/"
                        + "vm-t-cc/retrieveBootDiagnosticsData",
                "GET /stub/blob/serial.log",
                "DELETE /subscriptions/s1/resourcegroups/hpcb-smoke-t");
        // no environment of its name was deployed in the subscription before; its own subscription deployment was
        assertThat(calls()).containsSubsequence(
                "GET /subscriptions/s1/providers/Microsoft.Resources/deployments/t-subscription",
                "HEAD /subscriptions/s1/resourcegroups/hpcb-smoke-t",
                "PUT /subscriptions/s1/providers/Microsoft.Resources/deployments/t-subscription");
        // the run's own key became the break-glass key, and is gone afterwards
        assertThat(arm.requests()).filteredOn(r -> r.method().equals("PUT") && r.path().endsWith("/deployments/t"))
                .singleElement().satisfies(r -> assertThat(r.body()).contains("ssh-ed25519 AAAAC3fake hpcb-smoke-t"));
        assertThat(work).isEmptyDirectory();
        // the log blob is read with its SAS alone: the ARM token is not for Storage
        assertThat(arm.requests()).filteredOn(r -> r.path().startsWith("/stub/blob/")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).isNull());
        assertThat(host.commands).satisfiesExactly(
                c -> assertThat(c).startsWith("ssh-keygen -q -t ed25519 -N  -C hpcb-smoke-t -f " + work),
                c -> assertThat(c).matches("az network bastion tunnel --name bas-t --resource-group hpcb-smoke-t "
                        + "--target-resource-id /subscriptions/s1/resourceGroups/hpcb-smoke-t/providers/"
                        + "Microsoft.Compute/virtualMachines/vm-t-cc --resource-port 22 --port \\d+"),
                c -> assertThat(c).matches("ssh -i \\S+ -p \\d+ -o BatchMode=yes .* hpcadmin@127\\.0\\.0\\.1 sudo bash "
                        + "-s -- t hpcadmin login htc 2"));
        assertThat(host.stdin).startsWith("#!/usr/bin/env bash");
        assertThat(host.tunnelClosed).isTrue();
        assertThat(printed).contains("  hpcb bootstrap.sh: CycleCloud administrator hpcadmin created",
                "  hpcb bootstrap.sh: done: CycleCloud is ready at https://10.0.0.4/", "  t-htc-1",
                "smoke: resource group hpcb-smoke-t deleted")
                .noneSatisfy(l -> assertThat(l).contains("sas-signature"));
        // each boot-log line is printed once, however often it is read
        assertThat(printed).filteredOn(l -> l.contains("administrator hpcadmin created")).hasSize(1);
    }

    @Test
    void aBootstrapThatGivesUpOnceIsWaitedForSinceSystemdRunsItAgain() {
        String gaveUp = "[ 900.1] bootstrap.sh[1200]: hpcb bootstrap.sh: giving up after 10 attempts: cyclecloud\n";
        arm.serialLogs.add(BOOTING + gaveUp);
        arm.serialLogs.add(DONE.replace(BOOTING, BOOTING + gaveUp));
        host.sshAnswer = new HostCommands.Result(0, JOB_RAN);
        assertThat(smoke(Duration.ofMinutes(1)).run().jobHost()).isEqualTo("t-htc-1");
        assertThat(printed).contains("  hpcb bootstrap.sh: giving up after 10 attempts: cyclecloud");
    }

    @Test
    void aBootstrapThatGivesUpThreeTimesFailsTheRunWithItsLinesAndTheGroupIsStillDeleted() {
        String gaveUp = "[ 900.1] bootstrap.sh[1200]: hpcb bootstrap.sh: giving up after 30 attempts: cyclecloud\n";
        arm.serialLogs.add(BOOTING + gaveUp + gaveUp + gaveUp);
        assertThatThrownBy(() -> smoke(Duration.ofMinutes(1)).run()).isInstanceOf(DeploymentFailure.class)
                .hasMessageContaining("the first boot of vm-t-cc failed 3 times: hpcb bootstrap.sh: giving up after "
                        + "30 attempts: cyclecloud; hpcb bootstrap.sh: giving up after 30 attempts: cyclecloud");
        assertThat(host.commands).singleElement().satisfies(c -> assertThat(c).startsWith("ssh-keygen"));
        assertThat(arm.deleted).containsExactly("/subscriptions/s1/resourcegroups/hpcb-smoke-t");
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void aServerThatNeverFinishesBootingTimesOutWithItsLastLines() {
        arm.serialLogs.add(BOOTING);
        assertThatThrownBy(() -> smoke(Duration.ofMillis(200)).run()).isInstanceOf(DeploymentFailure.class)
                .hasMessageContaining("did not finish its first boot within 0 minutes; its last lines: hpcb "
                        + "bootstrap.sh: CycleCloud administrator hpcadmin created");
        assertThat(arm.deleted).containsExactly("/subscriptions/s1/resourcegroups/hpcb-smoke-t");
    }

    @Test
    void aJobThatFailsIsReportedWithTheServersReasonAndTheGroupIsDeleted() {
        arm.serialLogs.add(DONE);
        host.sshAnswer = new HostCommands.Result(1, "smoke: cluster t starting\nsmoke: waiting up to 2 minutes "
                + "for login\nsmoke: failed: login was not Started after 2 minutes (cyclecloud show_nodes -c t says "
                + "why)\n");
        assertThatThrownBy(() -> smoke(Duration.ofMinutes(1)).run()).isInstanceOf(DeploymentFailure.class)
                .hasMessage("smoke: the job did not run (exit 1): smoke: failed: login was not Started after 2 "
                        + "minutes (cyclecloud show_nodes -c t says why)");
        assertThat(host.tunnelClosed).isTrue();
        assertThat(arm.deleted).containsExactly("/subscriptions/s1/resourcegroups/hpcb-smoke-t");
    }

    @Test
    void stoppingFromAnotherThreadDeletesTheGroupOnceAndEndsTheRun() throws Exception {
        arm.serialLogs.add(BOOTING);
        Smoke smoke = smoke(Duration.ofMinutes(5));
        CompletableFuture<Smoke.Outcome> run = CompletableFuture.supplyAsync(smoke::run);
        long until = System.currentTimeMillis() + 30_000;
        while (calls().stream().noneMatch(c -> c.startsWith("GET /stub/blob/")) && System.currentTimeMillis()
                < until) {
            Thread.sleep(20);
        }
        smoke.stop(); // what the CLI's Ctrl-C hook does
        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(DeploymentFailure.class)
                .hasMessageContaining("stopped before it finished");
        assertThat(arm.deleted).containsExactly("/subscriptions/s1/resourcegroups/hpcb-smoke-t");
    }

    @Test
    void anExistingGroupIsRefusedAndLeftAsItIs() {
        arm.groups.add("/subscriptions/s1/resourcegroups/hpcb-smoke-t");
        assertThatThrownBy(() -> smoke(Duration.ofMinutes(1)).run()).hasMessageContaining("resource group "
                + "hpcb-smoke-t exists; the smoke test deletes the group it deploys into, so it only uses a new one");
        assertThat(calls()).containsExactly("HEAD /subscriptions/s1/resourcegroups/hpcb-smoke-t");
        assertThat(host.commands).isEmpty();
    }

    @Test
    void anEnvironmentOfTheSameNameDeployedInTheSubscriptionIsLeftAlone() {
        arm.outputResources.put("t-subscription", JsonTrees.parse("[{\"id\": \"/subscriptions/s1/providers/"
                + "Microsoft.Authorization/roleDefinitions/r1\"}]"));
        assertThatThrownBy(() -> smoke(Duration.ofMinutes(1), true).run()).hasMessageContaining("environment t is "
                + "deployed in this subscription (deployment t-subscription); the smoke test would share its "
                + "subscription-level resources");
        assertThat(calls()).containsExactly("HEAD /subscriptions/s1/resourcegroups/hpcb-smoke-t",
                "GET /subscriptions/s1/providers/Microsoft.Resources/deployments/t-subscription");
        assertThat(arm.deleted).isEmpty();
        assertThat(host.commands).isEmpty();
    }

    @Test
    void aFailedPreflightCheckStopsTheRunBeforeAnythingIsDeployed() {
        preflight = List.of(PreflightResult.pass("providers", "all registered"), PreflightResult.fail("quota",
                "family standardFSv2Family needs 40 vCPUs, 10 are free", "request a quota increase"));
        assertThatThrownBy(() -> smoke(Duration.ofMinutes(1)).run()).isInstanceOf(DeploymentFailure.class)
                .hasMessage("smoke: not run: 1 preflight check(s) failed: quota: family standardFSv2Family needs 40 "
                        + "vCPUs, 10 are free (fix: request a quota increase)");
        assertThat(calls()).containsExactly("HEAD /subscriptions/s1/resourcegroups/hpcb-smoke-t");
        assertThat(arm.deleted).isEmpty();
    }

    @Test
    void aDeletionArmRefusesIsSaidWithTheCommandThatFinishesIt() {
        arm.serialLogs.add(DONE);
        host.sshAnswer = new HostCommands.Result(0, JOB_RAN);
        arm.fault("DELETE resourceGroup", 409);
        Smoke smoke = smoke(Duration.ofMinutes(1));
        assertThat(smoke.run().jobHost()).isEqualTo("t-htc-1");
        assertThat(smoke.groupDeleted()).isFalse();
        assertThat(printed).anySatisfy(l -> assertThat(l).startsWith("smoke: could not delete resource group "
                + "hpcb-smoke-t (ARM refused the deletion").endsWith("delete it yourself: az group delete --name "
                        + "hpcb-smoke-t --yes"));
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void theBootstrapsLinesAreFoundInTheWholeConsoleLog() {
        assertThat(Smoke.bootstrapLines(DONE + "[  403.0] systemd[1]: Finished hpcb-bootstrap.service\r\n"))
                .containsExactly("hpcb bootstrap.sh: CycleCloud administrator hpcadmin created",
                        "hpcb bootstrap.sh: done: CycleCloud is ready at https://10.0.0.4/");
    }

    /** ssh-keygen writes a key pair; the tunnel listens on its port; ssh answers what the test says. */
    static final class FakeHost implements HostCommands {
        final List<String> commands = Collections.synchronizedList(new ArrayList<>());
        volatile Result sshAnswer = new Result(255, "ssh: connect to host 127.0.0.1: Connection refused");
        volatile String stdin = "";
        volatile boolean tunnelClosed;
        private ServerSocket listening;

        @Override
        public Result run(List<String> command, String input, Duration timeout) {
            commands.add(String.join(" ", command));
            if (command.get(0).equals("ssh-keygen")) {
                Path key = Path.of(command.get(command.size() - 1));
                try {
                    Files.writeString(key, "-----BEGIN OPENSSH PRIVATE KEY-----\nfake\n");
                    Files.writeString(key.resolveSibling(key.getFileName() + ".pub"), "ssh-ed25519 AAAAC3fake "
                            + command.get(command.indexOf("-C") + 1) + "\n");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return new Result(0, "");
            }
            stdin = input;
            return sshAnswer;
        }

        @Override
        public Running start(List<String> command) {
            commands.add(String.join(" ", command));
            int port = Integer.parseInt(command.get(command.size() - 1));
            try {
                listening = new ServerSocket(port, 5, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return new Running() {
                @Override
                public boolean alive() {
                    return !listening.isClosed();
                }

                @Override
                public void close() {
                    tunnelClosed = true;
                    FakeHost.this.close();
                }
            };
        }

        void close() {
            try {
                if (listening != null) {
                    listening.close();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
