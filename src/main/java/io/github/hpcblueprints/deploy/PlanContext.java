package io.github.hpcblueprints.deploy;

import java.util.Objects;

/**
 * Where a local plan pretends to deploy: the values ARM would give {@code subscription()}, {@code resourceGroup()},
 * {@code tenant()} and {@code deployment()}. The defaults are all-zero ids, so names computed from them with
 * {@code uniqueString}/{@code guid} are stable and plainly not a real subscription's.
 */
public record PlanContext(String subscriptionId, String resourceGroup, String location, String tenantId,
        String deploymentName) {

    public static final String ZERO_ID = "00000000-0000-0000-0000-000000000000";

    public PlanContext {
        Objects.requireNonNull(subscriptionId);
        Objects.requireNonNull(resourceGroup);
        Objects.requireNonNull(location);
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(deploymentName);
    }

    /** The defaults for an environment: resource group {@code rg-<environment>}, deployment named after it. */
    public static PlanContext defaults(String environment, String location) {
        return new PlanContext(ZERO_ID, "rg-" + environment, location, ZERO_ID, environment);
    }

    /** The same context in subscription {@code id}: what a deployment to Azure evaluates against. */
    public PlanContext withSubscription(String id) {
        return new PlanContext(id, resourceGroup, location, tenantId, deploymentName);
    }

    public PlanContext withResourceGroup(String name) {
        return new PlanContext(subscriptionId, name, location, tenantId, deploymentName);
    }

    public String subscriptionPath() {
        return "/subscriptions/" + subscriptionId;
    }

    public String resourceGroupPath() {
        return subscriptionPath() + "/resourceGroups/" + resourceGroup;
    }
}
