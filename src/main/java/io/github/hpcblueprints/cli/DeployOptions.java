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
            + "(default: rg-<environment>).")
    String resourceGroup;

    @Option(names = "--subscription", paramLabel = "ID", description = "With --target azure: the subscription "
            + "(default: the environment variable AZURE_SUBSCRIPTION_ID).")
    String subscription;

    @Option(names = "--create-resource-group", description = "With --target azure: create the resource group in the "
            + "environment's region when it does not exist (before the plan: ARM validates only into a group that "
            + "exists).")
    boolean createGroup;

    @Option(names = "--stack", description = "With --target azure (apply): deploy the resource-group template as a "
            + "deployment stack whose deny settings stop anyone deleting what it manages.")
    boolean stack;

    Build build;
    PlanContext context;
    io.github.hpcblueprints.deploy.Deployer deployer;
    List<TemplateDeployment> deployments;

    /** Builds the blueprint and sets up the deployer for --target. */
    void prepare() {
        boolean azure = target.equalsIgnoreCase("azure");
        if (!azure && !target.equalsIgnoreCase("local")) {
            throw new BlueprintException(Problem.of("TARGET", "--target must be local or azure, not '" + target + "'",
                    Location.ofPath("--target"), "use --target local (the default) or --target azure"));
        }
        String subscriptionId = azure ? subscription(subscription, "--target azure needs the subscription to "
                + "deploy to") : "";
        build = new Pipeline().build(blueprint, Optional.empty());
        PlanService.Prepared prepared = PlanService.prepare(build, Optional.ofNullable(parametersFile),
                Optional.ofNullable(resourceGroup));
        deployments = prepared.deployments();
        context = prepared.context();
        if (!azure) {
            deployer = new LocalPlan(new StateStore(stateDir), context);
            return;
        }
        context = context.withSubscription(subscriptionId);
        requireAzureLibraries("--target");
        deployer = io.github.hpcblueprints.deploy.AzureDeployer.signIn(new io.github.hpcblueprints.deploy
                .AzureDeployer.Target(subscriptionId, context.resourceGroup(), context.location(), createGroup, stack),
                cli::progress);
    }

    /** The Azure libraries ship beside the CLI jar (target/azure-lib), not in it: a clear error when they are absent. */
    static void requireAzureLibraries(String option) {
        try {
            Class.forName("com.azure.resourcemanager.resources.ResourceManager");
        } catch (ClassNotFoundException e) {
            throw new BlueprintException(Problem.of("TARGET", "the Azure libraries are not on the class path",
                    Location.ofPath(option), "run through ./hpcb, which adds target/azure-lib for --target azure, "
                            + "preflight and smoke (or add target/azure-lib/* to java -cp)"));
        }
    }

    /** --subscription, else AZURE_SUBSCRIPTION_ID; a usage error saying {@code why} when neither is set. */
    static String subscription(String option, String why) {
        return io.github.hpcblueprints.deploy.AzureDeployer.Target.subscription(option).orElseThrow(() ->
                new BlueprintException(Problem.of("TARGET", why, Location.ofPath("--subscription"), "give "
                        + "--subscription ID or set AZURE_SUBSCRIPTION_ID (az account show --query id -o tsv)")));
    }

    Plan plan() {
        return PlanService.located(() -> deployer.plan(build.environment().name(), deployments, params));
    }

    /** --yes, or a person at a terminal who answers y; anything else leaves the state as it was. */
    static boolean confirmed(boolean yes, String what) {
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
