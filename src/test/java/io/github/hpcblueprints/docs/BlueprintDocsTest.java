package io.github.hpcblueprints.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.build.Build;
import io.github.hpcblueprints.deploy.PlanContext;
import io.github.hpcblueprints.deploy.PlanService;
import io.github.hpcblueprints.deploy.PlannedResource;
import io.github.hpcblueprints.deploy.TemplateDeployment;
import io.github.hpcblueprints.generate.Pipeline;
import io.github.hpcblueprints.testing.Golden;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each generated README draws every resource, dependency and role of its templates, and deploys what they need. */
class BlueprintDocsTest {

    /** The build of a shipped blueprint. */
    static Build build(String name) {
        return new Pipeline().build(Golden.projectDir().resolve("blueprints/" + name + ".yaml"), Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal-slurm-nfs", "secure-slurm-lustre", "research-instances", "existing-vnet"})
    void theDiagramHasEveryResourceEveryDependencyAndEveryRole(String name) throws Exception {
        Build build = build(name);
        PlanService.Prepared prepared = PlanService.prepare(build, Optional.empty(), Optional.empty());
        List<TemplateDeployment> deployments = prepared.deployments();
        PlanContext context = prepared.context();
        Map<String, PlannedResource> resources = prepared.resources();
        Architecture a = Architecture.of(resources, build.environment(), build.compiled().reach().serverVm());
        String mermaid = a.mermaid();
        for (PlannedResource r : resources.values()) {
            String node = a.nodeId(r.id()).orElseThrow(() -> new AssertionError("no node for " + r.id()));
            assertThat(mermaid).as(r.id()).containsPattern("(?m)^    " + node + "\\[\"");
            for (String d : r.dependsOn()) {
                assertThat(mermaid).as(r.id() + " waits for " + d)
                        .contains("  " + node + " --> " + a.nodeId(d).orElseThrow() + "\n");
            }
        }
        long assignments = resources.values().stream().filter(r -> r.type().equals(
                "Microsoft.Authorization/roleAssignments")).count();
        assertThat(a.edges().stream().filter(Architecture.Edge::role)).hasSize((int) assignments)
                .allSatisfy(e -> assertThat(mermaid).contains(a.nodeId(e.from()).orElseThrow() + " == \"" + e.label()
                        + "\" ==> " + a.nodeId(e.to()).orElseThrow()))
                .noneSatisfy(e -> assertThat(e.label()).startsWith("role "));
        // the Slurm nodes CycleCloud creates, at their partitions' largest
        build.environment().cluster().ifPresent(c -> c.partitions().forEach(p -> assertThat(mermaid)
                .contains("partition " + p.name() + " x0-" + p.maxNodes() + "<br/>" + p.vmSize())));

        // the committed README is this one, and its deploy commands give every parameter the templates need
        String readme = Files.readString(Golden.projectDir().resolve("generated/" + name + "/README.md"));
        assertThat(readme).contains(mermaid);
        for (Map<String, String> p : BlueprintDocs.toSupply(deployments)) {
            assertThat(readme).containsPattern("(?m)^az deployment (group|sub) create .* " + p.get("name") + "=");
        }
        // and hpcb's apply gives every parameter of the group template (hpcb passes the group's outputs on)
        String apply = readme.substring(readme.indexOf("hpcb apply "), readme.indexOf("```", readme.indexOf(
                "hpcb apply ")));
        for (Map<String, String> p : BlueprintDocs.toSupply(deployments.stream().filter(t -> t.file().equals(
                "azuredeploy.json")).toList())) {
            assertThat(apply).contains("--param " + p.get("name") + "=");
        }
        // and the smoke test's, where there is a cluster and a Bastion to come in through, gives them too, but the
        // key (its own)
        boolean smokeable = build.environment().cluster().isPresent() && build.compiled().reach().serverVm()
                .isPresent() && resources.values().stream().anyMatch(r -> r.type().equals(
                        "Microsoft.Network/bastionHosts"));
        assertThat(readme.contains("hpcb smoke blueprints/" + name + ".yaml")).as("smoke command").isEqualTo(smokeable);
        if (smokeable) {
            String smoke = readme.substring(readme.indexOf("hpcb smoke "), readme.indexOf("```", readme.indexOf(
                    "hpcb smoke ")));
            for (Map<String, String> p : BlueprintDocs.toSupply(deployments.stream().filter(t -> t.file().equals(
                    "azuredeploy.json")).toList())) {
                assertThat(smoke.contains("--param " + p.get("name") + "=")).as(p.get("name"))
                        .isEqualTo(!p.get("name").equals("adminSshPublicKey"));
            }
        }
        assertThat(readme.contains("az feature register --namespace Microsoft.Compute --name EncryptionAtHost"))
                .isEqualTo(resources.values().stream().anyMatch(r -> r.body().path("properties")
                        .path("securityProfile").path("encryptionAtHost").asBoolean(false)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal-slurm-nfs", "secure-slurm-lustre", "research-instances", "existing-vnet"})
    void eachKindOfUserIsToldHowToGetInWithThisEnvironmentsNames(String name) throws Exception {
        Build build = build(name);
        PlanService.Prepared prepared = PlanService.prepare(build, Optional.empty(), Optional.empty());
        List<TemplateDeployment> deployments = prepared.deployments();
        PlanContext context = prepared.context();
        Map<String, PlannedResource> resources = prepared.resources();
        String readme = Files.readString(Golden.projectDir().resolve("generated/" + name + "/README.md"));
        String gettingIn = readme.substring(readme.indexOf("## First boot"), readme.indexOf("## What it costs"));
        List<String> vms = resources.values().stream().filter(r -> r.type().equals("Microsoft.Compute/virtualMachines"))
                .map(PlannedResource::name).toList();
        List<String> bastions = resources.values().stream().filter(r -> r.type().equals(
                "Microsoft.Network/bastionHosts")).map(PlannedResource::name).toList();
        // every VM the commands name is deployed here, as is every Bastion; and no command lacks a name
        java.util.regex.Matcher named = java.util.regex.Pattern.compile(" -n (\\S+)").matcher(gettingIn);
        while (named.find()) {
            if (named.group(1).startsWith("<")) {
                continue; // a placeholder the reader fills in
            }
            assertThat(named.group(1)).as(name).isIn(java.util.stream.Stream.concat(vms.stream(), bastions.stream())
                    .toList());
        }
        assertThat(gettingIn).doesNotContain(" -n  ").contains("-g " + context.resourceGroup() + " ");
        // each VM's first boot can be followed, and each can be reached
        for (String vm : vms) {
            assertThat(gettingIn).as(name).contains("get-boot-log -g " + context.resourceGroup() + " -n " + vm + " ");
        }
        if (build.environment().cluster().isPresent()) {
            assertThat(gettingIn).contains("**Administrators**", "**Researchers**", "**Students**",
                    "srun -p " + build.environment().cluster().get().defaultPartition().name() + " hostname");
        }
        for (var i : build.environment().instances()) {
            assertThat(gettingIn).containsPattern("-n vm-[a-z0-9-]+-" + i.name() + " --query id");
        }
        assertThat(gettingIn.contains("az network bastion")).isEqualTo(!bastions.isEmpty());
    }
}
