package io.github.hpcblueprints.hpc;

import io.github.hpcblueprints.arm.ParametersFile;
import io.github.hpcblueprints.arm.Template;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ClusterEnvironment} compiles to: the resource-group template and its parameters file, and the
 * subscription-scope template (CycleCloud's subscription reads, a subscription budget) when there is one.
 */
public final class CompiledEnvironment {

    private final ClusterEnvironment environment;
    private final Template resourceGroup;
    private final ParametersFile parameters;
    private final Template subscription;
    private final ParametersFile subscriptionParameters;

    CompiledEnvironment(ClusterEnvironment environment, Template resourceGroup, ParametersFile parameters,
            Template subscription, ParametersFile subscriptionParameters) {
        this.environment = Objects.requireNonNull(environment);
        this.resourceGroup = Objects.requireNonNull(resourceGroup);
        this.parameters = Objects.requireNonNull(parameters);
        this.subscription = subscription;
        this.subscriptionParameters = subscriptionParameters;
    }

    public ClusterEnvironment environment() {
        return environment;
    }

    /** {@code azuredeploy.json}. */
    public Template resourceGroup() {
        return resourceGroup;
    }

    /** {@code azuredeploy.parameters.json}. */
    public ParametersFile parameters() {
        return parameters;
    }

    /** {@code subscription.json}, when the environment has subscription-scope parts. */
    public Optional<Template> subscription() {
        return Optional.ofNullable(subscription);
    }

    public Optional<ParametersFile> subscriptionParameters() {
        return Optional.ofNullable(subscriptionParameters);
    }
}
