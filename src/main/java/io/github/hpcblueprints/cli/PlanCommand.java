package io.github.hpcblueprints.cli;

import io.github.hpcblueprints.deploy.Plan;
import io.github.hpcblueprints.deploy.PlanText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hpcb plan BLUEPRINT}: what a deployment would change, against the local state. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Show what deploying the blueprint would "
        + "create, modify or delete (a what-if), against the local state; changes nothing.")
final class PlanCommand extends DeployOptions implements Callable<Integer> {

    @Option(names = "--detailed-exitcode", description = "Exit 1 when the plan has changes (0 when none).")
    boolean detailedExitCode;

    @Override
    public Integer call() {
        prepare();
        Plan plan = plan();
        cli.out().print(PlanText.render(plan, context));
        return detailedExitCode && plan.hasChanges() ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
