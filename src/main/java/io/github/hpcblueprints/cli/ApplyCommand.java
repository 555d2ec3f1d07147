package io.github.hpcblueprints.cli;

import io.github.hpcblueprints.deploy.AzureDeployer;
import io.github.hpcblueprints.deploy.Plan;
import io.github.hpcblueprints.deploy.PreflightResult;
import io.github.hpcblueprints.deploy.PlanText;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hpcb apply BLUEPRINT}: plans, then records the result in the local state. */
@Command(name = "apply", mixinStandardHelpOptions = true, description = "Plan, then apply: with the local target, "
        + "record the planned resources as the environment's state.")
final class ApplyCommand extends DeployOptions implements Callable<Integer> {

    @Option(names = "--yes", description = "Apply without asking.")
    boolean yes;

    @Option(names = "--no-preflight", description = "With --target azure: deploy without running the preflight "
            + "checks first.")
    boolean noPreflight;

    @Override
    public Integer call() {
        prepare();
        // the reasons a deployment fails half-way, found before anything is deployed
        if (deployer instanceof AzureDeployer azure && !noPreflight) {
            List<PreflightResult> results = azure.preflight(build, context, deployments);
            long failed = PreflightCommand.print(cli, results, false);
            if (failed > 0) {
                cli.out().println("not deployed: " + failed + " preflight check(s) failed (hpcb preflight shows them "
                        + "all; --no-preflight deploys anyway)");
                return ExitCode.REMOTE;
            }
            cli.progress("preflight: " + results.size() + " check(s) passed");
        }
        Plan plan = plan();
        cli.out().print(PlanText.render(plan, context));
        if (!plan.hasChanges()) {
            return ExitCode.OK;
        }
        if (!confirmed(yes, "apply")) {
            cli.progress("not applied");
            return ExitCode.OK;
        }
        deployer.apply(plan);
        cli.progress(!plan.local() ? "deployed to " + plan.state()
                : "applied: " + plan.resources().size() + " resource(s) recorded in " + plan.state());
        return ExitCode.OK;
    }
}
