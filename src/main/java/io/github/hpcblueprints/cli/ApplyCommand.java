package io.github.hpcblueprints.cli;

import io.github.hpcblueprints.deploy.Plan;
import io.github.hpcblueprints.deploy.PlanText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hpcb apply BLUEPRINT}: plans, then records the result in the local state. */
@Command(name = "apply", mixinStandardHelpOptions = true, description = "Plan, then apply: with the local target, "
        + "record the planned resources as the environment's state.")
final class ApplyCommand extends DeployOptions implements Callable<Integer> {

    @Option(names = "--yes", description = "Apply without asking.")
    boolean yes;

    @Override
    public Integer call() {
        prepare();
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
