package io.github.hpcblueprints.cli;

import io.github.hpcblueprints.build.Build;
import io.github.hpcblueprints.deploy.LocalPlan;
import io.github.hpcblueprints.deploy.Plan;
import io.github.hpcblueprints.deploy.PlanContext;
import io.github.hpcblueprints.deploy.PlanService;
import io.github.hpcblueprints.deploy.StateStore;
import io.github.hpcblueprints.deploy.TemplateDeployment;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.generate.Pipeline;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The options plan, apply and destroy share (../shared/cli.md), and the steps they share. */
abstract class DeployOptions {

    @ParentCommand
    Cli cli;

    @Parameters(index = "0", paramLabel = "BLUEPRINT", description = "The blueprint YAML file.")
    Path blueprint;

    @Option(names = "--target", defaultValue = "local", paramLabel = "TARGET", description = "local (default: "
            + "evaluate the templates and compare with the state file; no Azure account) or azure.")
    String target;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A template parameter's value (repeatable); "
            + "JSON for int, bool, array and object parameters.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--parameters", paramLabel = "FILE", description = "An ARM parameters file whose values replace "
            + "the generated azuredeploy.parameters.json's.")
    Path parametersFile;

    @Option(names = "--state", defaultValue = ".hpcb/state", paramLabel = "DIR",
            description = "Folder of the local state files (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--resource-group", paramLabel = "NAME", description = "The resource group to deploy to "
            + "(the local plan's default: rg-<environment>).")
    String resourceGroup;

    Build build;
    PlanContext context;
    LocalPlan deployer;
    List<TemplateDeployment> deployments;

    /** Builds the blueprint and sets up the deployer for --target. */
    void prepare() {
        if (!target.equalsIgnoreCase("local")) {
            throw new BlueprintException(Problem.of("TARGET", "--target " + target + " is not available in this "
                    + "version: only the local plan is", Location.ofPath("--target"), "use --target local (the "
                    + "default); generate writes the templates that az deployment group create deploys"));
        }
        build = new Pipeline().build(blueprint, Optional.empty());
        deployments = PlanService.deployments(build, Optional.ofNullable(parametersFile));
        context = PlanService.context(build, deployments, Optional.ofNullable(resourceGroup));
        deployer = new LocalPlan(new StateStore(stateDir), context);
    }

    Plan plan() {
        return PlanService.located(() -> deployer.plan(build.environment().name(), deployments, params));
    }

    /** --yes, or a person at a terminal who answers y; anything else leaves the state as it was. */
    boolean confirmed(boolean yes, String what) {
        if (yes) {
            return true;
        }
        java.io.Console console = System.console();
        if (console == null) {
            throw new BlueprintException(Problem.of("CONFIRM", what + " needs a confirmation and there is no "
                    + "terminal to ask", Location.ofPath("--yes"), "add --yes to " + what + " without asking"));
        }
        String answer = console.readLine("%s? Only 'y' goes ahead: ", what);
        return answer != null && answer.trim().equalsIgnoreCase("y");
    }
}
