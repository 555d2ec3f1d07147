package io.github.hpcblueprints.hpc;

import io.github.hpcblueprints.arm.ParametersFile;
import io.github.hpcblueprints.arm.Template;
import io.github.hpcblueprints.azure.AzureResource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ClusterEnvironment} compiles to: the resource-group template and its parameters file, the
 * subscription-scope template (CycleCloud's subscription reads, a subscription budget) when there is one, and the
 * typed resources both were made from, which the domain's rules ({@link DomainRules}) judge.
 */
public final class CompiledEnvironment {

    private final ClusterEnvironment environment;
    private final Template resourceGroup;
    private final ParametersFile parameters;
    private final Template subscription;
    private final ParametersFile subscriptionParameters;
    private final List<AzureResource> resources;
    private final List<ProjectIdentity> projectIdentities;

    CompiledEnvironment(ClusterEnvironment environment, Template resourceGroup, ParametersFile parameters,
            Template subscription, ParametersFile subscriptionParameters, List<AzureResource> resources,
            List<ProjectIdentity> projectIdentities) {
        this.environment = Objects.requireNonNull(environment);
        this.resourceGroup = Objects.requireNonNull(resourceGroup);
        this.parameters = Objects.requireNonNull(parameters);
        this.subscription = subscription;
        this.subscriptionParameters = subscriptionParameters;
        this.resources = List.copyOf(resources);
        this.projectIdentities = List.copyOf(projectIdentities);
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

    /** The typed resources of one kind, resource-group template first, in the order they were added. */
    public <T extends AzureResource> List<T> resources(Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** Each project's identity and the container it may reach. */
    public List<ProjectIdentity> projectIdentities() {
        return projectIdentities;
    }
}
