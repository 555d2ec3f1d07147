package io.github.hpcblueprints.azure.network;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.Names;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A virtual network ({@code Microsoft.Network/virtualNetworks}). Subnets are separate {@link Subnet} resources so
 * each can carry its own NSG, NAT gateway and delegation and be referred to by id.
 *
 * <p>Secure default: the VNet declares no subnets of its own and no DNS servers (Azure DNS, which private DNS zones
 * need). Address spaces are validated as aligned IPv4 ranges that do not overlap each other.
 */
public final class VirtualNetwork extends ResourceSpec<VirtualNetwork> {

    public static final String TYPE = "Microsoft.Network/virtualNetworks";
    public static final String API_VERSION = "2025-07-01";

    private final List<Cidr> addressSpace = new ArrayList<>();
    private final List<String> dnsServers = new ArrayList<>();

    private VirtualNetwork(Expr name) {
        super(name, TYPE, API_VERSION);
        Names.general("virtual network", name, 64);
    }

    public static VirtualNetwork named(Expr name) {
        return new VirtualNetwork(name);
    }

    public static VirtualNetwork named(String name) {
        return named(Expr.str(name));
    }

    /** Adds an address range ({@code 10.20.0.0/16}). */
    public VirtualNetwork addressSpace(String cidr) {
        Cidr c = Cidr.parse(cidr);
        for (Cidr other : addressSpace) {
            if (other.overlaps(c)) {
                throw new IllegalArgumentException("address space " + c + " overlaps " + other);
            }
        }
        addressSpace.add(c);
        return this;
    }

    /** Custom DNS servers; leave unset to keep Azure DNS, which private DNS zones rely on. */
    public VirtualNetwork dnsServer(String ip) {
        dnsServers.add(ip);
        return this;
    }

    public List<Cidr> addressSpace() {
        return List.copyOf(addressSpace);
    }

    @Override
    protected VirtualNetwork self() {
        return this;
    }

    @Override
    public Resource toResource() {
        if (addressSpace.isEmpty()) {
            throw new IllegalArgumentException("virtual network " + name.toArmString() + " needs an address space");
        }
        List<String> prefixes = addressSpace.stream().map(Cidr::toString).toList();
        var props = Json.obj("addressSpace", Json.obj("addressPrefixes", prefixes));
        if (!dnsServers.isEmpty()) {
            props.set("dhcpOptions", Json.obj("dnsServers", dnsServers));
        }
        return base(true).properties(props).build();
    }
}
