package io.github.hpcblueprints.maven;

import io.github.hpcblueprints.build.Build;
import io.github.hpcblueprints.deploy.Plan;
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

    @Override
    public void execute() throws MojoFailureException {
        if (!"local".equalsIgnoreCase(target)) {
            throw new MojoFailureException("target " + target + " is not available in this version: only the local "
                    + "plan is (target local, the default)");
        }
        try {
            Build build = new Pipeline().build(blueprint.toPath(), Optional.empty());
            PlanService.Prepared prepared = PlanService.prepare(build, Optional.empty(), Optional.empty());
            Plan plan = prepared.localPlan(build.environment().name(), stateDirectory.toPath(), parameters);
            for (String line : PlanText.render(plan, prepared.context()).split("\n")) {
                getLog().info(line);
            }
        } catch (BlueprintException e) {
            e.problems().stream().map(Problem::describe).forEach(getLog()::error);
            throw new MojoFailureException(e.problems().size() + " problem(s) in " + blueprint + " (see above)");
        }
    }
}
