package io.github.hpcblueprints.hpc;

import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.SourceTree;
import io.github.hpcblueprints.rules.Suppression;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The exceptions a blueprint states in its own terms (an always-on partition and why, local sign-in and why), plus
 * its explicit {@code suppressions}, as suppressions of the rules they answer.
 */
public final class DomainSuppressions {

    private DomainSuppressions() {
    }

    public static List<Suppression> of(ClusterEnvironment env) {
        return of(env, Optional.empty());
    }

    /** As {@link #of(ClusterEnvironment)}, the blueprint's own suppressions located in {@code blueprint}. */
    public static List<Suppression> of(ClusterEnvironment env, Optional<SourceTree> blueprint) {
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
        out.addAll(stated(env, blueprint));
        return out;
    }

    /**
     * Only the blueprint's explicit {@code suppressions}, each at its place in the blueprint: the ones that must
     * match a finding (the domain's own follow from settings that always produce one).
     */
    public static List<Suppression> stated(ClusterEnvironment env, Optional<SourceTree> blueprint) {
        List<Suppression> out = new ArrayList<>();
        for (int i = 0; i < env.suppressions().size(); i++) {
            var s = env.suppressions().get(i);
            String path = "$.suppressions[" + i + "]";
            Location at = blueprint.map(t -> t.locate(path)).orElse(new Location(env.source(), 0, 0, path));
            out.add(new Suppression(s.ruleId(), s.reason(), s.target(), "", "blueprint (suppressions)", at));
        }
        return out;
    }
}
