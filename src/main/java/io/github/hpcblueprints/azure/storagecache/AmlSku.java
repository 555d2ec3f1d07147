package io.github.hpcblueprints.azure.storagecache;

import java.util.Optional;

/**
 * Azure Managed Lustre SKUs: throughput per TiB, and the capacity rules of each (minimum, step, documented maximum;
 * larger systems need a support request). From Microsoft's "Create an Azure Managed Lustre file system using
 * Azure Resource Manager templates".
 */
public enum AmlSku {
    DURABLE_PREMIUM_40("AMLFS-Durable-Premium-40", 40, 48, 48, 768),
    DURABLE_PREMIUM_125("AMLFS-Durable-Premium-125", 125, 16, 16, 128),
    DURABLE_PREMIUM_250("AMLFS-Durable-Premium-250", 250, 8, 8, 128),
    DURABLE_PREMIUM_500("AMLFS-Durable-Premium-500", 500, 4, 4, 128);

    private final String skuName;
    private final int mbPerSecondPerTiB;
    private final int minTiB;
    private final int stepTiB;
    private final int maxTiB;

    AmlSku(String skuName, int mbPerSecondPerTiB, int minTiB, int stepTiB, int maxTiB) {
        this.skuName = skuName;
        this.mbPerSecondPerTiB = mbPerSecondPerTiB;
        this.minTiB = minTiB;
        this.stepTiB = stepTiB;
        this.maxTiB = maxTiB;
    }

    public String skuName() {
        return skuName;
    }

    public int mbPerSecondPerTiB() {
        return mbPerSecondPerTiB;
    }

    public int minTiB() {
        return minTiB;
    }

    public int stepTiB() {
        return stepTiB;
    }

    public int maxTiB() {
        return maxTiB;
    }

    /** Aggregate throughput of a file system of this size, in MB/s. */
    public long throughputMBps(int capacityTiB) {
        return (long) capacityTiB * mbPerSecondPerTiB;
    }

    /** Refuses a capacity outside the SKU's rules, naming the allowed values. */
    public void checkCapacity(int capacityTiB) {
        if (capacityTiB < minTiB || capacityTiB > maxTiB || capacityTiB % stepTiB != 0) {
            throw new IllegalArgumentException("storage capacity " + capacityTiB + " TiB is not valid for "
                    + skuName + ": use a multiple of " + stepTiB + " TiB from " + minTiB + " to " + maxTiB
                    + " TiB (nearest valid: " + nearest(capacityTiB) + " TiB)");
        }
    }

    /** The valid capacity nearest to {@code capacityTiB}. */
    public int nearest(int capacityTiB) {
        int rounded = Math.round((float) capacityTiB / stepTiB) * stepTiB;
        return Math.max(minTiB, Math.min(maxTiB, rounded));
    }

    public static Optional<AmlSku> bySkuName(String name) {
        for (AmlSku s : values()) {
            if (s.skuName.equalsIgnoreCase(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The largest subnet prefix (smallest subnet) Microsoft recommends for a file system of this capacity:
     * 4-16 TiB /27, 20-40 TiB /26, 44-92 TiB /25, 96-196 TiB /24, 200-400 TiB /23; beyond the published table, /22.
     */
    public static int requiredPrefix(int capacityTiB) {
        if (capacityTiB <= 16) {
            return 27;
        }
        if (capacityTiB <= 40) {
            return 26;
        }
        if (capacityTiB <= 92) {
            return 25;
        }
        if (capacityTiB <= 196) {
            return 24;
        }
        if (capacityTiB <= 400) {
            return 23;
        }
        return 22;
    }
}
