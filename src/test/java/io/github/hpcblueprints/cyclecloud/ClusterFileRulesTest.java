package io.github.hpcblueprints.cyclecloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.build.Build;
import io.github.hpcblueprints.generate.Pipeline;
import io.github.hpcblueprints.rules.Finding;
import io.github.hpcblueprints.rules.RuleContext;
import io.github.hpcblueprints.rules.RuleEngine;
import io.github.hpcblueprints.testing.Golden;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The rules over the rendered CycleCloud files: their failing cases edit those files, as a renderer defect would.
 * ({@code RuleCasesTest} counts these rules as covered here.)
 */
public class ClusterFileRulesTest {

    /** Rules whose failing case is here. */
    public static final Set<String> FILE_CASES = Set.of("HPCB-STRUCT-018", "HPCB-STRUCT-019");

    static Build build(String blueprint) {
        return new Pipeline().build(Golden.projectDir().resolve("blueprints/" + blueprint + ".yaml"), Optional.empty());
    }

    static Build edited(Build b, UnaryOperator<Map<String, String>> edit) {
        return new Build(b.name(), b.environment(), b.blueprint(), b.compiled(),
                edit.apply(new TreeMap<>(b.cycleCloudFiles())), b.templates());
    }

    static List<Finding> judged(Build b, String rule) {
        RuleContext c = new RuleContext(List.of(), List.of(b.compiled(), b), b.blueprint(), true, Optional.empty());
        return RuleEngine.standard().run(c, List.of()).active().stream().filter(f -> f.ruleId().equals(rule))
                .toList();
    }

    @Test
    void theShippedClustersNameOnlySpecsTheyHaveAllPinned() {
        for (String name : List.of("minimal-slurm-nfs", "secure-slurm-lustre", "existing-vnet")) {
            Build b = build(name);
            assertThat(judged(b, "HPCB-STRUCT-018")).as(name).isEmpty();
            assertThat(judged(b, "HPCB-STRUCT-019")).as(name).isEmpty();
        }
    }

    @Test
    void aSpecTheProjectLacksIsFoundAtTheCluster() {
        // the defect this rule was made for: minimal-slurm-nfs named hpcb-teaching:scheduler with no such spec
        Build b = edited(build("minimal-slurm-nfs"), f -> {
            f.put("cyclecloud/teaching.txt", f.get("cyclecloud/teaching.txt").replace(
                    "[[[cluster-init cyclecloud/slurm:scheduler:4.0.9]]]",
                    "[[[cluster-init cyclecloud/slurm:scheduler:4.0.9]]]\n        [[[cluster-init hpcb-teaching:scheduler:1.0.0]]]"));
            return f;
        });
        assertThat(judged(b, "HPCB-STRUCT-018")).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("the cluster template names cluster-init spec hpcb-teaching:scheduler, "
                    + "which project hpcb-teaching does not have");
            assertThat(f.location().jsonPath()).isEqualTo("$.cluster");
            assertThat(f.location().line()).isPositive();
        });
    }

    @Test
    void anUnversionedSpecOrAFloatingCycleCloudIsFound() {
        Build b = edited(build("minimal-slurm-nfs"), f -> {
            f.put("cyclecloud/teaching.txt", f.get("cyclecloud/teaching.txt").replace("cyclecloud/slurm:default:4.0.9",
                    "cyclecloud/slurm:default"));
            String server = CycleCloudFiles.serverCloudInitPath(b0().environment());
            f.put(server, f.get(server).replace("cyclecloud8=8.9.1-*", "cyclecloud8=8.*"));
            return f;
        });
        assertThat(judged(b, "HPCB-STRUCT-019")).extracting(Finding::message).containsExactlyInAnyOrder(
                "cluster-init cyclecloud/slurm:default has no version",
                "the CycleCloud server installs cyclecloud8=8.*, a floating release");
    }

    private static Build b0() {
        return build("minimal-slurm-nfs");
    }
}
