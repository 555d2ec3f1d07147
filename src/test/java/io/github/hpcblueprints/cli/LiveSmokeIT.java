package io.github.hpcblueprints.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The live smoke test ({@code mvn verify -Plive}, run by failsafe in that profile only): {@code hpcb smoke} of
 * minimal-slurm-nfs in a real subscription. Needs AZURE_SUBSCRIPTION_ID, a sign-in DefaultAzureCredential finds (az
 * login), the Azure CLI with its bastion extension, OpenSSH, and HPCB_SMOKE_PARAMS with the parameters the
 * deployment needs besides the SSH key, e.g. "adminsGroupObjectId=... researchersGroupObjectId=...". It deploys
 * real resources and costs money (hpcb smoke prints its estimate); asked for by name, it fails rather than skips
 * when any of that is missing.
 */
class LiveSmokeIT {

    @Test
    void minimalSlurmNfsDeploysBootsRunsAJobAndIsDeleted() {
        assertThat(System.getenv("AZURE_SUBSCRIPTION_ID")).as("-Plive deploys into AZURE_SUBSCRIPTION_ID: set it "
                + "(az account show --query id -o tsv)").isNotBlank();
        String given = System.getenv("HPCB_SMOKE_PARAMS");
        assertThat(given).as("HPCB_SMOKE_PARAMS: \"adminsGroupObjectId=<id> researchersGroupObjectId=<id>\" (az ad "
                + "group show --group NAME --query id -o tsv)").isNotBlank();
        List<String> args = new ArrayList<>(List.of("smoke", "blueprints/minimal-slurm-nfs.yaml", "--yes"));
        for (String p : given.trim().split("\\s+")) {
            args.add("--param");
            args.add(p);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // progress goes to the console as it happens: a run lasts about two hours
        int code = Cli.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        String printed = out.toString(StandardCharsets.UTF_8);
        System.out.print(printed);
        assertThat(code).as(printed).isZero();
        assertThat(printed).containsPattern("smoke: passed: srun --partition=htc hostname ran on \\S+")
                .contains("smoke: resource group hpcb-smoke-teaching-").contains(" deleted");
    }
}
