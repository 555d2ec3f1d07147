package io.github.hpcblueprints.hpc;

import java.util.Locale;
import java.util.Optional;

/**
 * What a subnet of the environment is for. Each role gets its own subnet (and NSG), so rules can be as narrow as the
 * traffic: the CycleCloud server, the compute nodes, NetApp volumes, the Lustre file system (a
 * subnet of its own, sized for its capacity), private endpoints, the accounting database, Bastion.
 */
public enum SubnetRole {
    ADMIN("admin", 27),
    COMPUTE("compute", 22),
    /** Delegated to Azure NetApp Files when the environment has a NetApp volume. */
    STORAGE("storage", 28),
    LUSTRE("lustre", 27),
    ENDPOINTS("endpoints", 27),
    /** Delegated to Azure Database for MySQL flexible server (Slurm accounting): private access, no endpoint. */
    DATABASE("database", 28),
    BASTION("AzureBastionSubnet", 26);

    private final String subnetName;
    private final int defaultPrefix;

    SubnetRole(String subnetName, int defaultPrefix) {
        this.subnetName = subnetName;
        this.defaultPrefix = defaultPrefix;
    }

    /** The subnet's name in Azure (Bastion's is fixed by Azure). */
    public String subnetName() {
        return subnetName;
    }

    /** The prefix length planned when the blueprint does not size it. */
    public int defaultPrefix() {
        return defaultPrefix;
    }

    /** The key in blueprints ({@code admin}, {@code bastion} ...). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SubnetRole> byKey(String key) {
        for (SubnetRole r : values()) {
            if (r.key().equalsIgnoreCase(key)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
