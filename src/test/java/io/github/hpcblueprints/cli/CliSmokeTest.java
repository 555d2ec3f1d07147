package io.github.hpcblueprints.cli;

import static io.github.hpcblueprints.cli.CliGenerateTest.blueprint;
import static io.github.hpcblueprints.cli.CliGenerateTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.build.Build;
import io.github.hpcblueprints.cost.PriceTable;
import io.github.hpcblueprints.deploy.PlanService;
import io.github.hpcblueprints.docs.CostEstimate;
import io.github.hpcblueprints.generate.Pipeline;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code hpcb smoke} up to the point where it would reach Azure: what it needs, what it says it costs, and that it
 * asks first (a run deploys real resources). The run itself is covered against the ARM stub by SmokeTest.
 */
class CliSmokeTest {

    @Test
    void withoutASubscriptionItSaysHowToGiveOne() {
        if (System.getenv("AZURE_SUBSCRIPTION_ID") != null) {
            return; // the variable gives one: nothing to check here
        }
        CliGenerateTest.Run r = run("smoke", blueprint("minimal-slurm-nfs.yaml").toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains("smoke deploys into a subscription").contains("AZURE_SUBSCRIPTION_ID");
    }

    @Test
    void itPrintsWhatARunCostsAndAsksBeforeDeployingAnything() throws java.io.IOException {
        String b = blueprint("minimal-slurm-nfs.yaml").toString();
        CliGenerateTest.Run r = run("smoke", b, "--subscription", "00000000-0000-0000-0000-000000000001",
                "--resource-group", "hpcb-smoke-check");
        // no terminal to ask and no --yes: refused before any sign-in
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains("smoke needs a confirmation").contains("add --yes");
        Build build = new Pipeline().build(blueprint("minimal-slurm-nfs.yaml"), Optional.empty());
        CostEstimate e = CostEstimate.of(PlanService.prepare(build, Optional.empty(), Optional.of("hpcb-smoke-check"))
                .resources(), build.environment(), PriceTable.shipped());
        // the README's month of what runs all the time, by the hour, for the two hours a run is expected to take
        BigDecimal hourly = e.fixedTotal().divide(BigDecimal.valueOf(730), 4, RoundingMode.HALF_UP);
        assertThat(e.money(e.fixedTotal())).isEqualTo("USD 496.67");
        assertThat(r.out()).contains("deploys teaching into the new resource group hpcb-smoke-check (subscription "
                + "00000000-0000-0000-0000-000000000001, uksouth), then deletes it.")
                .contains("costs about " + e.money(hourly) + " an hour").contains("a run of about 2 hours costs about "
                        + e.money(hourly.multiply(BigDecimal.valueOf(2))) + ", plus the node the job starts");
        // and the README's "Live smoke test" gives the same figures
        String readme = java.nio.file.Files.readString(io.github.hpcblueprints.testing.Golden.projectDir()
                .resolve("README.md")).replaceAll("\\s+", " ");
        assertThat(readme).contains("what runs all the time costs about " + e.money(hourly) + " an hour at the "
                + "shipped list prices, so a run of about two hours costs about " + e.money(hourly.multiply(BigDecimal
                        .valueOf(2))) + ", plus the node the job starts");
    }

    @Test
    void anEnvironmentWithoutBastionCannotBeSmokeTestedAndSaysWhy() {
        CliGenerateTest.Run r = run("smoke", blueprint("existing-vnet.yaml").toString(), "--subscription", "s1");
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains("the smoke test needs a cluster, its CycleCloud server and Azure Bastion")
                .contains("lacks a Bastion").contains("blueprints/minimal-slurm-nfs.yaml");
    }
}
