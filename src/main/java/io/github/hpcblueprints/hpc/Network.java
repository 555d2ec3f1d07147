package io.github.hpcblueprints.hpc;

import io.github.hpcblueprints.azure.network.Cidr;
import io.github.hpcblueprints.azure.network.PrivateLinkTarget;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The environment's network: a new virtual network this blueprint owns, or an existing one (bring your own,
 * possibly in another resource group) whose subnets it uses.
 */
public sealed interface Network permits Network.Managed, Network.Existing {

    /** Whether PaaS services (storage, Key Vault) are reached through private endpoints. */
    boolean privateEndpoints();

    /**
     * A new virtual network.
     *
     * @param subnets planned or given ranges per role; roles not needed by the environment are absent
     * @param dnsZoneIds existing private DNS zones to use instead of creating them (by target)
     */
    record Managed(Cidr addressSpace, Map<SubnetRole, Cidr> subnets, boolean bastion, boolean natGateway,
            boolean privateEndpoints, Map<PrivateLinkTarget, String> dnsZoneIds) implements Network {
        public Managed {
            Objects.requireNonNull(addressSpace);
            subnets = Map.copyOf(subnets);
            dnsZoneIds = Map.copyOf(dnsZoneIds);
        }

        /** Subnets in role order. */
        public Map<SubnetRole, Cidr> orderedSubnets() {
            return new TreeMap<>(subnets);
        }
    }

    /**
     * An existing virtual network.
     *
     * @param resourceGroup the network's resource group (empty: the deployment's own)
     * @param subnets the existing subnet name per role
     * @param dnsZoneIds existing private DNS zone resource ids per target (zones are never created in someone else's
     *     network)
     * @param ranges the ranges of the existing subnets per role, to check the cluster fits; empty when unknown
     */
    record Existing(String resourceGroup, String vnetName, Map<SubnetRole, String> subnets,
            Map<PrivateLinkTarget, String> dnsZoneIds, boolean privateEndpoints, Map<SubnetRole, Cidr> ranges)
            implements Network {
        public Existing {
            Objects.requireNonNull(resourceGroup);
            Objects.requireNonNull(vnetName);
            subnets = Map.copyOf(subnets);
            dnsZoneIds = Map.copyOf(dnsZoneIds);
            ranges = Map.copyOf(ranges);
        }

        public boolean inOtherResourceGroup() {
            return !resourceGroup.isEmpty();
        }
    }
}
