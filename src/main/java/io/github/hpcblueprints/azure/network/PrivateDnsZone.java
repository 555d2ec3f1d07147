package io.github.hpcblueprints.azure.network;

import io.github.hpcblueprints.json.JsonTrees;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.regex.Pattern;

/**
 * A private DNS zone ({@code Microsoft.Network/privateDnsZones}), such as {@code privatelink.blob.core.windows.net},
 * which makes a service's public name resolve to its private endpoint inside linked virtual networks. Private DNS
 * zones are global resources. Where an organisation already runs the zones centrally, refer to them by id instead
 * of creating them again (a second zone with the same name breaks resolution for one of them).
 */
public final class PrivateDnsZone extends ResourceSpec<PrivateDnsZone> {

    public static final String TYPE = "Microsoft.Network/privateDnsZones";
    public static final String API_VERSION = "2024-06-01";
    private static final Pattern ZONE = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,}");

    private PrivateDnsZone(Expr name) {
        super(name, TYPE, API_VERSION);
        if (name instanceof Expr.Str s && !ZONE.matcher(s.value()).matches()) {
            throw new IllegalArgumentException("'" + s.value() + "' is not a DNS zone name");
        }
    }

    /** The zone a private endpoint of this kind needs. */
    public static PrivateDnsZone forTarget(PrivateLinkTarget target) {
        return new PrivateDnsZone(target.dnsZoneName());
    }

    public static PrivateDnsZone named(String zone) {
        return new PrivateDnsZone(Expr.str(zone));
    }

    @Override
    protected PrivateDnsZone self() {
        return this;
    }

    @Override
    public Resource toResource() {
        Resource.Builder b = base(false).location(Expr.str("global"));
        return b.properties(JsonTrees.object()).build();
    }
}
