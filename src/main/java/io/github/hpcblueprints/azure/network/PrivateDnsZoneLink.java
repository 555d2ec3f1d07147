package io.github.hpcblueprints.azure.network;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.arm.ResourceNames;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.List;
import java.util.Objects;

/**
 * Links a private DNS zone to a virtual network ({@code Microsoft.Network/privateDnsZones/virtualNetworkLinks}) so
 * VMs in it resolve the zone. Secure default: no auto-registration of VM names into a {@code privatelink} zone.
 */
public final class PrivateDnsZoneLink extends ResourceSpec<PrivateDnsZoneLink> {

    public static final String TYPE = "Microsoft.Network/privateDnsZones/virtualNetworkLinks";
    public static final String API_VERSION = PrivateDnsZone.API_VERSION;

    private final Expr vnetId;
    private final Expr zoneName;

    private PrivateDnsZoneLink(Expr name, Expr zoneName, Expr vnetId) {
        super(name, TYPE, API_VERSION);
        this.vnetId = Objects.requireNonNull(vnetId);
        this.zoneName = zoneName;
    }

    /** The zone's name (the link is its child). */
    public Expr zoneName() {
        return zoneName;
    }

    /** The virtual network whose lookups the zone answers. */
    public Expr vnetId() {
        return vnetId;
    }

    /** Links {@code zone} to {@code vnet} under the link name {@code linkName}. */
    public static PrivateDnsZoneLink of(Ref<PrivateDnsZone> zone, String linkName, Ref<VirtualNetwork> vnet) {
        return new PrivateDnsZoneLink(ResourceNames.join(List.of(zone.name(), Expr.str(linkName))), zone.name(),
                vnet.id());
    }

    @Override
    protected PrivateDnsZoneLink self() {
        return this;
    }

    @Override
    public Resource toResource() {
        return base(false).location(Expr.str("global")).properties(Json.obj(
                "registrationEnabled", false, "virtualNetwork", Json.obj("id", vnetId))).build();
    }
}
