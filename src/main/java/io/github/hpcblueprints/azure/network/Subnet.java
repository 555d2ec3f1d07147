package io.github.hpcblueprints.azure.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.arm.ResourceId;
import io.github.hpcblueprints.arm.ResourceNames;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A subnet of a virtual network ({@code Microsoft.Network/virtualNetworks/subnets}).
 *
 * <p>Secure defaults: no default outbound access ({@code defaultOutboundAccess: false}: VMs reach the internet only
 * through an explicit path such as a {@link NatGateway}); network policies on private endpoints enabled, so NSGs and
 * route tables apply to them. A subnet named {@code AzureBastionSubnet} must be /26 or larger.
 */
public final class Subnet extends ResourceSpec<Subnet> {

    public static final String TYPE = "Microsoft.Network/virtualNetworks/subnets";
    public static final String API_VERSION = VirtualNetwork.API_VERSION;
    /** The name Azure Bastion requires for its subnet. */
    public static final String BASTION_SUBNET = "AzureBastionSubnet";

    private final Ref<VirtualNetwork> vnet;
    private final String subnetName;
    private final Cidr prefix;
    private Expr nsg;
    private Expr natGateway;
    private final List<String> serviceEndpoints = new ArrayList<>();
    private final List<String> delegations = new ArrayList<>();
    private boolean defaultOutboundAccess;
    private String privateEndpointPolicies = "Enabled";

    private Subnet(Ref<VirtualNetwork> vnet, String subnetName, Cidr prefix) {
        super(ResourceNames.join(List.of(vnet.name(), Expr.str(subnetName))), TYPE, API_VERSION);
        this.vnet = Objects.requireNonNull(vnet);
        this.subnetName = subnetName;
        this.prefix = prefix;
        if (subnetName.isBlank() || subnetName.length() > 80) {
            throw new IllegalArgumentException("subnet name '" + subnetName + "' must be 1-80 characters");
        }
        if (BASTION_SUBNET.equalsIgnoreCase(subnetName) && !BASTION_SUBNET.equals(subnetName)) {
            throw new IllegalArgumentException("Azure Bastion's subnet must be named exactly " + BASTION_SUBNET);
        }
        if (BASTION_SUBNET.equals(subnetName) && prefix.prefix() > 26) {
            throw new IllegalArgumentException("subnet " + BASTION_SUBNET + " is " + prefix
                    + "; Azure Bastion needs /26 or larger");
        }
        if (prefix.prefix() > 29) {
            throw new IllegalArgumentException("subnet " + subnetName + " is " + prefix
                    + "; Azure's smallest subnet is /29 (it reserves five addresses)");
        }
    }

    /** A subnet {@code name} with address range {@code cidr} in {@code vnet}. */
    public static Subnet of(Ref<VirtualNetwork> vnet, String name, String cidr) {
        return new Subnet(vnet, name, Cidr.parse(cidr));
    }

    /** The services this subnet reaches through service endpoints ({@code Microsoft.Storage} ...). */
    public List<String> serviceEndpoints() {
        return List.copyOf(serviceEndpoints);
    }

    public Subnet networkSecurityGroup(Ref<NetworkSecurityGroup> value) {
        this.nsg = value.id();
        return this;
    }

    /** Outbound internet access through a NAT gateway: the explicit path that replaces default outbound access. */
    public Subnet natGateway(Ref<NatGateway> value) {
        this.natGateway = value.id();
        return this;
    }

    /** A service endpoint ({@code Microsoft.Storage}, {@code Microsoft.KeyVault} ...). */
    public Subnet serviceEndpoint(String service) {
        serviceEndpoints.add(service);
        return this;
    }

    /** Delegates the subnet to a service ({@code Microsoft.NetApp/volumes} ...). */
    public Subnet delegateTo(String serviceName) {
        delegations.add(serviceName);
        return this;
    }

    /** Turns Azure's implicit outbound internet access back on; prefer a NAT gateway. */
    public Subnet allowDefaultOutboundAccess() {
        this.defaultOutboundAccess = true;
        return this;
    }

    /** Lets private endpoints in this subnet bypass NSGs and route tables (Azure's historic default). */
    public Subnet disablePrivateEndpointNetworkPolicies() {
        this.privateEndpointPolicies = "Disabled";
        return this;
    }

    public String subnetName() {
        return subnetName;
    }

    public Cidr prefix() {
        return prefix;
    }

    /** The id of this subnet, computable before it is added. */
    public ResourceId id() {
        ResourceId parent = vnet.resourceId().orElseThrow(() -> new IllegalStateException(
                "the virtual network of subnet " + subnetName + " is known only by id"));
        return parent.child("subnets", Expr.str(subnetName));
    }

    @Override
    protected Subnet self() {
        return this;
    }

    @Override
    public Resource toResource() {
        ObjectNode props = Json.obj("addressPrefix", prefix.toString());
        if (nsg != null) {
            props.set("networkSecurityGroup", Json.obj("id", nsg));
        }
        if (natGateway != null) {
            props.set("natGateway", Json.obj("id", natGateway));
        }
        if (!serviceEndpoints.isEmpty()) {
            ArrayNode se = props.putArray("serviceEndpoints");
            serviceEndpoints.forEach(s -> se.add(Json.obj("service", s)));
        }
        if (!delegations.isEmpty()) {
            ArrayNode d = props.putArray("delegations");
            for (String s : delegations) {
                d.add(Json.obj("name", s.replace('/', '-').replace('.', '-'), "properties",
                        Json.obj("serviceName", s)));
            }
        }
        props.put("defaultOutboundAccess", defaultOutboundAccess);
        if (!BASTION_SUBNET.equals(subnetName)) {
            props.put("privateEndpointNetworkPolicies", privateEndpointPolicies);
        }
        // subnets carry no location or tags of their own
        Resource.Builder b = Resource.builder(TYPE, API_VERSION, name);
        if (condition != null) {
            b.condition(condition);
        }
        return b.dependsOn(dependsOn).properties(props).build();
    }
}
