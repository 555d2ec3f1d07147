package io.github.hpcblueprints.hpc;

import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.authorization.BuiltInPolicy;
import io.github.hpcblueprints.azure.authorization.PolicyAssignment;
import io.github.hpcblueprints.azure.insights.DiagnosticSetting;
import io.github.hpcblueprints.azure.operationalinsights.LogAnalyticsWorkspace;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Guard rails: policy assignments on the resource group (regions, VM sizes, required tags), and audit logs of Key
 * Vault and the data accounts in Log Analytics.
 */
final class GovernancePart {

    private GovernancePart() {
    }

    static void compile(CompileContext c, Identities ids, StorageResources store) {
        Governance g = c.env.governance();
        if (g.logAnalytics()) {
            Ref<LogAnalyticsWorkspace> logs = c.d.add(c.place(LogAnalyticsWorkspace.named(c.names.name("log",
                    "")).retentionDays(
                    g.logRetentionDays())));
            if (ids.keyVault() != null) {
                c.d.add(DiagnosticSetting.forKeyVault(ids.keyVault(), logs));
            }
            if (store.data() != null) {
                c.d.add(DiagnosticSetting.forBlobService(store.data(), logs));
            }
            if (store.locker() != null) {
                c.d.add(DiagnosticSetting.forBlobService(store.locker(), logs));
            }
            if (store.nfsAccount() != null) {
                c.d.add(DiagnosticSetting.forFileService(store.nfsAccount(), logs));
            }
        }
        if (!g.policy()) {
            return;
        }
        if (!g.allowedLocations().isEmpty()) {
            c.d.add(PolicyAssignment.of(c.names.name("policy", "locations"), BuiltInPolicy.ALLOWED_LOCATIONS,
                    g.allowedLocations()).displayName("Allowed locations (" + c.env.name() + ")")
                    .nonComplianceMessage("Resources of environment " + c.env.name() + " stay in "
                            + String.join(", ", g.allowedLocations()) + "."));
        }
        List<String> sizes = g.allowedVmSizes().isEmpty() ? usedSizes(c.env) : g.allowedVmSizes();
        c.d.add(PolicyAssignment.of(c.names.name("policy", "vm-sizes"), BuiltInPolicy.ALLOWED_VM_SKUS, sizes)
                .displayName("Allowed VM sizes (" + c.env.name() + ")")
                .nonComplianceMessage("Only the VM sizes the blueprint declares; change the blueprint to add one."));
        for (String tag : g.requiredTags()) {
            PolicyAssignment p = PolicyAssignment.of(c.names.name("policy", "tag-" + tag), BuiltInPolicy.REQUIRE_TAG,
                    tag).displayName("Require tag '" + tag + "' (" + c.env.name() + ")")
                    .nonComplianceMessage("Tag every resource with '" + tag + "' so its cost can be traced.");
            if (!g.enforceRequiredTags()) {
                p.auditOnly();
            }
            c.d.add(p);
        }
    }

    /** Every VM size the blueprint uses, sorted. */
    static List<String> usedSizes(ClusterEnvironment env) {
        TreeSet<String> sizes = new TreeSet<>();
        env.cycleCloud().ifPresent(cc -> sizes.add(cc.vmSize()));
        env.cluster().ifPresent(cl -> {
            sizes.add(cl.scheduler().vmSize());
            sizes.add(cl.login().vmSize());
            cl.partitions().forEach(p -> sizes.add(p.vmSize()));
        });
        env.instances().forEach(r -> sizes.add(r.vmSize()));
        return new ArrayList<>(sizes);
    }
}
