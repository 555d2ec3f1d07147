package io.github.hpcblueprints.cli;

import io.github.hpcblueprints.deploy.Plan;
import io.github.hpcblueprints.deploy.PlanText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hpcb destroy BLUEPRINT}: plans the removal of everything recorded, then applies it. */
@Command(name = "destroy", mixinStandardHelpOptions = true, description = "Plan the removal of everything the "
        + "environment consists of, then apply it.")
final class DestroyCommand extends DeployOptions implements Callable<Integer> {

    @Option(names = "--yes", description = "Destroy without asking.")
    boolean yes;

    @Override
    public Integer call() {
        prepare();
        Plan plan = deployer.planDestroy(build.environment().name());
        cli.out().print(PlanText.render(plan, context));
        if (!plan.hasChanges()) {
            return ExitCode.OK;
        }
        if (!confirmed(yes, "destroy")) {
            cli.progress("not destroyed");
            return ExitCode.OK;
        }
        deployer.apply(plan);
        cli.progress("destroyed: " + plan.count(io.github.hpcblueprints.deploy.Change.Action.DELETE)
                + " resource(s) removed from " + plan.state());
        return ExitCode.OK;
    }
}
