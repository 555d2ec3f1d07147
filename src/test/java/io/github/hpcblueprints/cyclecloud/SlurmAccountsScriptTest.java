package io.github.hpcblueprints.cyclecloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hpcblueprints.blueprint.BlueprintLoader;
import io.github.hpcblueprints.hpc.AccountingLimits;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler's accounts script, run against a test double of sacctmgr that keeps a small accounting database:
 * it waits for slurmdbd, makes each partition's QOS and each project's account with the limits the arithmetic
 * gives, adds exactly the members, changes nothing on a second run, and follows a changed blueprint (a new limit, a
 * member removed).
 */
class SlurmAccountsScriptTest {

    static final String SCRIPT = "specs/scheduler/cluster-init/scripts/30-slurm-accounts.sh";
    static ClusterEnvironment lab;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        BlueprintLoader loader = new BlueprintLoader(Path.of("target/profile-cache"), Duration.ofSeconds(1));
        lab = loader.load(Golden.projectDir().resolve("blueprints/enforced-budgets.yaml")).environment();
    }

    ScriptSandbox sandbox() throws Exception {
        List<String> stubs = new ArrayList<>(ScriptSandbox.STUBS);
        stubs.add("sacctmgr");
        return new ScriptSandbox(tmp, stubs);
    }

    JsonNode db(ScriptSandbox box) throws Exception {
        return new ObjectMapper().readTree(box.state.resolve("slurmdb.json").toFile());
    }

    @Test
    void makesTheLimitsTheArithmeticGivesAndChangesNothingTheSecondTime() throws Exception {
        ScriptSandbox box = sandbox();
        Files.writeString(box.state.resolve("slurmdbd.down"), "3"); // slurmdbd answers on the fourth try
        String script = ClusterInitProject.render(lab).get(SCRIPT);
        ScriptSandbox.Run first = box.run("accounts.sh", script);
        assertThat(first.exit()).as(first.stderr()).isZero();

        AccountingLimits limits = lab.accountingLimits().orElseThrow();
        JsonNode db = db(box);
        for (AccountingLimits.PartitionRate r : limits.partitions()) {
            assertThat(Double.parseDouble(db.path("qos").path(r.qos()).path("UsageFactor").asText()))
                    .isEqualTo(r.usageFactor().doubleValue());
        }
        AccountingLimits.ProjectLimit chem = limits.projects().get(0);
        assertThat(db.path("accounts").path("chem").path("GrpTRESMins").asText())
                .isEqualTo("cpu=" + chem.grpCpuMinutes());
        assertThat(db.path("accounts").path("chem").path("MaxTRESMins").asText()).isEqualTo("cpu=15360");
        assertThat(db.path("accounts").path("bio").path("MaxTRESMins").asText()).isEmpty();
        assertThat(db.path("users").fieldNames()).toIterable().containsExactlyInAnyOrder("fgrey|chem", "hli|chem",
                "greed|bio");
        assertThat(db.path("users").path("hli|chem").path("QOS").asText()).isEqualTo("part-htc,part-mem");
        assertThat(box.calls()).contains("sacctmgr -n -P show cluster").contains("sleep");

        // again: it reads, and changes nothing
        Files.writeString(box.state.resolve("calls.log"), "");
        ScriptSandbox.Run second = box.run("accounts.sh", script);
        assertThat(second.exit()).as(second.stderr()).isZero();
        assertThat(box.calls().lines().filter(l -> l.startsWith("sacctmgr -i"))).isEmpty();
        assertThat(db(box)).isEqualTo(db);
    }

    @Test
    void followsTheBlueprintANewLimitAndAMemberRemoved() throws Exception {
        ScriptSandbox box = sandbox();
        String script = ClusterInitProject.render(lab).get(SCRIPT);
        assertThat(box.run("accounts.sh", script).exit()).isZero();
        // the blueprint changes: chem's budget halves and hli leaves
        String changed = script.replaceFirst("'chem (\\d+) 15360 fgrey,hli'", "'chem 42 15360 fgrey'");
        assertThat(changed).isNotEqualTo(script);
        Files.writeString(box.state.resolve("calls.log"), "");
        ScriptSandbox.Run run = box.run("accounts.sh", changed);
        assertThat(run.exit()).as(run.stderr()).isZero();
        JsonNode db = db(box);
        assertThat(db.path("accounts").path("chem").path("GrpTRESMins").asText()).isEqualTo("cpu=42");
        assertThat(db.path("users").has("hli|chem")).isFalse();
        assertThat(run.stderr()).contains("user hli may no longer charge project chem");
        assertThat(box.calls().lines().filter(l -> l.startsWith("sacctmgr -i")))
                .allSatisfy(l -> assertThat(l).containsAnyOf("chem", "hli"));
    }

    @Test
    void withoutSlurmdbdItStopsAndSaysSo() throws Exception {
        ScriptSandbox box = sandbox();
        Files.writeString(box.state.resolve("slurmdbd.down"), "1000");
        ScriptSandbox.Run run = box.run("accounts.sh", ClusterInitProject.render(lab).get(SCRIPT));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stderr()).contains("slurmdbd does not answer: project limits not applied");
        assertThat(box.state.resolve("slurmdb.json")).doesNotExist();
    }
}
