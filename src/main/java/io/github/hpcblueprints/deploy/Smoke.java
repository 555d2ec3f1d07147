package io.github.hpcblueprints.deploy;

import io.github.hpcblueprints.build.Build;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The live smoke test: deploys an environment into a resource group of its own, waits for the CycleCloud server's
 * first boot to report done in its boot diagnostics log, comes in the way the environment's README tells
 * administrators to (Azure Bastion's native-client tunnel, then SSH with the break-glass key), starts the cluster,
 * runs {@code srun hostname} on a partition from the login node (the scheduler where there is none), prints what it
 * saw, and deletes the resource group and what the subscription template created: also when a step fails, and when
 * the run is interrupted ({@link #stop()}, which the CLI calls on Ctrl-C).
 */
public final class Smoke {

    /** The line the CycleCloud server's bootstrap ends its boot log with when it is done. */
    static final String BOOT_DONE = "done: CycleCloud is ready";
    /**
     * The bootstrap gives up a run with this, and systemd starts it again ten minutes later (a role assignment or DNS
     * record may just be late): the smoke test waits on, and stops at the {@value #GIVE_UPS}th.
     */
    static final String BOOT_GAVE_UP = "giving up after";
    static final int GIVE_UPS = 3;
    static final String SERVER_SCRIPT = "/deploy/smoke-on-server.sh";
    /** The run's key pair in its private folder: this file and {@code .pub} beside it. */
    private static final String KEY = "smoke_ed25519";

    /**
     * What the test needs to know of the environment.
     *
     * @param node the node (or node array) to run the job from: {@code login}, else {@code scheduler}
     */
    public record Settings(String environment, String serverVm, String bastion, String adminUser, String cluster,
            String node, String partition, Duration bootTimeout, Duration jobTimeout, Duration poll) {
        public Settings {
            Objects.requireNonNull(environment);
            Objects.requireNonNull(poll);
        }

        /** The names in {@code build} (a cluster, a CycleCloud server and a Bastion with tunnelling it must have). */
        public static Settings of(Build build, Map<String, PlannedResource> resources, Duration bootTimeout,
                Duration jobTimeout) {
            ClusterEnvironment env = build.environment();
            missing(build, resources).ifPresent(what -> {
                throw new BlueprintException(Problem.of("SMOKE", "the smoke test needs a cluster, its CycleCloud "
                        + "server and Azure Bastion (its way in); environment " + env.name() + " lacks " + what,
                        Location.ofPath("$"), "smoke-test a blueprint with all three, such as "
                                + "blueprints/minimal-slurm-nfs.yaml"));
            });
            var cluster = env.cluster().orElseThrow();
            return new Settings(env.name(), build.compiled().reach().serverVm().orElseThrow(), Smoke.bastion(resources)
                    .orElseThrow(), env.cycleCloud().map(c -> c.adminUser()).orElseThrow(), cluster.name(),
                    cluster.loginCount() > 0 ? "login" : "scheduler", cluster.defaultPartition().name(),
                    bootTimeout, jobTimeout, Duration.ofSeconds(30));
        }
    }

    /** Whether the smoke test can run on this environment: it has a cluster, its CycleCloud server and a Bastion. */
    public static boolean possible(Build build, Map<String, PlannedResource> resources) {
        return missing(build, resources).isEmpty();
    }

    /** What the environment lacks for the smoke test, if anything: "a cluster", "a CycleCloud server", "a Bastion". */
    private static Optional<String> missing(Build build, Map<String, PlannedResource> resources) {
        if (build.environment().cluster().isEmpty()) {
            return Optional.of("a cluster");
        }
        if (build.compiled().reach().serverVm().isEmpty()) {
            return Optional.of("a CycleCloud server");
        }
        return bastion(resources).isEmpty() ? Optional.of("a Bastion") : Optional.empty();
    }

    /** The name of the environment's Azure Bastion, the way in the README gives everyone. */
    public static Optional<String> bastion(Map<String, PlannedResource> resources) {
        return resources.values().stream().filter(r -> r.type().equals("Microsoft.Network/bastionHosts"))
                .map(PlannedResource::name).findFirst();
    }

    /** What the run saw: the node the job ran on (the server's lines went to the progress as they came). */
    public record Outcome(String jobHost) {
    }

    private final AzureDeployer deployer;
    private final String resourceGroup;
    private final List<TemplateDeployment> deployments;
    private final Map<String, String> parameters;
    private final Settings settings;
    private final HostCommands commands;
    private final Consumer<String> progress;
    private final Path work;
    private final java.util.function.Supplier<List<PreflightResult>> preflight;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicBoolean cleaned = new AtomicBoolean();
    private volatile boolean deployStarted;
    private volatile boolean deleted;
    private volatile HostCommands.Running tunnel;

    /**
     * @param deployer an Azure deployer whose target creates {@code resourceGroup}, a group no one else uses
     * @param work a private folder for the run's SSH key (removed at the end)
     * @param preflight the preflight checks of the subscription, run before anything is deployed
     */
    public Smoke(AzureDeployer deployer, String resourceGroup, List<TemplateDeployment> deployments,
            Map<String, String> parameters, Settings settings, HostCommands commands, Consumer<String> progress,
            Path work, java.util.function.Supplier<List<PreflightResult>> preflight) {
        this.deployer = deployer;
        this.resourceGroup = resourceGroup;
        this.deployments = List.copyOf(deployments);
        this.parameters = Map.copyOf(parameters);
        this.settings = settings;
        this.commands = commands;
        this.progress = progress;
        this.work = work;
        this.preflight = preflight;
    }

    /** Runs the whole test; the resource group is gone when it returns or throws. */
    public Outcome run() {
        try {
            refuseSharedTarget();
            List<PreflightResult> failed = preflight.get().stream().filter(r -> !r.ok()).toList();
            if (!failed.isEmpty()) {
                throw new DeploymentFailure("smoke: not run: " + failed.size() + " preflight check(s) failed: "
                        + String.join("; ", failed.stream().map(r -> r.check() + ": " + r.message() + " (fix: "
                                + r.fix() + ")").toList()), null);
            }
            Path key = key();
            Map<String, String> params = new LinkedHashMap<>(parameters);
            params.put("adminSshPublicKey", Files.readString(work.resolve(KEY + ".pub"), StandardCharsets.UTF_8)
                    .trim());
            progress.accept("smoke: deploying environment " + settings.environment() + " into resource group "
                    + resourceGroup);
            checkStopped();
            deployStarted = true;
            Plan plan = deployer.plan(settings.environment(), deployments, params);
            checkStopped();
            deployer.apply(plan);
            waitForBoot();
            int port = openTunnel();
            return runJob(key, port);
        } catch (IOException e) {
            throw new DeploymentFailure("smoke: " + e.getMessage(), e);
        } finally {
            stop();
        }
    }

    /**
     * The run deletes what it deployed, so it deploys only where nothing is anyone else's: into a new group, and
     * where no environment of its name is deployed (what the subscription template creates is named by the
     * subscription and the environment, so it would be shared, then deleted).
     */
    private void refuseSharedTarget() {
        if (deployer.groupExists()) {
            throw new BlueprintException(Problem.of("TARGET", "resource group " + resourceGroup + " exists; the "
                    + "smoke test deletes the group it deploys into, so it only uses a new one", Location.ofPath(
                            "--resource-group"), "name a group that does not exist, or leave --resource-group out"));
        }
        String environment = settings.environment();
        if (deployments.stream().anyMatch(AzureDeployer::subscriptionScope)
                && deployer.subscriptionDeploymentExists(environment)) {
            throw new BlueprintException(Problem.of("TARGET", "environment " + environment + " is deployed in this "
                    + "subscription (deployment " + environment + "-subscription); the smoke test would share its "
                    + "subscription-level resources (custom role, role assignments, budgets) and delete them at the "
                    + "end", Location.ofPath("--subscription"), "smoke-test in a subscription without environment "
                            + environment + ", or copy the blueprint under another name"));
        }
    }

    /** Stops the run and deletes what it deployed; safe to call again and from another thread (Ctrl-C). */
    public void stop() {
        stopped.set(true);
        if (!cleaned.compareAndSet(false, true)) {
            return;
        }
        HostCommands.Running t = tunnel;
        if (t != null) {
            t.close();
        }
        try {
            if (deployStarted) {
                progress.accept("smoke: deleting resource group " + resourceGroup + " and what the subscription "
                        + "template created");
                deployer.apply(deployer.planDestroy(settings.environment(), true));
                deleted = true;
                progress.accept("smoke: resource group " + resourceGroup + " deleted");
            }
        } catch (RuntimeException e) {
            progress.accept("smoke: could not delete resource group " + resourceGroup + " (" + e.getMessage()
                    + "): delete it yourself: az group delete --name " + resourceGroup + " --yes");
        } finally {
            deleteKey();
        }
    }

    /** Whether the run's end deleted what it deployed (false until then, and when the deletion failed). */
    public boolean groupDeleted() {
        return deleted;
    }

    private void checkStopped() {
        if (stopped.get()) {
            throw new DeploymentFailure("smoke: stopped before it finished", null);
        }
    }

    /** A key pair for this run only: its public half becomes the break-glass key of the deployment. */
    private Path key() throws IOException {
        Path key = work.resolve(KEY);
        HostCommands.Result r = commands.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C",
                "hpcb-smoke-" + settings.environment(), "-f", key.toString()), "", Duration.ofMinutes(1));
        if (r.exitCode() != 0 || !Files.exists(work.resolve(KEY + ".pub"))) {
            throw new DeploymentFailure("smoke: ssh-keygen could not make the run's key: " + r.output().strip(), null);
        }
        return key;
    }

    private void deleteKey() {
        for (String f : List.of(KEY, KEY + ".pub")) {
            try {
                Files.deleteIfExists(work.resolve(f));
            } catch (IOException e) {
                progress.accept("smoke: could not delete " + work.resolve(f) + ": " + e.getMessage());
            }
        }
    }

    /** Reads the server's boot log until its bootstrap says it is done, gives up, or the time is up. */
    private void waitForBoot() {
        progress.accept("smoke: waiting up to " + settings.bootTimeout().toMinutes() + " minutes for "
                + settings.serverVm() + "'s first boot (boot diagnostics)");
        long deadline = System.nanoTime() + settings.bootTimeout().toNanos();
        int seen = 0;
        while (true) {
            checkStopped();
            List<String> lines = bootstrapLines(deployer.bootLog(settings.serverVm()));
            for (String line : lines.subList(Math.min(seen, lines.size()), lines.size())) {
                progress.accept("  " + line);
            }
            seen = Math.max(seen, lines.size());
            if (lines.stream().anyMatch(l -> l.contains(BOOT_DONE))) {
                return;
            }
            List<String> gaveUp = lines.stream().filter(l -> l.contains(BOOT_GAVE_UP)).toList();
            if (gaveUp.size() >= GIVE_UPS) {
                throw new DeploymentFailure("smoke: the first boot of " + settings.serverVm() + " failed "
                        + gaveUp.size() + " times: " + String.join("; ", gaveUp), null);
            }
            if (System.nanoTime() > deadline) {
                throw new DeploymentFailure("smoke: " + settings.serverVm() + " did not finish its first boot within "
                        + settings.bootTimeout().toMinutes() + " minutes; its last lines: " + String.join("; ",
                                lines.subList(Math.max(0, lines.size() - 5), lines.size())), null);
            }
            pause(settings.poll());
        }
    }

    /** The bootstrap's own lines of a serial log (the console carries the whole boot). */
    static List<String> bootstrapLines(String log) {
        List<String> out = new ArrayList<>();
        for (String line : log.split("\r?\n")) {
            int at = line.indexOf("hpcb bootstrap.sh: ");
            if (at >= 0) {
                out.add(line.substring(at).strip());
            }
        }
        return out;
    }

    /** Bastion's native-client tunnel to the server's SSH port, on a free local port; waits until it answers. */
    private int openTunnel() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        checkStopped();
        progress.accept("smoke: opening a tunnel through " + settings.bastion() + " to " + settings.serverVm()
                + " on 127.0.0.1:" + port);
        tunnel = commands.start(List.of("az", "network", "bastion", "tunnel", "--name", settings.bastion(),
                "--resource-group", resourceGroup, "--target-resource-id", deployer.virtualMachineId(
                        settings.serverVm()), "--resource-port", "22", "--port", String.valueOf(port)));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            checkStopped();
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 1_000);
                return port;
            } catch (IOException notYet) {
                if (!tunnel.alive() || System.nanoTime() > deadline) {
                    throw new DeploymentFailure("smoke: the Bastion tunnel to " + settings.serverVm() + " did not "
                            + "open (az network bastion tunnel needs the Azure CLI, signed in, with the bastion "
                            + "extension, and Bastion Standard with native client support)", null);
                }
                pause(Duration.ofMillis(500));
            }
        }
    }

    /** The server-side step (smoke-on-server.sh) through the tunnel, as the break-glass administrator with sudo. */
    private Outcome runJob(Path key, int port) throws IOException {
        checkStopped();
        String script;
        try (InputStream in = Smoke.class.getResourceAsStream(SERVER_SCRIPT)) {
            script = new String(Objects.requireNonNull(in, SERVER_SCRIPT).readAllBytes(), StandardCharsets.UTF_8);
        }
        long minutes = Math.max(1, settings.jobTimeout().toMinutes());
        progress.accept("smoke: starting cluster " + settings.cluster() + " and running srun --partition="
                + settings.partition() + " hostname from " + settings.node());
        HostCommands.Result r = commands.run(List.of("ssh", "-i", key.toString(), "-p", String.valueOf(port),
                "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "ConnectTimeout=60", settings.adminUser() + "@127.0.0.1", "sudo", "bash", "-s", "--",
                settings.cluster(), settings.adminUser(), settings.node(), settings.partition(),
                String.valueOf(minutes)), script, settings.jobTimeout().plusMinutes(10));
        List<String> lines = r.output().lines().toList();
        lines.forEach(l -> progress.accept("  " + l));
        if (r.exitCode() != 0) {
            throw new DeploymentFailure("smoke: the job did not run (exit " + r.exitCode() + "): " + lines.stream()
                    .filter(l -> l.startsWith("smoke: failed")).findFirst().orElse(lines.isEmpty() ? "no output"
                            : lines.get(lines.size() - 1)), null);
        }
        int at = lines.indexOf("smoke: job output:");
        String host = at >= 0 && at + 1 < lines.size() ? lines.get(at + 1).strip() : "";
        return new Outcome(host);
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.set(true);
            throw new DeploymentFailure("smoke: interrupted", e);
        }
    }
}
