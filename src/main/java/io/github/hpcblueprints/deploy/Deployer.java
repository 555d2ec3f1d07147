package io.github.hpcblueprints.deploy;

import java.util.List;
import java.util.Map;

/**
 * Applies what generate renders. {@link LocalPlan} is the embedded default: it evaluates the templates as ARM would
 * and records the result in a local state file, with no Azure account.
 */
public interface Deployer {

    /**
     * The what-if of deploying these templates as one environment.
     *
     * @param overrides parameter values given on the command line ({@code --param NAME=VALUE}), as text
     */
    Plan plan(String environment, List<TemplateDeployment> templates, Map<String, String> overrides);

    /** The what-if of removing everything the environment consists of. */
    Plan planDestroy(String environment);

    /** Makes the plan so: afterwards the environment consists of exactly {@link Plan#resources()}. */
    void apply(Plan plan);
}
