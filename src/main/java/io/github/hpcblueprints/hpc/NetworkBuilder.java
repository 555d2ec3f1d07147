package io.github.hpcblueprints.hpc;

import io.github.hpcblueprints.azure.Names;
import io.github.hpcblueprints.azure.network.Cidr;
import io.github.hpcblueprints.azure.network.PrivateLinkTarget;
import io.github.hpcblueprints.azure.storagecache.AmlSku;
import io.github.hpcblueprints.diagnostics.Problem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How a blueprint (or the Java DSL) describes the environment's network: a new virtual network (address space,
 * subnet ranges, Bastion, NAT gateway, private endpoints, existing DNS zones) or an existing one. {@code resolve}
 * turns it into a {@link Network} once the rest of the environment is known, as subnet sizes follow from the cluster
 * and the storage.
 */
public final class NetworkBuilder {

    private Cidr addressSpace;
    private final Map<SubnetRole, Cidr> subnets = new EnumMap<>(SubnetRole.class);
    private String bastion;
    private Boolean natGateway;
    private Boolean privateEndpoints;
    private final Map<PrivateLinkTarget, String> dnsZoneIds = new EnumMap<>(PrivateLinkTarget.class);
    private String existingResourceGroup;
    private String existingVnet;
    private String publicAddressSpaceReason = "";
    private final Map<SubnetRole, String> existingSubnets = new EnumMap<>(SubnetRole.class);

    public NetworkBuilder addressSpace(String cidr) {
        this.addressSpace = Cidr.parse(cidr);
        return this;
    }

    public NetworkBuilder subnet(SubnetRole role, String cidr) {
        subnets.put(role, Cidr.parse(cidr));
        return this;
    }

    /** {@code none}, {@code basic} or {@code standard} (default standard when hardened, basic otherwise). */
    public NetworkBuilder bastion(String sku) {
        if (!List.of("none", "basic", "standard").contains(sku)) {
            throw new IllegalArgumentException("bastion '" + sku + "' is not none, basic or standard");
        }
        this.bastion = sku;
        return this;
    }

    public NetworkBuilder natGateway(boolean value) {
        this.natGateway = value;
        return this;
    }

    public NetworkBuilder privateEndpoints(boolean value) {
        this.privateEndpoints = value;
        return this;
    }

    /**
     * Accepts an address space outside the private ranges, with the reason (the organisation owns that public
     * range and routes it privately); without one, a public range is refused.
     */
    public NetworkBuilder publicAddressSpace(String reason) {
        this.publicAddressSpaceReason = Objects.requireNonNull(reason);
        return this;
    }

    /** An existing private DNS zone (resource id) to use instead of creating one. */
    public NetworkBuilder dnsZone(PrivateLinkTarget target, String zoneId) {
        target.checkZoneId(zoneId);
        dnsZoneIds.put(target, zoneId);
        return this;
    }

    /** Uses an existing virtual network ({@code resourceGroup} empty for the deployment's own group). */
    public NetworkBuilder existing(String resourceGroup, String vnetName) {
        if (!resourceGroup.isEmpty()) {
            Names.resourceGroup(resourceGroup);
        }
        this.existingResourceGroup = resourceGroup;
        this.existingVnet = vnetName;
        return this;
    }

    /** The existing subnet that plays {@code role}. */
    public NetworkBuilder existingSubnet(SubnetRole role, String subnetName) {
        existingSubnets.put(role, subnetName);
        return this;
    }

    /**
     * The Bastion SKU: as given, else Standard when hardened or when there is a CycleCloud server (its web UI is
     * reached through Standard's native-client tunnel), else Basic.
     */
    String bastionSku(SecurityProfile profile, boolean cycleCloud) {
        String sku = bastion != null ? bastion
                : profile == SecurityProfile.HARDENED || cycleCloud ? "standard" : "basic";
        return switch (sku) {
            case "none" -> "";
            case "basic" -> "Basic";
            default -> "Standard";
        };
    }

    Network resolve(ClusterEnvironment.Builder env, List<Problem> problems) {
        boolean hardened = env.profile() == SecurityProfile.HARDENED;
        if ("basic".equals(bastion) && env.hasCluster()) {
            // Basic only opens SSH and RDP in the portal: the documented way to the CycleCloud web UI would not exist
            problems.add(Problem.at("BLUEPRINT-VALUE", "$.network.bastion", "Bastion Basic cannot reach the "
                    + "CycleCloud web UI: HTTPS to the server's private address needs Standard's native-client tunnel "
                    + "(az network bastion tunnel)", "use bastion: standard, or bastion: none when administrators "
                    + "reach the virtual network through your own private network (VPN or ExpressRoute)"));
        }
        boolean pe = privateEndpoints != null ? privateEndpoints : hardened;
        if (hardened && !pe) {
            problems.add(Problem.at("BLUEPRINT-VALUE", "$.network.privateEndpoints", "a hardened environment "
                    + "reaches storage and Key Vault only through private endpoints", "remove privateEndpoints: "
                    + "false, or use profile: baseline"));
        }
        Map<SubnetRole, Integer> wanted = wantedSubnets(env, pe);
        if (existingVnet != null) {
            for (SubnetRole role : wanted.keySet()) {
                if (role != SubnetRole.BASTION && !existingSubnets.containsKey(role)) {
                    problems.add(Problem.at("BLUEPRINT-NETWORK", "$.network.existing.subnets",
                            "the existing network has no subnet for '" + role.key() + "', which this blueprint "
                                    + "needs", "add subnets: {" + role.key() + ": <subnet name>}"));
                }
            }
            if (pe) {
                List<PrivateLinkTarget> zones = new ArrayList<>(List.of(PrivateLinkTarget.BLOB,
                        PrivateLinkTarget.KEY_VAULT));
                if (env.usesAzureFiles()) {
                    zones.add(PrivateLinkTarget.FILE);
                }
                for (PrivateLinkTarget t : zones) {
                    if (!dnsZoneIds.containsKey(t)) {
                        String key = t == PrivateLinkTarget.KEY_VAULT ? "keyVault"
                                : t.name().toLowerCase(Locale.ROOT);
                        problems.add(Problem.at("BLUEPRINT-NETWORK", "$.network.privateDnsZones",
                                "private endpoints in an existing network need the existing private DNS zone "
                                        + "for " + t.dnsZone(), "add its resource id as privateDnsZones." + key));
                    }
                }
            }
            Map<SubnetRole, String> used = new EnumMap<>(existingSubnets);
            used.remove(SubnetRole.BASTION);
            return new Network.Existing(existingResourceGroup == null ? "" : existingResourceGroup, existingVnet,
                    used, dnsZoneIds, pe, subnets);
        }
        if (addressSpace == null) {
            problems.add(Problem.at("BLUEPRINT-NETWORK", "$.network.addressSpace", "network.addressSpace is "
                    + "missing", "give a private range such as 10.40.0.0/16, or use network.existing"));
            return new Network.Managed(Cidr.parse("10.0.0.0/16"), Map.of(), false, false, pe, dnsZoneIds);
        }
        if (!addressSpace.isPrivate() && publicAddressSpaceReason.isBlank()) {
            problems.add(Problem.at("BLUEPRINT-NETWORK", "$.network.addressSpace", "address space " + addressSpace
                    + " is public: the VNet would hide those internet addresses from everything in it",
                    "use a private range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10), or give "
                            + "network.publicAddressSpaceReason if your organisation owns and routes it"));
        }
        if (!bastionSku(env.profile(), env.hasCluster()).isEmpty()) {
            wanted.put(SubnetRole.BASTION, 26);
        }
        Map<SubnetRole, Cidr> planned = NetworkPlanner.plan(addressSpace, wanted, subnets, problems);
        NetworkPlanner.check(planned, wanted, subnets.keySet(), problems);
        boolean nat = natGateway != null ? natGateway : true;
        return new Network.Managed(addressSpace, planned, !bastionSku(env.profile(), env.hasCluster()).isEmpty(), nat, pe,
                dnsZoneIds);
    }

    private static Map<SubnetRole, Integer> wantedSubnets(ClusterEnvironment.Builder env, boolean privateEndpoints) {
        Map<SubnetRole, Integer> wanted = new EnumMap<>(SubnetRole.class);
        if (env.hasCluster()) {
            wanted.put(SubnetRole.ADMIN, SubnetRole.ADMIN.defaultPrefix());
        }
        wanted.put(SubnetRole.COMPUTE, NetworkPlanner.prefixFor(env.maxComputeHosts()));
        if (env.needsLustre()) {
            wanted.put(SubnetRole.LUSTRE, AmlSku.requiredPrefix(env.lustreCapacity()));
        }
        if (env.needsNetApp()) {
            wanted.put(SubnetRole.STORAGE, SubnetRole.STORAGE.defaultPrefix());
        }
        if (privateEndpoints) {
            wanted.put(SubnetRole.ENDPOINTS, SubnetRole.ENDPOINTS.defaultPrefix());
        }
        if (env.needsAccountingDatabase()) {
            wanted.put(SubnetRole.DATABASE, SubnetRole.DATABASE.defaultPrefix());
        }
        return wanted;
    }
}
