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
 * Registers a private endpoint's address in a private DNS zone
 * ({@code Microsoft.Network/privateEndpoints/privateDnsZoneGroups}), keeping the record in step with the endpoint.
 * Services such as Azure Managed Lustre need this integration to resolve a storage account behind a private endpoint.
 */
public final class PrivateDnsZoneGroup extends ResourceSpec<PrivateDnsZoneGroup> {

    public static final String TYPE = "Microsoft.Network/privateEndpoints/privateDnsZoneGroups";
    public static final String API_VERSION = "2025-07-01";

    private final Expr zoneId;
    private final String configName;
    private final Ref<PrivateEndpoint> endpoint;
    private final Ref<PrivateDnsZone> zone;

    private PrivateDnsZoneGroup(Expr name, Ref<PrivateEndpoint> endpoint, Ref<PrivateDnsZone> zone, String configName) {
        super(name, TYPE, API_VERSION);
        this.zoneId = Objects.requireNonNull(zone.id());
        this.configName = configName;
        this.endpoint = endpoint;
        this.zone = zone;
    }

    /** The endpoint whose record this group keeps. */
    public Ref<PrivateEndpoint> endpoint() {
        return endpoint;
    }

    /** The zone the record is in (deployed here, or an existing one). */
    public Ref<PrivateDnsZone> zone() {
        return zone;
    }

    /** The endpoint's DNS record in {@code zone} (new in this deployment or existing). */
    public static PrivateDnsZoneGroup of(Ref<PrivateEndpoint> endpoint, Ref<PrivateDnsZone> zone, String zoneName) {
        return new PrivateDnsZoneGroup(ResourceNames.join(List.of(endpoint.name(), Expr.str("default"))), endpoint,
                zone, zoneName.replace('.', '-'));
    }

    @Override
    protected PrivateDnsZoneGroup self() {
        return this;
    }

    @Override
    public Resource toResource() {
        var config = Json.obj("name", configName, "properties", Json.obj("privateDnsZoneId", zoneId));
        return base(false).properties(Json.obj("privateDnsZoneConfigs", Json.arr(config))).build();
    }
}
