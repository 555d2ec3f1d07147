package io.github.hpcblueprints.hpc;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.authorization.BuiltInRole;
import io.github.hpcblueprints.azure.network.PrivateLinkTarget;
import io.github.hpcblueprints.azure.network.Subnet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A call one of our scripts makes at run time: a machine in a subnet, with an identity, reaching a vault or a storage
 * account. The part that renders the script declares it; {@link DomainRules} proves that the network admits it
 * (a private endpoint in a zone the network resolves, or a service endpoint the target's firewall names) and that
 * the identity holds one of the roles it needs, on the target or above it.
 *
 * @param caller who calls, for messages ("the CycleCloud server")
 * @param from the caller's subnet
 * @param principal the identity it calls with; empty for network-only calls (an NFS mount)
 * @param purpose what the call is for ("reads its administrator password")
 * @param endpoint the resource whose network path is taken (the vault, the storage account)
 * @param service how that resource is reached (its private-link kind and service endpoint)
 * @param scope what the role must cover (a container, or the endpoint itself)
 * @param roles the built-in roles any one of which is enough
 */
public record Call(String caller, Ref<Subnet> from, Optional<Expr> principal, String purpose, Ref<?> endpoint,
        PrivateLinkTarget service, Ref<?> scope, Set<BuiltInRole> roles) {

    public Call {
        Objects.requireNonNull(caller);
        Objects.requireNonNull(from);
        Objects.requireNonNull(principal);
        Objects.requireNonNull(endpoint);
        Objects.requireNonNull(service);
        Objects.requireNonNull(scope);
        roles = Set.copyOf(roles);
        if (principal.isPresent() == roles.isEmpty()) {
            throw new IllegalArgumentException("a call with an identity needs the roles it may hold, and only then");
        }
    }

    /** A call with an identity that needs one of {@code roles} on {@code scope}. */
    static Call as(String caller, Ref<Subnet> from, Expr principal, String purpose, Ref<?> endpoint,
            PrivateLinkTarget service, Ref<?> scope, BuiltInRole... roles) {
        return new Call(caller, from, Optional.of(principal), purpose, endpoint, service, scope, Set.of(roles));
    }

    /** A call the network alone decides (an NFS mount: the storage account checks no identity). */
    static Call network(String caller, Ref<Subnet> from, String purpose, Ref<?> endpoint, PrivateLinkTarget service) {
        return new Call(caller, from, Optional.empty(), purpose, endpoint, service, endpoint, Set.of());
    }

    /** The service endpoint that admits this call through a firewall. */
    String serviceEndpoint() {
        return service == PrivateLinkTarget.KEY_VAULT ? "Microsoft.KeyVault" : "Microsoft.Storage";
    }
}
