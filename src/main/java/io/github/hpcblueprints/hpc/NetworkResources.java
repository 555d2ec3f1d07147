package io.github.hpcblueprints.hpc;

import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.network.Cidr;
import io.github.hpcblueprints.azure.network.PrivateDnsZone;
import io.github.hpcblueprints.azure.network.PrivateLinkTarget;
import io.github.hpcblueprints.azure.network.Subnet;
import io.github.hpcblueprints.azure.network.VirtualNetwork;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the network part made (or found, for an existing network): the parts that come after take it as an argument,
 * so nothing can use a subnet or DNS zone before the network part has run.
 *
 * @param subnets the subnet of each role the environment uses
 * @param ranges the address range of each subnet, where known (an existing network's may be unknown)
 * @param dnsZones the private DNS zone of each private-link target, when private endpoints are used
 */
record NetworkResources(Ref<VirtualNetwork> vnet, Map<SubnetRole, Ref<Subnet>> subnets, Map<SubnetRole, Cidr> ranges,
        Map<PrivateLinkTarget, Ref<PrivateDnsZone>> dnsZones) {

    NetworkResources {
        Objects.requireNonNull(vnet);
        subnets = Map.copyOf(subnets);
        ranges = Map.copyOf(ranges);
        dnsZones = Map.copyOf(dnsZones);
    }

    Ref<Subnet> subnet(SubnetRole role) {
        Ref<Subnet> s = subnets.get(role);
        if (s == null) {
            throw new IllegalStateException("the environment has no " + role.key() + " subnet");
        }
        return s;
    }

    Optional<Cidr> range(SubnetRole role) {
        return Optional.ofNullable(ranges.get(role));
    }

    Ref<PrivateDnsZone> dnsZone(PrivateLinkTarget target) {
        return Objects.requireNonNull(dnsZones.get(target), "no private DNS zone for " + target);
    }
}
