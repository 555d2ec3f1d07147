package io.github.hpcblueprints.hpc;

import io.github.hpcblueprints.arm.Expr;
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
    private final Reach reach;

    /**
     * What the run-time checks need beside the resources: the calls the scripts make, the network they are made in,
     * the identities attached to machines users sign in to (and what those must never write), and CycleCloud's own.
     *
     * @param vnetId the environment's virtual network
     * @param exposed identities on machines users sign in to or run jobs on, by what carries them
     * @param guarded scopes an exposed identity must not write, by what they are; the Key Vault's must not be held
     *     at all (reading the administrator password is enough harm)
     * @param cycleCloudIdentityId CycleCloud's own identity; empty without a cluster
     * @param serverVm the CycleCloud server's VM name; empty without a cluster
     */
    public record Reach(List<Call> calls, Expr vnetId, java.util.Map<String, Expr> exposed,
            java.util.Map<String, Expr> guarded, Optional<Expr> vaultScope, Optional<Expr> cycleCloudIdentityId,
            Optional<String> serverVm) {

        public Reach {
            calls = List.copyOf(calls);
            exposed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(exposed));
            guarded = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(guarded));
        }
    }

    CompiledEnvironment(ClusterEnvironment environment, Template resourceGroup, ParametersFile parameters,
            Template subscription, ParametersFile subscriptionParameters, List<AzureResource> resources,
            List<ProjectIdentity> projectIdentities, Reach reach) {
        this.environment = Objects.requireNonNull(environment);
        this.resourceGroup = Objects.requireNonNull(resourceGroup);
        this.parameters = Objects.requireNonNull(parameters);
        this.subscription = subscription;
        this.subscriptionParameters = subscriptionParameters;
        this.resources = List.copyOf(resources);
        this.projectIdentities = List.copyOf(projectIdentities);
        this.reach = Objects.requireNonNull(reach);
    }

    /** Who calls what at run time, and which identities users can reach (see {@link Reach}). */
    public Reach reach() {
        return reach;
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
