package io.github.hpcblueprints.hpc;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Slurm partition, rendered as one CycleCloud node array per project that uses it.
 *
 * @param maxNodes the most nodes it can scale to (a hard cap on cost)
 * @param spot Azure Spot VMs (evictable, cheaper)
 * @param hpc InfiniBand placement groups ({@code slurm.hpc = true}) for tightly coupled MPI
 * @param alwaysOn excluded from idle release ({@code SuspendExcParts}); needs a reason
 * @param alwaysOnReason why the partition may stay up
 */
public record Partition(String name, String vmSize, int maxNodes, boolean spot, boolean hpc, NodeImage image,
        boolean alwaysOn, String alwaysOnReason, boolean defaultPartition) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,14}");

    public Partition {
        Objects.requireNonNull(vmSize);
        Objects.requireNonNull(image);
        Objects.requireNonNull(alwaysOnReason);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("partition name '" + name + "' must be 1-15 lowercase letters and "
                    + "digits, starting with a letter");
        }
        if (maxNodes < 1 || maxNodes > 10_000) {
            throw new IllegalArgumentException("partition '" + name + "': maxNodes " + maxNodes
                    + " is outside 1-10000");
        }
        if (alwaysOn && alwaysOnReason.isBlank()) {
            throw new IllegalArgumentException("partition '" + name + "' is always on: give the reason, since it is "
                    + "never released when idle");
        }
        if (spot && hpc) {
            throw new IllegalArgumentException("partition '" + name + "': Spot VMs cannot be used for InfiniBand "
                    + "(hpc) partitions; evictions would break tightly coupled jobs");
        }
    }
}
