package io.github.hpcblueprints.azure.netapp;

import io.github.hpcblueprints.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.arm.ResourceNames;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import io.github.hpcblueprints.azure.network.Subnet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An NFS volume in a NetApp capacity pool ({@code Microsoft.NetApp/netAppAccounts/capacityPools/volumes}). Its
 * subnet must be delegated to {@code Microsoft.NetApp/volumes}. Secure defaults: an explicit export policy (no
 * implicit "everyone"), root squash, restricted chown, Unix security style.
 */
public final class NetAppVolume extends ResourceSpec<NetAppVolume> {

    public static final String TYPE = "Microsoft.NetApp/netAppAccounts/capacityPools/volumes";
    public static final String API_VERSION = NetAppAccount.API_VERSION;
    /** The delegation the volume's subnet needs. */
    public static final String SUBNET_DELEGATION = "Microsoft.NetApp/volumes";
    private static final long GIB = 1L << 30;

    /** NFS protocol versions. */
    public enum Protocol { NFSv3, NFSv4_1 }

    private final String volumeName;
    private final Expr subnetId;
    private final CapacityPool.ServiceLevel level;
    private final int quotaGiB;
    private Protocol protocol = Protocol.NFSv3;
    private final List<ExportPolicyRule> rules = new ArrayList<>();

    private NetAppVolume(Expr name, String volumeName, Expr subnetId, CapacityPool.ServiceLevel level,
            int quotaGiB) {
        super(name, TYPE, API_VERSION);
        this.volumeName = volumeName;
        this.subnetId = Objects.requireNonNull(subnetId);
        this.level = Objects.requireNonNull(level);
        if (quotaGiB < 50 || quotaGiB > 100 * 1024) {
            throw new IllegalArgumentException("volume quota " + quotaGiB + " GiB is outside 50-102400");
        }
        this.quotaGiB = quotaGiB;
    }

    /** Volume {@code name} (also its export path) of {@code quotaGiB} in {@code pool}. */
    public static NetAppVolume of(Ref<CapacityPool> pool, CapacityPool.ServiceLevel level, String name,
            Ref<Subnet> delegatedSubnet, int quotaGiB) {
        if (!name.matches("[A-Za-z][A-Za-z0-9_-]{0,63}")) {
            throw new IllegalArgumentException("volume name '" + name + "' must start with a letter and be 1-64 "
                    + "letters, digits, '-' or '_'");
        }
        List<Expr> segments = new ArrayList<>(pool.resourceId().orElseThrow().names());
        segments.add(Expr.str(name));
        return new NetAppVolume(ResourceNames.join(segments), name, delegatedSubnet.id(), level, quotaGiB);
    }

    public NetAppVolume protocol(Protocol value) {
        this.protocol = value;
        return this;
    }

    public List<ExportPolicyRule> exportRules() {
        return List.copyOf(rules);
    }

    public NetAppVolume exportRule(ExportPolicyRule rule) {
        rules.add(rule);
        return this;
    }

    public String volumeName() {
        return volumeName;
    }

    @Override
    protected NetAppVolume self() {
        return this;
    }

    @Override
    public Resource toResource() {
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("NetApp volume " + volumeName + " needs an export rule naming the "
                    + "client range allowed to mount it");
        }
        ArrayNode r = JsonTrees.array();
        boolean v3 = protocol == Protocol.NFSv3;
        rules.forEach(rule -> r.add(rule.toJson(v3, !v3)));
        return base(true).properties(Json.obj(
                "creationToken", volumeName,
                "serviceLevel", level.name(),
                "usageThreshold", quotaGiB * GIB,
                "subnetId", subnetId,
                "protocolTypes", Json.arr(v3 ? "NFSv3" : "NFSv4.1"),
                "exportPolicy", Json.obj("rules", r),
                "securityStyle", "unix",
                "networkFeatures", "Standard",
                "snapshotDirectoryVisible", true)).build();
    }
}
