package io.github.hpcblueprints.cli;

import static io.github.hpcblueprints.cli.CliGenerateTest.blueprint;
import static io.github.hpcblueprints.cli.CliGenerateTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hpcb plan|apply|destroy} with the local target: what a user sees, and the exit codes of the contract. */
class CliDeployTest {

    @TempDir
    Path tmp;

    @Test
    void planApplyPlanDestroy() {
        String b = blueprint("minimal-slurm-nfs.yaml").toString();
        String state = tmp.resolve("state").toString();
        CliGenerateTest.Run plan = run("plan", b, "--state", state, "--detailed-exitcode");
        assertThat(plan.code()).as(plan.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(plan.out()).contains("(local: no Azure account used)")
                .contains("+ Microsoft.Network/virtualNetworks/vnet-teaching  (create)")
                .containsPattern("Plan: \\d+ to create, 0 to modify, 0 to delete, 0 unchanged.");
        assertThat(tmp.resolve("state")).doesNotExist(); // a plan writes nothing

        // no --yes and no terminal to ask: refused, nothing recorded
        CliGenerateTest.Run refused = run("apply", b, "--state", state);
        assertThat(refused.code()).isEqualTo(ExitCode.INPUT);
        assertThat(refused.err()).contains("add --yes");
        assertThat(tmp.resolve("state")).doesNotExist();

        assertThat(run("--quiet", "apply", b, "--state", state, "--yes").code()).isZero();
        assertThat(tmp.resolve("state/teaching.json")).exists();
        CliGenerateTest.Run again = run("plan", b, "--state", state, "--detailed-exitcode");
        assertThat(again.code()).as(again.out()).isZero();
        assertThat(again.out()).contains("No changes");

        CliGenerateTest.Run destroy = run("destroy", b, "--state", state, "--yes");
        assertThat(destroy.code()).isZero();
        assertThat(destroy.out()).containsPattern("Plan: 0 to create, 0 to modify, \\d+ to delete, 0 unchanged.");
        assertThat(run("plan", b, "--state", state).out()).contains("0 unchanged");
    }

    @Test
    void badInputIsAUsageErrorWithTheFix() throws Exception {
        String b = blueprint("minimal-slurm-nfs.yaml").toString();
        CliGenerateTest.Run other = run("plan", b, "--target", "aws", "--state", tmp.toString());
        assertThat(other.code()).isEqualTo(ExitCode.INPUT);
        assertThat(other.err()).contains("--target must be local or azure").contains("fix:");
        if (System.getenv("AZURE_SUBSCRIPTION_ID") == null) {
            CliGenerateTest.Run azure = run("plan", b, "--target", "azure");
            assertThat(azure.code()).isEqualTo(ExitCode.INPUT);
            assertThat(azure.err()).contains("needs the subscription").contains("AZURE_SUBSCRIPTION_ID");
            CliGenerateTest.Run preflight = run("preflight", b);
            assertThat(preflight.code()).isEqualTo(ExitCode.INPUT);
            assertThat(preflight.err()).contains("preflight needs the subscription");
        }
        CliGenerateTest.Run param = run("plan", b, "--param", "nosuch=1", "--state", tmp.toString());
        assertThat(param.code()).isEqualTo(ExitCode.INPUT);
        assertThat(param.err()).contains("nosuch").doesNotContain("Exception");
        Files.writeString(tmp.resolve("teaching.json"), "not json");
        CliGenerateTest.Run foreign = run("plan", b, "--state", tmp.toString());
        assertThat(foreign.code()).isEqualTo(ExitCode.INPUT);
        assertThat(foreign.err()).contains("cannot be used").contains("--state DIR");
    }
}
