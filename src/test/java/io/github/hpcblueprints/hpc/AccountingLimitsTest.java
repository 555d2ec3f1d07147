package io.github.hpcblueprints.hpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hpcblueprints.azure.compute.VmSizes;
import io.github.hpcblueprints.cost.PriceTable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Budgets to Slurm limits, against sums done by hand with a price table of round numbers made for the test. */
class AccountingLimitsTest {

    static final PriceTable ROUND = PriceTable.read("""
            # as-of: 2026-01-31
            # currency: USD
            # source: the test
            uksouth\tvm-spot\tStandard_F4s_v2\thour\t0.04
            uksouth\tvm\tStandard_HB176rs_v4\thour\t7.92
            uksouth\tvm\tStandard_D8as_v5\thour\t0.40
            """, "round.tsv");

    @Test
    void theFullEnvironmentByHand() {
        AccountingLimits l = AccountingLimits.of(Environments.full().build(), ROUND);
        // a CPU-minute: htc (Spot F4s_v2) 0.04 / (60 x 4) = 0.000166..., hpc (HB176rs_v4) 7.92 / (60 x 176) = 0.00075;
        // htc is the cheaper, so it is the unit, and hpc counts 0.00075 / 0.000166... = 7.92 x 4 / (0.04 x 176) = 4.5
        assertThat(l.rate("htc").orElseThrow().usageFactor()).isEqualByComparingTo("1.0000");
        assertThat(l.rate("hpc").orElseThrow().usageFactor()).isEqualByComparingTo("4.5000");
        assertThat(l.rate("hpc").orElseThrow().qos()).isEqualTo("part-hpc");
        AccountingLimits.ProjectLimit alpha = l.projects().get(0);
        // alpha: 1500 a month, less its research instance viz01 (D8as_v5, daily shutdown: 0.40 x 220 h = 88)
        assertThat(alpha.instances()).isEqualByComparingTo("88.00");
        assertThat(alpha.forJobs()).isEqualByComparingTo("1412.00");
        // 1412 buys 1412 x 240 / 0.04 = 8,472,000 htc CPU-minutes (or 8,472,000 / 4.5 = 1,882,666 on hpc)
        assertThat(alpha.grpCpuMinutes()).isEqualTo(8_472_000L);
        assertThat(alpha.maxCpuMinutesPerJob()).isZero();
        assertThat(alpha.cheapestJob()).isEqualByComparingTo("0.04"); // one node-hour of htc
        assertThat(alpha.partitions()).containsExactly("htc", "hpc");
        AccountingLimits.ProjectLimit beta = l.projects().get(1);
        assertThat(beta.grpCpuMinutes()).isEqualTo(800L * 240 * 25); // 800 / 0.04 x 240
    }

    @Test
    void aPerJobCapAndABudgetTheInstancesEat() {
        ClusterEnvironment env = Environments.full()
                .project(new Project("gamma", "carol", "gammaGroupObjectId", "", 50, List.of("htc"), List.of("cw"),
                        512))
                .instance(new ResearchInstance("gvm", "Standard_D8as_v5", "ubuntu2204", "gamma", List.of(),
                        AutoShutdown.never("runs a web service for the project")))
                .build();
        AccountingLimits.ProjectLimit gamma = AccountingLimits.of(env, ROUND).projects().get(2);
        // the instance runs all month: 0.40 x 730 = 292, more than the budget of 50; nothing is left for jobs
        assertThat(gamma.instances()).isEqualByComparingTo("292.00");
        assertThat(gamma.forJobs()).isEqualByComparingTo("0");
        assertThat(gamma.grpCpuMinutes()).isZero();
        // 512 core-hours a job: 30,720 CPU-minutes; spent on htc, 512 x 0.04 / 4 = 5.12
        assertThat(gamma.maxCpuMinutesPerJob()).isEqualTo(30_720L);
        assertThat(gamma.cheapestJob()).isEqualByComparingTo("5.12");
    }

    @Test
    void aSizeTheTableDoesNotPriceIsRefusedNotGuessed() {
        PriceTable partial = PriceTable.read("# as-of: 2026-01-31\n# currency: USD\n# source: t\n"
                + "uksouth\tvm-spot\tStandard_F4s_v2\thour\t0.04\n", "partial.tsv");
        assertThatThrownBy(() -> AccountingLimits.of(Environments.full().build(), partial))
                .hasMessageContaining("partition hpc: the price table (2026-01-31) has no vm price for "
                        + "Standard_HB176rs_v4 in uksouth");
    }

    @ParameterizedTest
    @CsvSource({"Standard_F16s_v2,16", "Standard_HB176rs_v4,176", "Standard_E8-4as_v5,4", "Standard_D2as_v5,2",
        "Standard_NC24ads_A100_v4,24", "Standard_M416ms_v2,416", "Standard_A1_v2,1", "Standard_ND96asr_v4,96"})
    void vcpusComeFromTheSizeName(String size, int vcpus) {
        assertThat(VmSizes.vcpus(size)).hasValue(vcpus);
    }

    @Test
    void aNameOutsideTheConventionHasNoVcpus() {
        assertThat(VmSizes.vcpus("Standard_A0")).isEmpty();
        assertThat(VmSizes.vcpus("Large")).isEmpty();
    }
}
