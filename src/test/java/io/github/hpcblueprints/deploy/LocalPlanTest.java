package io.github.hpcblueprints.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.build.Build;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.generate.Pipeline;
import io.github.hpcblueprints.json.JsonTrees;
import io.github.hpcblueprints.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local plan: evaluates like ARM, compares like what-if, records on apply. */
class LocalPlanTest {

    @TempDir
    Path dir;

    private static final PlanContext CONTEXT = PlanContext.defaults("t", "uksouth");

    private Plan plan(String template, Map<String, String> params) {
        JsonNode t = JsonTrees.parse(template);
        return new LocalPlan(new StateStore(dir), CONTEXT).plan("t", List.of(new TemplateDeployment("t.json", t,
                Map.of())), params);
    }

    private static final String HEAD = "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/"
            + "deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\", ";

    private static String after(Plan p, String idEnd) {
        return p.resources().values().stream().filter(r -> r.id().endsWith(idEnd)).findFirst().orElseThrow()
                .body().toString();
    }

    @Test
    void theDefaultBlueprintPlansAppliesAndThenHasNothingToDo() throws Exception {
        Path blueprint = Golden.projectDir().resolve("blueprints/minimal-slurm-nfs.yaml");
        Build build = new Pipeline().build(blueprint, Optional.empty());
        List<TemplateDeployment> deployments = PlanService.deployments(build, Optional.empty());
        PlanContext context = PlanService.context(build, deployments, Optional.empty());
        LocalPlan local = new LocalPlan(new StateStore(dir), context);

        Plan first = local.plan("teaching", deployments, Map.of());
        assertThat(first.count(Change.Action.CREATE)).isEqualTo(first.changes().size()).isGreaterThan(30);
        // names come out as Azure makes them: uniqueString(resourceGroup().id) of the plan's resource group
        String suffix = io.github.hpcblueprints.arm.Hashes.uniqueString(List.of(context.resourceGroupPath()));
        assertThat(first.resources().keySet()).anyMatch(id -> id.endsWith("/vaults/kv-teaching-"
                + suffix.substring(0, 12)));
        local.apply(first);
        assertThat(local.plan("teaching", deployments, Map.of()).hasChanges()).isFalse();

        // a modified blueprint: exactly the properties that changed
        Path changed = dir.resolve("minimal-slurm-nfs.yaml");
        Files.writeString(changed, Files.readString(blueprint).replace("cycleCloud:\n  vmSize: Standard_D2as_v5",
                "cycleCloud:\n  vmSize: Standard_D4as_v5").replace("quotaGiB: 100", "quotaGiB: 200"));
        Build b2 = new Pipeline().build(changed, Optional.empty());
        Plan second = local.plan("teaching", PlanService.deployments(b2, Optional.empty()), Map.of());
        assertThat(second.changes()).filteredOn(c -> c.action() != Change.Action.NO_CHANGE)
                .allSatisfy(c -> assertThat(c.action()).isEqualTo(Change.Action.MODIFY))
                .flatExtracting(Change::properties)
                .extracting(p -> p.path() + ": " + p.before() + " => " + p.after())
                .containsExactlyInAnyOrder("properties.hardwareProfile.vmSize: \"Standard_D2as_v5\" => "
                        + "\"Standard_D4as_v5\"", "properties.shareQuota: 100 => 200");
        // the README shows this plan: its lines are the ones printed here
        String readme = Files.readString(Golden.projectDir().resolve("README.md"));
        String printed = PlanText.render(second, context);
        String body = printed.substring(printed.indexOf("  ~ "));
        for (String line : body.split("\n")) {
            assertThat(readme).as("README's plan example").contains(line);
        }
        // nothing secret is planned or recorded: secure parameters are never evaluated
        assertThat(Files.readString(dir.resolve("teaching.json"))).doesNotContain("BEGIN OPENSSH")
                .contains("hpc-blueprints local state");
    }

    @Test
    void copyLoopsConditionsAndReferencesEvaluateAsArmDoes() {
        String t = HEAD + "\"parameters\": {\"count\": {\"type\": \"int\", \"defaultValue\": 2}, \"withIp\": "
                + "{\"type\": \"bool\", \"defaultValue\": false}, \"password\": {\"type\": \"securestring\"}}, "
                + "\"variables\": {\"prefix\": \"nic\"}, \"resources\": [{\"type\": \"Microsoft.Network/virtualNetworks\", "
                + "\"apiVersion\": \"2024-05-01\", \"name\": \"vnet1\", \"location\": \"[resourceGroup().location]\", "
                + "\"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"10.0.0.0/16\"]}, \"copy\": [{\"name\": "
                + "\"subnets\", \"count\": 2, \"input\": {\"name\": \"[format('s{0}', copyIndex('subnets'))]\", "
                + "\"properties\": {\"addressPrefix\": \"[format('10.0.{0}.0/24', copyIndex('subnets'))]\"}}}]}}, "
                + "{\"type\": \"Microsoft.Network/networkInterfaces\", \"apiVersion\": \"2024-05-01\", \"name\": "
                + "\"[concat(variables('prefix'), copyIndex(1))]\", \"location\": \"uksouth\", \"copy\": {\"name\": "
                + "\"nics\", \"count\": \"[parameters('count')]\"}, \"dependsOn\": [\"vnet1\"], \"properties\": {"
                + "\"space\": \"[reference('vnet1').addressSpace.addressPrefixes[0]]\", \"secret\": "
                + "\"[parameters('password')]\", \"late\": \"[reference('vnet1').resourceGuid]\"}}, {\"type\": "
                + "\"Microsoft.Network/publicIPAddresses\", \"apiVersion\": \"2024-05-01\", \"name\": \"ip\", "
                + "\"condition\": \"[parameters('withIp')]\", \"location\": \"uksouth\", \"properties\": {}}]}";
        Plan p = plan(t, Map.of("count", "3", "password", "s3cret!"));
        assertThat(p.resources().keySet()).extracting(id -> id.substring(id.indexOf("/providers/") + 11))
                .containsExactlyInAnyOrder("Microsoft.Network/virtualNetworks/vnet1",
                        "Microsoft.Network/networkInterfaces/nic1", "Microsoft.Network/networkInterfaces/nic2",
                        "Microsoft.Network/networkInterfaces/nic3");
        assertThat(after(p, "/virtualNetworks/vnet1")).contains("\"location\":\"uksouth\"")
                .contains("{\"name\":\"s1\",\"properties\":{\"addressPrefix\":\"10.0.1.0/24\"}}");
        assertThat(after(p, "/nic2")).contains("\"space\":\"10.0.0.0/16\"")
                // what only the deployment knows, and the secure parameter, stay expressions
                .contains("(known at deployment: reference('vnet1').resourceGuid)")
                .contains("(known at deployment: parameters('password'))").doesNotContain("s3cret");
    }

    @Test
    void whatCannotBeEvaluatedIsNamedWithItsPath() {
        assertThatThrownBy(() -> plan(HEAD + "\"resources\": [{\"type\": \"Microsoft.Network/publicIPAddresses\", "
                + "\"apiVersion\": \"2024-05-01\", \"name\": \"ip\", \"location\": \"uksouth\", \"properties\": {"
                + "\"x\": \"[frobnicate('a')]\"}}]}", Map.of())).isInstanceOf(PlanException.class)
                .hasMessageContaining("cannot evaluate frobnicate()")
                .satisfies(e -> assertThat(((PlanException) e).path()).isEqualTo("$.resources[0].properties.x"));
        assertThatThrownBy(() -> plan(HEAD + "\"parameters\": {\"n\": {\"type\": \"int\"}}, \"resources\": [{"
                + "\"type\": \"Microsoft.Network/publicIPAddresses\", \"apiVersion\": \"2024-05-01\", \"name\": "
                + "\"[concat('ip', copyIndex())]\", \"location\": \"uksouth\", \"copy\": {\"name\": \"ips\", \"count\": "
                + "\"[parameters('n')]\"}}]}", Map.of())).isInstanceOf(PlanException.class)
                .hasMessageContaining("count is known only at deployment: parameters('n')");
        assertThatThrownBy(() -> plan(HEAD + "\"resources\": []}", Map.of("nosuch", "1")))
                .isInstanceOf(BlueprintException.class).hasMessageContaining("nosuch");
    }

    @Test
    void aResourceNoLongerDeclaredIsDeletedAndDestroyRemovesEverything() {
        String two = HEAD + "\"resources\": [{\"type\": \"Microsoft.Network/publicIPAddresses\", \"apiVersion\": "
                + "\"2024-05-01\", \"name\": \"a\", \"location\": \"uksouth\"}, {\"type\": "
                + "\"Microsoft.Network/publicIPAddresses\", \"apiVersion\": \"2024-05-01\", \"name\": \"b\", "
                + "\"location\": \"uksouth\"}]}";
        LocalPlan local = new LocalPlan(new StateStore(dir), CONTEXT);
        local.apply(plan(two, Map.of()));
        Plan one = plan(two.replace(", {\"type\": \"Microsoft.Network/publicIPAddresses\", \"apiVersion\": "
                + "\"2024-05-01\", \"name\": \"b\", \"location\": \"uksouth\"}", ""), Map.of());
        assertThat(one.changes()).extracting(c -> c.action() + " " + PlanText.shortId(c.id(), CONTEXT))
                .containsExactly("NO_CHANGE Microsoft.Network/publicIPAddresses/a",
                        "DELETE Microsoft.Network/publicIPAddresses/b");
        Plan destroy = local.planDestroy("t");
        assertThat(destroy.count(Change.Action.DELETE)).isEqualTo(2);
        local.apply(destroy);
        assertThat(local.planDestroy("t").hasChanges()).isFalse();
    }

    @Test
    void aStateFileThisToolDidNotWriteIsNeverOverwritten() throws Exception {
        Files.writeString(dir.resolve("t.json"), "{\"mine\": true}\n");
        assertThatThrownBy(() -> plan(HEAD + "\"resources\": []}", Map.of())).isInstanceOf(BlueprintException.class)
                .hasMessageContaining("was not written by hpcb apply");
        assertThat(Files.readString(dir.resolve("t.json"))).isEqualTo("{\"mine\": true}\n");
    }
}
