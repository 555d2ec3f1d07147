package io.github.hpcblueprints.azure.network;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.Names;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.Objects;

/**
 * A private endpoint ({@code Microsoft.Network/privateEndpoints}): a private IP in a subnet for one sub-service
 * ({@link PrivateLinkTarget}) of a storage account or key vault, so the service can turn public access off. Pair it
 * with a {@link PrivateDnsZoneGroup} so the service's name resolves to that IP.
 */
public final class PrivateEndpoint extends ResourceSpec<PrivateEndpoint> {

    public static final String TYPE = "Microsoft.Network/privateEndpoints";
    public static final String API_VERSION = "2025-07-01";

    private final Ref<?> target;
    private final PrivateLinkTarget kind;
    private final Expr subnetId;

    private PrivateEndpoint(Expr name, Ref<?> target, PrivateLinkTarget kind, Expr subnetId) {
        super(name, TYPE, API_VERSION);
        Names.general("private endpoint", name, 64);
        this.target = Objects.requireNonNull(target);
        this.kind = Objects.requireNonNull(kind);
        this.subnetId = Objects.requireNonNull(subnetId);
        if (!target.type().equalsIgnoreCase(kind.targetType())) {
            throw new IllegalArgumentException("a '" + kind.groupId() + "' private endpoint connects to a "
                    + kind.targetType() + ", not a " + target.type());
        }
    }

    public static PrivateEndpoint named(Expr name, Ref<?> target, PrivateLinkTarget kind, Ref<Subnet> subnet) {
        return new PrivateEndpoint(name, target, kind, subnet.id());
    }

    public static PrivateEndpoint named(String name, Ref<?> target, PrivateLinkTarget kind, Ref<Subnet> subnet) {
        return named(Expr.str(name), target, kind, subnet);
    }

    public PrivateLinkTarget kind() {
        return kind;
    }

    /** The resource this endpoint connects to. */
    public Ref<?> target() {
        return target;
    }

    @Override
    protected PrivateEndpoint self() {
        return this;
    }

    @Override
    public Resource toResource() {
        var connection = Json.obj("name", kind.groupId(), "properties", Json.obj(
                "privateLinkServiceId", target.id(), "groupIds", Json.arr(kind.groupId())));
        return base(true).properties(Json.obj("subnet", Json.obj("id", subnetId),
                "privateLinkServiceConnections", Json.arr(connection))).build();
    }
}
