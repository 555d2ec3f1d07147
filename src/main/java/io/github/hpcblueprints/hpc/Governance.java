package io.github.hpcblueprints.hpc;

import java.util.List;

/**
 * Guard rails that hold after deployment: policy assignments (allowed regions, allowed VM sizes, required tags),
 * diagnostic logs to Log Analytics, and Key Vault audit.
 *
 * @param allowedVmSizes empty: derived from the sizes the blueprint uses
 * @param enforceRequiredTags deny untagged resources (default audit only: CycleCloud-created disks and NICs may lack
 *     tags a policy demands)
 * @param logRetentionDays 0 turns Log Analytics and diagnostic settings off
 */
public record Governance(List<String> allowedLocations, List<String> allowedVmSizes, List<String> requiredTags,
        boolean enforceRequiredTags, int logRetentionDays, boolean policy) {

    public Governance {
        allowedLocations = List.copyOf(allowedLocations);
        allowedVmSizes = List.copyOf(allowedVmSizes);
        requiredTags = List.copyOf(requiredTags);
        if (logRetentionDays != 0 && (logRetentionDays < 30 || logRetentionDays > 730)) {
            throw new IllegalArgumentException("log retention " + logRetentionDays + " days is outside 30-730");
        }
    }

    public boolean logAnalytics() {
        return logRetentionDays > 0;
    }
}
