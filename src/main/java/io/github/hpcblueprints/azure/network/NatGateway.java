package io.github.hpcblueprints.azure.network;

import io.github.hpcblueprints.json.JsonTrees;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.Names;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A NAT gateway ({@code Microsoft.Network/natGateways}): the explicit, auditable outbound path for subnets that have
 * no default outbound access. Standard SKU with one or more Standard public IPs; inbound connections are impossible.
 */
public final class NatGateway extends ResourceSpec<NatGateway> {

    public static final String TYPE = "Microsoft.Network/natGateways";
    public static final String API_VERSION = "2025-07-01";

    private final List<Expr> publicIps = new ArrayList<>();
    private int idleTimeoutMinutes = 4;

    private NatGateway(Expr name) {
        super(name, TYPE, API_VERSION);
        Names.general("NAT gateway", name, 80);
    }

    public static NatGateway named(Expr name) {
        return new NatGateway(name);
    }

    public static NatGateway named(String name) {
        return named(Expr.str(name));
    }

    public NatGateway publicIp(Ref<PublicIpAddress> ip) {
        publicIps.add(ip.id());
        return this;
    }

    public NatGateway idleTimeoutMinutes(int minutes) {
        if (minutes < 4 || minutes > 120) {
            throw new IllegalArgumentException("NAT idle timeout " + minutes + " minutes is outside 4-120");
        }
        this.idleTimeoutMinutes = minutes;
        return this;
    }

    @Override
    protected NatGateway self() {
        return this;
    }

    @Override
    public Resource toResource() {
        if (publicIps.isEmpty()) {
            throw new IllegalArgumentException("NAT gateway " + name.toArmString() + " needs a public IP address");
        }
        var ips = JsonTrees.array();
        publicIps.forEach(id -> ips.add(Json.obj("id", id)));
        return base(true).sku(Json.obj("name", "Standard"))
                .properties(Json.obj("idleTimeoutInMinutes", idleTimeoutMinutes, "publicIpAddresses", ips))
                .build();
    }
}
