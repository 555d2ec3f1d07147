package io.github.hpcblueprints.maven;

import io.github.hpcblueprints.build.Build;
import io.github.hpcblueprints.deploy.Plan;
import io.github.hpcblueprints.deploy.AzureDeployer;
import io.github.hpcblueprints.deploy.DeploymentFailure;
import io.github.hpcblueprints.deploy.PlanContext;
import io.github.hpcblueprints.deploy.PlanService;
import io.github.hpcblueprints.deploy.PlanText;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.generate.Pipeline;
import java.io.File;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code hpc-blueprints:plan}: what deploying one blueprint would create, modify or delete, against the local state,
 * as {@code hpcb plan} prints it. Changes nothing; not bound to a phase (run it directly).
 */
@Mojo(name = "plan", threadSafe = true, requiresProject = false)
public final class PlanMojo extends AbstractMojo {

    /** The blueprint to plan. */
    @Parameter(property = "hpcb.blueprint", required = true)
    private File blueprint;

    /** local (the default; no Azure account) or azure. */
    @Parameter(property = "hpcb.target", defaultValue = "local")
    private String target;

    /** The folder of the local state files. */
    @Parameter(property = "hpcb.stateDirectory", defaultValue = "${project.basedir}/.hpcb/state")
    private File stateDirectory;

    /** Template parameter values (as {@code --param NAME=VALUE}). */
    @Parameter
    private Map<String, String> parameters = Map.of();

    /** With target azure: the subscription (default: the environment variable AZURE_SUBSCRIPTION_ID). */
    @Parameter(property = "hpcb.subscription")
    private String subscription;

    /** The resource group (default: rg-ENVIRONMENT). */
    @Parameter(property = "hpcb.resourceGroup")
    private String resourceGroup;

    @Override
    public void execute() throws MojoFailureException {
        boolean azure = "azure".equalsIgnoreCase(target);
        if (!azure && !"local".equalsIgnoreCase(target)) {
            throw new MojoFailureException("<target> must be local or azure, not '" + target + "'");
        }
        Optional<String> subscriptionId = AzureDeployer.Target.subscription(subscription);
        if (azure && subscriptionId.isEmpty()) {
            throw new MojoFailureException("target azure needs the subscription to plan against: set <subscription> "
                    + "(-Dhpcb.subscription=ID) or the environment variable AZURE_SUBSCRIPTION_ID");
        }
        try {
            Build build = new Pipeline().build(blueprint.toPath(), Optional.empty());
            PlanService.Prepared prepared = PlanService.prepare(build, Optional.empty(),
                    Optional.ofNullable(resourceGroup));
            PlanContext context = prepared.context();
            Plan plan;
            if (azure) {
                // ARM's validate and what-if, signed in as DefaultAzureCredential does; nothing is deployed
                plan = AzureDeployer.signIn(new AzureDeployer.Target(subscriptionId.get(), context.resourceGroup(),
                        context.location(), false), getLog()::info).plan(build.environment().name(),
                        prepared.deployments(), parameters);
            } else {
                plan = prepared.localPlan(build.environment().name(), stateDirectory.toPath(), parameters);
            }
            for (String line : PlanText.render(plan, context).split("\n")) {
                getLog().info(line);
            }
        } catch (BlueprintException e) {
            e.problems().stream().map(Problem::describe).forEach(getLog()::error);
            throw new MojoFailureException(e.problems().size() + " problem(s) in " + blueprint + " (see above)");
        } catch (DeploymentFailure e) {
            throw new MojoFailureException(e.getMessage());
        }
    }
}
