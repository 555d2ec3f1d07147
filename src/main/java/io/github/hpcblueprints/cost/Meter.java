package io.github.hpcblueprints.cost;

import java.util.Arrays;
import java.util.Optional;

/** What a row of the price table charges for, with the unit its price is per. */
public enum Meter {
    /** A virtual machine by size, pay-as-you-go, Linux. */
    VM("vm", "hour"),
    /** A Spot virtual machine by size (the price moves with demand). */
    VM_SPOT("vm-spot", "hour"),
    /** A premium SSD managed disk by tier (P4, P6, P10 ...). */
    DISK("disk", "month"),
    /** Premium (provisioned) Azure Files, per provisioned GiB. */
    FILES_PREMIUM("files-premium", "GiB-month"),
    /** An Azure NetApp Files capacity pool by service level, per provisioned GiB. */
    NETAPP("netapp", "GiB-month"),
    /** Azure Managed Lustre by SKU, per TiB of capacity. */
    LUSTRE("lustre", "TiB-hour"),
    /** An Azure Bastion host by SKU (two instances, the minimum). */
    BASTION("bastion", "hour"),
    NAT_GATEWAY("nat-gateway", "hour"),
    PUBLIC_IP("public-ip", "hour"),
    PRIVATE_ENDPOINT("private-endpoint", "hour"),
    /** An Azure Database for MySQL flexible server by compute size. */
    MYSQL("mysql", "hour"),
    /** Its provisioned storage. */
    MYSQL_STORAGE("mysql-storage", "GiB-month");

    private final String id;
    private final String unit;

    Meter(String id, String unit) {
        this.id = id;
        this.unit = unit;
    }

    /** The meter's name in the table. */
    public String id() {
        return id;
    }

    /** What one price is for: {@code hour}, {@code month}, {@code GiB-month}, {@code TiB-hour}. */
    public String unit() {
        return unit;
    }

    static Optional<Meter> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
