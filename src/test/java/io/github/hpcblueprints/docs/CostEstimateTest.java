package io.github.hpcblueprints.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.build.Build;
import io.github.hpcblueprints.cost.PriceTable;
import io.github.hpcblueprints.deploy.PlanService;
import io.github.hpcblueprints.testing.Golden;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The estimate against sums done by hand, with a price table of round numbers made for the test (so a refreshed
 * shipped table does not change the arithmetic being checked).
 */
class CostEstimateTest {

    private static final String HEADER = "# as-of: 2026-01-31\n# currency: USD\n# source: the test\n";
    private static final PriceTable ROUND = PriceTable.read(HEADER + String.join("\n",
            "uksouth\tvm\tStandard_D2as_v5\thour\t0.10",
            "uksouth\tvm\tStandard_D8as_v5\thour\t0.40",
            "uksouth\tvm\tStandard_E8as_v5\thour\t0.50",
            "uksouth\tvm-spot\tStandard_F2s_v2\thour\t0.02",
            "uksouth\tdisk\tP4\tmonth\t6.00",
            "uksouth\tfiles-premium\tprovisioned\tGiB-month\t0.20",
            "uksouth\tbastion\tStandard\thour\t0.30",
            "uksouth\tnat-gateway\tStandard\thour\t0.05",
            "uksouth\tpublic-ip\tStandard\thour\t0.01",
            "uksouth\tprivate-endpoint\tStandard\thour\t0.01"), "round.tsv");

    @Test
    void theTeachingClusterByHand() throws Exception {
        CostEstimate e = estimate("minimal-slurm-nfs", ROUND);
        // all month, 730 h: two public IPs 2 x 7.30, NAT 36.50, Bastion 219.00, the CycleCloud server 73.00 and
        // its P4 disk 6.00, scheduler 73.00, one login node 73.00; the premium share: 100 GiB x 0.20 = 20.00
        assertThat(e.fixed()).extracting(CostEstimate.Line::item).containsExactlyInAnyOrder(
                "public IP pip-teaching-nat", "NAT gateway nat-teaching", "public IP pip-teaching-bastion",
                "Bastion bas-teaching", "Azure Files share shared", "VM vm-teaching-cc", "OS disk of vm-teaching-cc",
                "scheduler node (while the cluster runs)", "login node");
        assertThat(e.fixedTotal()).isEqualByComparingTo("515.10");
        assertThat(e.daytime()).isEmpty();
        assertThat(e.unpriced()).isEmpty();
        // the spot partition: 0.02 a node-hour; 8 nodes all month = 0.02 x 730 x 8 = 116.80
        CostEstimate.NodeRate htc = e.nodes().get(0);
        assertThat(htc.hourly()).isEqualByComparingTo("0.02");
        assertThat(htc.fullMonth()).isEqualByComparingTo("116.80");
        // the budget of 600 leaves 84.90, which buys 84.90 / 0.02 = 4245 node-hours
        assertThat(e.leftForNodes()).isEqualByComparingTo("84.90");
        assertThat(e.nodeHoursLeft(htc)).isEqualTo(4245);
        // released after 10 idle minutes: 0.02 x 10 / 60
        assertThat(e.idleReleaseMinutes()).isEqualTo(10);
        assertThat(e.idleTail(htc)).isEqualByComparingTo("0.003333");
        assertThat(e.money(e.fixedTotal())).isEqualTo("USD 515.10");
    }

    @Test
    void researchInstancesWithADailyShutdownCountWorkingHours() throws Exception {
        CostEstimate e = estimate("research-instances", ROUND);
        // 220 h: viz01 (D8as_v5) 0.40 x 220 = 88.00, stats01 (E8as_v5) 0.50 x 220 = 110.00, two P4 disks 12.00
        assertThat(e.daytimeTotal()).isEqualByComparingTo("210.00");
        assertThat(e.daytime()).extracting(CostEstimate.Line::item).contains("VM vm-analysis-viz01",
                "VM vm-analysis-stats01");
        assertThat(e.fixed()).extracting(CostEstimate.Line::item).noneMatch(i -> i.startsWith("VM "));
        // two private endpoints 2 x 7.30, two public IPs 2 x 7.30, NAT 36.50, Bastion 219.00, the 512 GiB share 102.40
        assertThat(e.fixedTotal()).isEqualByComparingTo("387.10");
        assertThat(e.nodes()).isEmpty();
        assertThat(e.leftForNodes()).isEqualByComparingTo("602.90");
    }

    @Test
    void whatTheTableCannotPriceIsNamedNotGuessed() throws Exception {
        PriceTable withoutSpot = PriceTable.read(HEADER + "uksouth\tvm\tStandard_D2as_v5\thour\t0.10\n", "t.tsv");
        CostEstimate e = estimate("minimal-slurm-nfs", withoutSpot);
        assertThat(e.nodes()).isEmpty();
        assertThat(e.unpriced()).contains("partition htc (vm-spot Standard_F2s_v2 in uksouth)",
                "Bastion bas-teaching (bastion Standard in uksouth)");
        assertThat(e.fixedTotal()).isEqualByComparingTo("219.00"); // server, scheduler, login at 73.00
    }

    @Test
    void everyShippedBlueprintIsPricedInFullAndItsReadmeSaysSo() throws Exception {
        for (String name : List.of("minimal-slurm-nfs", "secure-slurm-lustre", "research-instances",
                "existing-vnet")) {
            CostEstimate e = estimate(name, PriceTable.shipped());
            assertThat(e.unpriced()).as(name).isEmpty();
            String readme = Files.readString(Golden.projectDir().resolve("generated/" + name + "/README.md"));
            assertThat(readme).as(name).contains("| **total** | | | | **" + e.money(e.fixedTotal()) + "** |")
                    .contains("as they stood on\n" + PriceTable.shipped().asOf());
            if (e.budget() > 0) {
                assertThat(e.leftForNodes()).as(name + ": the budget covers what runs regardless")
                        .isGreaterThan(BigDecimal.ZERO);
            }
        }
    }

    private static CostEstimate estimate(String name, PriceTable prices) throws Exception {
        Build build = BlueprintDocsTest.build(name);
        return CostEstimate.of(PlanService.prepare(build, Optional.empty(), Optional.empty()).resources(),
                build.environment(), prices);
    }
}
