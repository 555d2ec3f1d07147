package io.github.hpcblueprints.cli;

import io.github.hpcblueprints.build.Build;
import io.github.hpcblueprints.deploy.AzureDeployer;
import io.github.hpcblueprints.deploy.PlanContext;
import io.github.hpcblueprints.deploy.PlanService;
import io.github.hpcblueprints.deploy.PreflightResult;
import io.github.hpcblueprints.deploy.TemplateDeployment;
import io.github.hpcblueprints.generate.Pipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code hpcb preflight BLUEPRINT}: whether the subscription is ready, before anything is deployed. */
@Command(name = "preflight", mixinStandardHelpOptions = true, description = "Check that the subscription is ready "
        + "for the blueprint (providers, quota, sizes, rights, features, names taken); exit 3 when it is not.")
final class PreflightCommand implements Callable<Integer> {

    @ParentCommand
    Cli cli;

    @Parameters(index = "0", paramLabel = "BLUEPRINT", description = "The blueprint YAML file.")
    Path blueprint;

    @Option(names = "--subscription", paramLabel = "ID", description = "The subscription (default: the environment "
            + "variable AZURE_SUBSCRIPTION_ID).")
    String subscription;

    @Option(names = "--resource-group", paramLabel = "NAME", description = "The resource group the environment "
            + "would be deployed to (default: rg-<environment>).")
    String resourceGroup;

    @Override
    public Integer call() {
        String id = DeployOptions.subscription(subscription, "preflight needs the subscription to check");
        Build build = new Pipeline().build(blueprint, Optional.empty());
        PlanService.Prepared prepared = PlanService.prepare(build, Optional.empty(), Optional.ofNullable(resourceGroup));
        List<TemplateDeployment> deployments = prepared.deployments();
        PlanContext context = prepared.context().withSubscription(id);
        List<PreflightResult> results = AzureDeployer.signIn(new AzureDeployer.Target(id, context.resourceGroup(),
                context.location(), false), cli::progress).preflight(build, context, deployments);
        long failed = print(cli, results, true);
        cli.out().printf("%d check(s) failed, %d passed (subscription %s, resource group %s, %s)%n", failed,
                results.size() - failed, id, context.resourceGroup(), context.location());
        return failed == 0 ? ExitCode.OK : ExitCode.REMOTE;
    }

    /** Prints the checks (with {@code all}, also those that passed), each failure with its fix; counts the failures. */
    static long print(Cli cli, List<PreflightResult> results, boolean all) {
        long failed = 0;
        for (PreflightResult r : results) {
            if (r.ok() && !all) {
                continue;
            }
            cli.out().println((r.ok() ? "  ok    " : "  FAIL  ") + r.check() + ": " + r.message());
            if (!r.ok()) {
                failed++;
                cli.out().println("        fix: " + r.fix());
            }
        }
        return failed;
    }
}
