package io.github.hpcblueprints.hpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Output;
import io.github.hpcblueprints.arm.ParameterType;
import io.github.hpcblueprints.arm.ParametersFile;
import io.github.hpcblueprints.arm.Template;
import io.github.hpcblueprints.azure.AzureResource;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.identity.UserAssignedIdentity;
import io.github.hpcblueprints.diagnostics.Generator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link ClusterEnvironment} into templates: network, identities and access, storage, the fixed VMs, cost
 * and governance, in that order (later parts point at what earlier parts made). The same environment always gives
 * the same templates.
 */
public final class EnvironmentCompiler {

    private EnvironmentCompiler() {
    }

    /**
     * Compiles without boot scripts: the VMs get no custom data, so a CycleCloud server deployed from this never
     * bootstraps. For tests and tools that judge only the templates' shape; {@code GenerateService.render} gives
     * the complete output.
     */
    public static CompiledEnvironment compileWithoutBootScripts(ClusterEnvironment env) {
        return compile(env, ComputePart.BootScripts.NONE);
    }

    /**
     * Compiles with the cloud-init each fixed VM boots with.
     *
     * @param cycleCloudServer cloud-init of the CycleCloud server
     * @param researchInstance cloud-init of a research instance
     */
    public static CompiledEnvironment compile(ClusterEnvironment env,
            java.util.function.Function<ClusterEnvironment, String> cycleCloudServer,
            java.util.function.BiFunction<ClusterEnvironment, ResearchInstance, String> researchInstance) {
        return compile(env, new ComputePart.BootScripts() {
            @Override
            public String cycleCloudServer(ClusterEnvironment e) {
                return cycleCloudServer.apply(e);
            }

            @Override
            public String researchInstance(ClusterEnvironment e, ResearchInstance r) {
                return researchInstance.apply(e, r);
            }
        });
    }

    static CompiledEnvironment compile(ClusterEnvironment env, ComputePart.BootScripts boot) {
        CompileContext c = new CompileContext(env);
        ObjectNode generator = generator(env);
        c.d.metadata("_generator", generator);
        // each part takes what earlier parts made as arguments: the order is the compiler's, not a comment's
        NetworkResources network = NetworkPart.compile(c);
        Identities ids = IdentityPart.compile(c, network);
        StorageResources store = StoragePart.compile(c, network, ids);
        AccountingPart.compile(c, network, ids);
        ComputePart.compile(c, network, ids, boot);
        CostPart.compile(c);
        GovernancePart.compile(c, ids, store);
        outputs(c, ids, store);
        if (!c.suppressions.isEmpty()) {
            // deliberate exceptions travel with the template: linting it later gives the same verdict
            c.d.metadata("_hpcb", Json.obj("suppressions", Json.arrOf(c.suppressions)));
        }
        Template rg = c.d.build();
        ParametersFile.Builder params = ParametersFile.forTemplate(rg);
        c.parameterValues.forEach(params::value);

        Optional<SubscriptionPart.Result> sub = SubscriptionPart.compile(c);
        Template subTemplate = null;
        ParametersFile subParams = null;
        List<AzureResource> typed = new ArrayList<>(c.d.added());
        if (sub.isPresent()) {
            subTemplate = sub.get().template().toBuilder().metadata("_generator", generator).build();
            ParametersFile.Builder sp = ParametersFile.forTemplate(subTemplate);
            sub.get().values().forEach(sp::value);
            subParams = sp.build();
            typed.addAll(sub.get().resources());
        }
        List<ProjectIdentity> projects = new ArrayList<>();
        for (Project p : env.projects()) {
            projects.add(new ProjectIdentity(p.name(),
                    UserAssignedIdentity.principalId(ids.projectIdentities().get(p.name())),
                    store.containers().get(p.container()).scopeRef()));
        }
        java.util.Map<String, Expr> exposed = new java.util.LinkedHashMap<>();
        java.util.Map<String, Expr> guarded = new java.util.LinkedHashMap<>();
        if (ids.nodeIdentity() != null) {
            exposed.put("cluster nodes (their locker identity)", UserAssignedIdentity.principalId(ids.nodeIdentity()));
        }
        ids.projectIdentities().forEach((name, id) -> exposed.put("project " + name + "'s nodes and instances",
                UserAssignedIdentity.principalId(id)));
        exposed.putAll(c.exposedIdentities);
        if (store.locker() != null) {
            guarded.put("the locker (cluster-init runs as root on every node)", store.locker().scopeRef());
        }
        CompiledEnvironment.Reach reach = new CompiledEnvironment.Reach(c.calls, network.vnet().id(), exposed,
                guarded, Optional.ofNullable(ids.keyVault()).map(Ref::scopeRef),
                Optional.ofNullable(ids.cycleCloudIdentityId()),
                env.cluster().map(cl -> c.names.name("vm", "cc")));
        return new CompiledEnvironment(env, rg, params.build(), subTemplate, subParams, typed, projects, reach);
    }

    private static ObjectNode generator(ClusterEnvironment env) {
        return Json.obj("name", Generator.NAME, "version", Generator.VERSION, "blueprint", env.source());
    }

    private static void outputs(CompileContext c, Identities ids, StorageResources store) {
        if (ids.cycleCloudPrincipalId() != null) {
            c.d.output(Output.of("cycleCloudPrincipalId", ParameterType.STRING, ids.cycleCloudPrincipalId())
                    .withDescription("Pass to subscription.json as cycleCloudPrincipalId."));
        }
        Map<String, Expr> names = new LinkedHashMap<>();
        if (ids.keyVault() != null) {
            names.put("keyVaultName", ids.keyVault().name());
        }
        if (store.locker() != null) {
            names.put("lockerAccountName", store.locker().name());
        }
        if (store.data() != null) {
            names.put("dataAccountName", store.data().name());
        }
        if (store.nfsAccount() != null) {
            names.put("nfsAccountName", store.nfsAccount().name());
        }
        if (store.lustre() != null) {
            names.put("lustreMgsAddress", c.facts.get("lustreMgsAddress"));
        }
        names.forEach((k, v) -> c.d.output(Output.string(k, v)));
    }

}
