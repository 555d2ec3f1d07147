package io.github.hpcblueprints.hpc;

import java.util.Objects;

/**
 * Slurm job accounting on an Azure Database for MySQL flexible server in the cluster's network (private access, no
 * public endpoint, TLS required): slurmdbd records every job, and each project's monthly budget becomes a limit on
 * its Slurm account that the scheduler enforces ({@code AccountingStorageEnforce=associations,limits,qos,safe}).
 *
 * @param sku the server's compute size ({@code Standard_B1ms}: Burstable, enough for slurmdbd)
 * @param storageGiB its storage (20 GiB or more; it grows by itself)
 */
public record SlurmAccounting(String sku, int storageGiB) {

    public SlurmAccounting {
        Objects.requireNonNull(sku);
        if (!sku.matches("Standard_[BDE][0-9a-z_]+")) {
            throw new IllegalArgumentException("database size '" + sku + "' is not a MySQL flexible server size "
                    + "(Standard_B1ms, Standard_D2ads_v5, Standard_E2ds_v4 ...)");
        }
        if (storageGiB < 20 || storageGiB > 16384) {
            throw new IllegalArgumentException("database storage of " + storageGiB + " GiB is outside 20-16384 GiB");
        }
    }

    public static SlurmAccounting defaults() {
        return new SlurmAccounting(Defaults.ACCOUNTING_SKU, Defaults.ACCOUNTING_STORAGE_GIB);
    }

    /** The tier Azure sells the size in (Standard_B*: Burstable; D: General Purpose; E: Memory Optimized). */
    public String tier() {
        return switch (sku.charAt("Standard_".length())) {
            case 'B' -> "Burstable";
            case 'D' -> "GeneralPurpose";
            default -> "MemoryOptimized";
        };
    }
}
