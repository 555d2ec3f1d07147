package io.github.hpcblueprints.azure.netapp;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.arm.ResourceNames;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.List;

/**
 * A NetApp Files capacity pool ({@code Microsoft.NetApp/netAppAccounts/capacityPools}): provisioned (and billed)
 * capacity in whole TiB, 1 TiB at least, at one service level. Auto QoS gives each volume throughput in proportion
 * to its quota.
 */
public final class CapacityPool extends ResourceSpec<CapacityPool> {

    public static final String TYPE = "Microsoft.NetApp/netAppAccounts/capacityPools";
    public static final String API_VERSION = NetAppAccount.API_VERSION;
    static final long TIB = 1L << 40;

    /** Service levels: MiB/s per TiB of quota 16 (Standard), 64 (Premium), 128 (Ultra). */
    public enum ServiceLevel { Standard, Premium, Ultra }

    private final ServiceLevel level;
    private final int sizeTiB;

    private CapacityPool(Expr name, ServiceLevel level, int sizeTiB) {
        super(name, TYPE, API_VERSION);
        if (sizeTiB < 1 || sizeTiB > 2048) {
            throw new IllegalArgumentException("capacity pool size " + sizeTiB + " TiB is outside 1-2048");
        }
        this.level = level;
        this.sizeTiB = sizeTiB;
    }

    public static CapacityPool of(Ref<NetAppAccount> account, String poolName, ServiceLevel level, int sizeTiB) {
        return new CapacityPool(ResourceNames.join(List.of(account.name(), Expr.str(poolName))), level, sizeTiB);
    }

    public ServiceLevel level() {
        return level;
    }

    public int sizeTiB() {
        return sizeTiB;
    }

    @Override
    protected CapacityPool self() {
        return this;
    }

    @Override
    public Resource toResource() {
        return base(true).properties(Json.obj("serviceLevel", level.name(), "size", sizeTiB * TIB,
                "qosType", "Auto", "encryptionType", "Single", "coolAccess", false)).build();
    }
}
