package io.github.hpcblueprints.azure.network;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.Names;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A public IP address ({@code Microsoft.Network/publicIPAddresses}).
 *
 * <p>Secure defaults: Standard SKU (closed to inbound traffic unless an NSG allows it, unlike Basic), static IPv4,
 * no DNS label (nothing advertises it). Only the resources that need one ask for one: Bastion and NAT gateway.
 */
public final class PublicIpAddress extends ResourceSpec<PublicIpAddress> {

    public static final String TYPE = "Microsoft.Network/publicIPAddresses";
    public static final String API_VERSION = "2025-07-01";

    private final List<String> zones = new ArrayList<>();
    private int idleTimeoutMinutes = 4;

    private PublicIpAddress(Expr name) {
        super(name, TYPE, API_VERSION);
        Names.general("public IP address", name, 80);
    }

    public static PublicIpAddress named(Expr name) {
        return new PublicIpAddress(name);
    }

    public static PublicIpAddress named(String name) {
        return named(Expr.str(name));
    }

    /** Availability zones ({@code "1"}, {@code "2"}, {@code "3"}); zone-redundant when all three are given. */
    public PublicIpAddress zones(String... values) {
        for (String z : values) {
            if (!List.of("1", "2", "3").contains(z)) {
                throw new IllegalArgumentException("zone '" + z + "' is not 1, 2 or 3");
            }
            zones.add(z);
        }
        return this;
    }

    public PublicIpAddress idleTimeoutMinutes(int minutes) {
        if (minutes < 4 || minutes > 30) {
            throw new IllegalArgumentException("idle timeout " + minutes + " minutes is outside 4-30");
        }
        this.idleTimeoutMinutes = minutes;
        return this;
    }

    @Override
    protected PublicIpAddress self() {
        return this;
    }

    @Override
    public Resource toResource() {
        Resource.Builder b = base(true).sku(Json.obj("name", "Standard", "tier", "Regional"))
                .properties(Json.obj("publicIPAddressVersion", "IPv4", "publicIPAllocationMethod", "Static",
                        "idleTimeoutInMinutes", idleTimeoutMinutes));
        if (!zones.isEmpty()) {
            b.extra("zones", Json.arrOf(zones));
        }
        return b.build();
    }
}
