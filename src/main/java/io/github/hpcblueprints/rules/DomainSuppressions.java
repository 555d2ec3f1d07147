package io.github.hpcblueprints.rules;

import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.Partition;
import java.util.ArrayList;
import java.util.List;

/**
 * The exceptions a blueprint states in its own terms (an always-on partition and why, local sign-in and why), plus
 * its explicit {@code suppressions}, as suppressions of the rules they answer.
 */
public final class DomainSuppressions {

    private DomainSuppressions() {
    }

    public static List<Suppression> of(ClusterEnvironment env) {
        List<Suppression> out = new ArrayList<>();
        env.cluster().ifPresent(cl -> {
            for (int i = 0; i < cl.partitions().size(); i++) {
                Partition p = cl.partitions().get(i);
                if (p.alwaysOn()) {
                    out.add(new Suppression("HPCB-COST-004", p.alwaysOnReason(), "$.cluster.partitions[" + i + "]",
                            "", "blueprint (alwaysOnReason)"));
                }
            }
        });
        if (!env.access().cycleCloudEntraSignIn()) {
            out.add(new Suppression("HPCB-ACCESS-010", env.access().localSignInReason(), "$.access.cycleCloud",
                    "", "blueprint (localSignInReason)"));
        }
        env.suppressions().forEach(s -> out.add(new Suppression(s.ruleId(), s.reason(), s.target(), "",
                "blueprint (suppressions)")));
        return out;
    }
}
