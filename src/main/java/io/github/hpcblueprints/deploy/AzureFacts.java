package io.github.hpcblueprints.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Azure says about a subscription, as {@link Preflight} asks it: the answers of the resource provider, usage,
 * resource SKU, permission, feature, marketplace agreement, deleted vault, budget and role definition listings.
 * One implementation reads them from Azure; tests give them as values.
 */
public interface AzureFacts {

    /** A VM size as the resource SKU listing gives it for a region. */
    record VmSku(String name, String family, int vCpus, boolean restricted, List<String> zones) {
    }

    /** A quota's use and limit ({@code cores}, {@code lowPriorityCores}, a family such as {@code standardDASv5Family}). */
    record Usage(long current, long limit) {
    }

    /** Resource provider namespaces in state Registered. */
    Set<String> registeredProviders();

    /** Subscription features in state Registered, as {@code Namespace/Feature}. */
    Set<String> registeredFeatures();

    /** The size in the region, or empty where the region does not offer it. */
    Optional<VmSku> vmSku(String location, String size);

    /** Compute quotas in the region by name. */
    Map<String, Usage> computeUsage(String location);

    /** The Azure Managed Lustre SKUs the region offers. */
    Set<String> lustreSkus(String location);

    /** Whether the signed-in caller may perform the action at the scope (its effective permissions there). */
    boolean callerMay(String action, String scope);

    /** Whether the marketplace terms of an image plan are accepted in the subscription. */
    boolean termsAccepted(String publisher, String offer, String plan);

    /** Names of Key Vaults deleted but not purged (their names stay taken until purged). */
    Set<String> deletedVaults();

    /** The start date of an existing budget at the scope, or empty. */
    Optional<String> budgetStartDate(String scope, String name);

    /** Custom role definitions visible to the caller: role name to definition id. */
    Map<String, String> customRoles();
}
