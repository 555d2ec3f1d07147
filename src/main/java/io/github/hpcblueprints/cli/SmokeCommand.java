package io.github.hpcblueprints.cli;

import io.github.hpcblueprints.build.Build;
import io.github.hpcblueprints.cost.PriceTable;
import io.github.hpcblueprints.deploy.AzureDeployer;
import io.github.hpcblueprints.deploy.HostCommands;
import io.github.hpcblueprints.deploy.PlanContext;
import io.github.hpcblueprints.deploy.PlanService;
import io.github.hpcblueprints.deploy.PlannedResource;
import io.github.hpcblueprints.deploy.Smoke;
import io.github.hpcblueprints.docs.CostEstimate;
import io.github.hpcblueprints.generate.Pipeline;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hpcb smoke BLUEPRINT}: the live smoke test (deploy into a new resource group, first boot, start the cluster,
 * one job, delete everything). Needs a subscription, the Azure CLI with its bastion extension, and OpenSSH.
 */
@Command(name = "smoke", mixinStandardHelpOptions = true, description = "Deploy the blueprint into a new resource "
        + "group, wait for the CycleCloud server's first boot, start the cluster, run srun hostname through Azure "
        + "Bastion, print what it saw, and delete the resource group (also on failure or Ctrl-C). Costs money: it "
        + "prints its estimate and asks first.")
final class SmokeCommand implements Callable<Integer> {

    /** Hours a run is expected to last: deployment, first boot, the cluster's start, a job, the deletion. */
    static final BigDecimal EXPECTED_HOURS = new BigDecimal("2");

    @ParentCommand
    Cli cli;

    @Parameters(index = "0", paramLabel = "BLUEPRINT", description = "The blueprint YAML file.")
    Path blueprint;

    @Option(names = "--subscription", paramLabel = "ID", description = "The subscription (default: the environment "
            + "variable AZURE_SUBSCRIPTION_ID).")
    String subscription;

    @Option(names = "--resource-group", paramLabel = "NAME", description = "The new resource group to deploy into "
            + "and delete afterwards (default: hpcb-smoke-<environment>-<UTC time>); it must not exist.")
    String resourceGroup;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A template parameter's value (repeatable); "
            + "adminSshPublicKey is the run's own.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--parameters", paramLabel = "FILE", description = "An ARM parameters file whose values replace "
            + "the generated azuredeploy.parameters.json's.")
    Path parametersFile;

    @Option(names = "--boot-timeout", defaultValue = "90", paramLabel = "MINUTES", description = "How long to wait "
            + "for the CycleCloud server's first boot (default: ${DEFAULT-VALUE}).")
    int bootMinutes;

    @Option(names = "--job-timeout", defaultValue = "45", paramLabel = "MINUTES", description = "How long to wait "
            + "for the node and the job (default: ${DEFAULT-VALUE}).")
    int jobMinutes;

    @Option(names = "--yes", description = "Run without asking.")
    boolean yes;

    @Override
    public Integer call() throws IOException {
        String id = DeployOptions.subscription(subscription, "smoke deploys into a subscription");
        Build build = new Pipeline().build(blueprint, Optional.empty());
        String group = Optional.ofNullable(resourceGroup).orElse("hpcb-smoke-" + build.environment().name() + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now(ZoneOffset.UTC)));
        PlanService.Prepared prepared = PlanService.prepare(build, Optional.ofNullable(parametersFile),
                Optional.of(group));
        // one evaluation of the templates serves the names the run needs and the estimate
        Map<String, PlannedResource> resources = prepared.resources();
        Smoke.Settings settings = Smoke.Settings.of(build, resources, Duration.ofMinutes(bootMinutes),
                Duration.ofMinutes(jobMinutes));
        CostEstimate estimate = CostEstimate.of(resources, build.environment(), PriceTable.shipped());
        BigDecimal hourly = estimate.fixedTotal().divide(PriceTable.HOURS_PER_MONTH, 4, RoundingMode.HALF_UP);
        cli.out().printf("smoke: deploys %s into the new resource group %s (subscription %s, %s), then deletes it.%n"
                + "smoke: what runs all the time costs about %s an hour (list prices of %s), so a run of about %s "
                + "hours costs about %s, plus the node the job starts.%n", build.environment().name(), group, id,
                prepared.context().location(), estimate.money(hourly), estimate.asOf(), EXPECTED_HOURS,
                estimate.money(hourly.multiply(EXPECTED_HOURS)));
        if (!DeployOptions.confirmed(yes, "smoke")) {
            cli.progress("smoke: not run");
            return ExitCode.OK;
        }
        DeployOptions.requireAzureLibraries("smoke");
        PlanContext context = prepared.context().withSubscription(id);
        AzureDeployer.Target target = new AzureDeployer.Target(id, group, context.location(), true);
        // the Azure library's types stay inside AzureDeployer: picocli reflects on this class's methods, lambdas too,
        // and every other command runs without those libraries on the class path
        AzureDeployer deployer = AzureDeployer.signIn(target, cli::progress);
        Path work = Files.createTempDirectory("hpcb-smoke", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Smoke smoke = new Smoke(deployer, group, prepared.deployments(), params, settings, HostCommands.processes(),
                cli::progress, work, () -> deployer.preflight(build, context, prepared.deployments()));
        // Ctrl-C: the JVM runs this before it exits, so what was deployed is deleted
        Thread onInterrupt = new Thread(smoke::stop, "hpcb-smoke-cleanup");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            Smoke.Outcome outcome = smoke.run();
            cli.out().printf("smoke: passed: srun --partition=%s hostname ran on %s%n", settings.partition(),
                    outcome.jobHost());
            if (!smoke.groupDeleted()) {
                // it still costs money: not a success until it is gone
                cli.out().printf("smoke: resource group %s was not deleted: az group delete --name %s --yes%n",
                        group, group);
                return ExitCode.REMOTE;
            }
            cli.out().printf("smoke: resource group %s deleted%n", group);
            return ExitCode.OK;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and deletes what was deployed
            }
            Files.deleteIfExists(work);
        }
    }
}
