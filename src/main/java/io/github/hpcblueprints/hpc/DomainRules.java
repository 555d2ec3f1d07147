package io.github.hpcblueprints.hpc;

import static io.github.hpcblueprints.rules.Specs.E;
import static io.github.hpcblueprints.rules.Specs.I;
import static io.github.hpcblueprints.rules.Specs.W;
import static io.github.hpcblueprints.rules.Specs.rule;

import io.github.hpcblueprints.azure.authorization.RoleAssignment;
import io.github.hpcblueprints.azure.consumption.Budget;
import io.github.hpcblueprints.rules.Findings;
import io.github.hpcblueprints.rules.Rule;
import io.github.hpcblueprints.rules.RuleContext;
import io.github.hpcblueprints.rules.RuleSet;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.azure.AzureResource;
import io.github.hpcblueprints.azure.ResourceSpec;
import io.github.hpcblueprints.azure.authorization.BuiltInRole;
import io.github.hpcblueprints.azure.compute.LinuxVirtualMachine;
import io.github.hpcblueprints.azure.keyvault.KeyVault;
import io.github.hpcblueprints.azure.network.PrivateDnsZoneGroup;
import io.github.hpcblueprints.azure.network.PrivateDnsZoneLink;
import io.github.hpcblueprints.azure.network.PrivateEndpoint;
import io.github.hpcblueprints.azure.network.Subnet;
import io.github.hpcblueprints.azure.netapp.NetAppVolume;
import io.github.hpcblueprints.azure.network.Cidr;
import io.github.hpcblueprints.azure.storage.FileShare;
import io.github.hpcblueprints.azure.storage.StorageAccount;
import io.github.hpcblueprints.azure.storagecache.AmlFilesystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The rules that judge a compiled environment in its own terms: projects, partitions and sign-in, and the typed
 * resources and references compilation made. They join the catalogue through {@link RuleSet}; on files linted
 * without a blueprint there is no {@link CompiledEnvironment} and they find nothing.
 */
public final class DomainRules implements RuleSet {

    /** Longest idle release the profiles accept, in seconds. */
    static final int BASELINE_IDLE_LIMIT = 3600;
    static final int HARDENED_IDLE_LIMIT = 1800;

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.of(rule("HPCB-ACCESS-009").severity(E, E).title("Project identity reaches another project's data")
                        .why("Each project's nodes run with the project's identity; if it holds data roles outside the "
                                + "project's own container, one project's jobs can read another's data.")
                        .fix("Scope the project identity's data roles to its own container (project-<name>).")
                        .build(), judged(DomainRules::projectIsolation)),
                Rule.of(rule("HPCB-ACCESS-010").severity(W, E).title("Sign-in without Entra ID")
                        .why("Local CycleCloud accounts and local SSH users are passwords and keys nobody else "
                                + "controls; Entra ID brings MFA, conditional access and leavers.")
                        .fix("Use Entra ID sign-in for CycleCloud (access.cycleCloud.signIn: entra) and Entra ID SSH, "
                                + "or write the reason in the blueprint.")
                        .build(), judged(DomainRules::entraSignIn)),
                Rule.of(rule("HPCB-COST-002").severity(W, E).title("Project without its own budget")
                        .why("A project's spend is invisible inside the environment's total unless a budget filters "
                                + "on its tag.")
                        .fix("Give the project a budget (projects[].budget); it is filtered by tag project=<name>.")
                        .build(), judged(DomainRules::projectBudgets)),
                Rule.of(rule("HPCB-COST-004").severity(W, E).title("Idle nodes kept too long")
                        .why("Slurm releases idle nodes after SuspendTime; every idle minute is paid for.")
                        .fix("Set cluster.idleReleaseMinutes to at most 60 (30 when hardened); keep nodes up only in "
                                + "partitions that say why.")
                        .build(), judged(DomainRules::idleRelease)),
                Rule.of(rule("HPCB-NET-008").severity(E, E).title("A call the scripts make cannot reach its target")
                        .why("Every vault and storage account denies the network by default; a call from a subnet "
                                + "that has neither a private endpoint (in a zone the network resolves) nor a "
                                + "service endpoint the target's firewall names is refused, and the server or node "
                                + "never finishes setting up.")
                        .fix("Give the target a private endpoint with its DNS zone linked to the network, or name the "
                                + "caller's subnet (with the service endpoint) in the target's firewall.")
                        .build(), judged(DomainRules::reachability)),
                Rule.of(rule("HPCB-ACCESS-013").severity(E, E).title("A call the scripts make lacks the role it needs")
                        .why("A call with a managed identity is refused (403) unless the identity holds a role that "
                                + "allows it on the target or above it; a retry cannot fix a missing assignment.")
                        .fix("Assign one of the roles the call needs to the calling identity, on the target.")
                        .build(), judged(DomainRules::callRights)),
                Rule.of(rule("HPCB-ACCESS-012").severity(E, E).title("Users can reach an identity that writes")
                        .why("Anyone signed in to a VM, or running a job on it, can take the tokens of the identities "
                                + "attached to it from the instance metadata service. An identity there that writes "
                                + "the resource group or the locker, or reads Key Vault, hands that right to every "
                                + "user.")
                        .fix("Give machines users reach identities with read-only roles on what they need; keep "
                                + "CycleCloud's identity on the CycleCloud server alone.")
                        .build(), judged(DomainRules::identityReach)),
                Rule.of(rule("HPCB-DATA-021").severity(E, E).title("Root writes to a root-squashed export")
                        .why("CycleCloud makes users' homes under /shared as root, and the scheduler makes each "
                                + "project's directory as root; where the storage maps the nodes' root to nobody, "
                                + "both fail and nobody can sign in or use a project directory.")
                        .fix("Let the cluster's nodes write as root on the storage they set up (no root squash on "
                                + "the home share, an export rule with root for the cluster's subnet, Lustre "
                                + "noSquashNidLists), and keep squash for every other client.")
                        .build(), judged(DomainRules::rootSquash)),
                Rule.of(rule("HPCB-COST-007").severity(W, E).title("Project budget below one job")
                        .why("With accounting, a project's budget (after its research instances) becomes its "
                                + "Slurm allowance; if that cannot pay for one job on the cheapest node it may use "
                                + "(or for one job at its per-job cap), every job of the project waits forever.")
                        .fix("Raise the project's budget, lower its maxJobCoreHours, or move its research "
                                + "instances' cost elsewhere.")
                        .build(), judged(DomainRules::budgetCoversAJob)),
                Rule.of(rule("HPCB-COST-008").severity(I, W).title("Project budgets that only alert")
                        .why("A budget in Azure sends alerts; nothing stops a project's jobs when it is spent. "
                                + "Slurm accounting turns each project's budget into a limit the scheduler "
                                + "enforces.")
                        .fix("Turn on cluster.accounting, or suppress with the reason the budgets may be overrun.")
                        .build(), judged(DomainRules::budgetsEnforced)));
    }

    /** With accounting, each project's allowance must pay for at least one job. */
    private static void budgetCoversAJob(CompiledEnvironment compiled, RuleContext c, Findings out) {
        ClusterEnvironment env = compiled.environment();
        if (env.accountingLimits().isEmpty()) {
            return;
        }
        AccountingLimits limits = env.accountingLimits().get();
        List<Project> projects = env.projects();
        for (AccountingLimits.ProjectLimit l : limits.projects()) {
            if (l.limited() && l.forJobs().compareTo(l.cheapestJob()) < 0) {
                out.inBlueprint("$.projects[" + indexOf(projects, l.project()) + "]", "project " + l.project()
                        + " has " + l.forJobs().setScale(2, java.math.RoundingMode.HALF_UP) + " " + limits.currency()
                        + " a month for jobs (budget " + l.budget() + " less " + l.instances().setScale(2,
                                java.math.RoundingMode.HALF_UP) + " for its research instances), less than its "
                        + "smallest job costs (" + l.cheapestJob() + "): its jobs would never start");
            }
        }
    }

    /** Projects with budgets on a cluster whose scheduler does not enforce them. */
    private static void budgetsEnforced(CompiledEnvironment compiled, RuleContext c, Findings out) {
        ClusterEnvironment env = compiled.environment();
        if (env.cluster().isEmpty() || env.cluster().get().accounting().isPresent()) {
            return;
        }
        List<Project> projects = env.projects();
        for (int i = 0; i < projects.size(); i++) {
            if (projects.get(i).budget() > 0) {
                out.inBlueprint("$.projects[" + i + "]", "project " + projects.get(i).name() + "'s budget of "
                        + projects.get(i).budget() + " only alerts: without cluster accounting nothing stops its "
                        + "jobs once it is spent");
            }
        }
    }

    /** A check of the compiled environment, skipped when the context has none. */
    private interface Check {
        void check(CompiledEnvironment compiled, RuleContext context, Findings out);
    }

    private static BiConsumer<RuleContext, Findings> judged(Check check) {
        return (c, out) -> c.model(CompiledEnvironment.class).ifPresent(compiled -> check.check(compiled, c, out));
    }

    /**
     * Judges the typed role assignments by the identity they name, not the text of their expressions: any assignment
     * to a project's principal on a scope other than the project's own container.
     */
    private static void projectIsolation(CompiledEnvironment compiled, RuleContext c, Findings out) {
        List<RoleAssignment> assignments = compiled.resources(RoleAssignment.class);
        List<Project> projects = compiled.environment().projects();
        for (ProjectIdentity p : compiled.projectIdentities()) {
            for (RoleAssignment a : assignments) {
                if (!a.principalId().equals(p.principalId()) || a.scope().equals(java.util.Optional.of(
                        p.ownContainer()))) {
                    continue;
                }
                String scope = a.scope().map(s -> s.toArmString()).orElse("the resource group");
                String message = "project " + p.project() + "'s identity holds a role outside its own container "
                        + "(scope: " + scope + ")";
                var written = c.resource(RoleAssignment.TYPE, a.name().toArmString());
                if (written.isPresent()) {
                    var at = written.get();
                    out.at(at, at.resource().at(at.resource().json().has("scope") ? "scope" : "properties"), message);
                } else {
                    int i = indexOf(projects, p.project());
                    out.inBlueprint("$.projects[" + i + "]", message);
                }
            }
        }
    }

    private static int indexOf(List<Project> projects, String name) {
        for (int i = 0; i < projects.size(); i++) {
            if (projects.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static void entraSignIn(CompiledEnvironment compiled, RuleContext c, Findings out) {
        ClusterEnvironment env = compiled.environment();
        if (env.cluster().isPresent() && !env.access().cycleCloudEntraSignIn()) {
            out.inBlueprint("$.access.cycleCloud.signIn", "CycleCloud signs users in with local accounts");
        }
        if (!env.access().entraSshLogin()) {
            out.inBlueprint("$.access.entraSshLogin", "research instances accept only local SSH keys, not "
                    + "Entra ID sign-in");
        }
    }

    private static void projectBudgets(CompiledEnvironment compiled, RuleContext c, Findings out) {
        List<Budget> budgets = compiled.resources(Budget.class);
        List<Project> projects = compiled.environment().projects();
        for (int i = 0; i < projects.size(); i++) {
            String name = projects.get(i).name();
            if (budgets.stream().noneMatch(b -> b.tagFilter("project").contains(name))) {
                out.inBlueprint("$.projects[" + i + "]", "project " + name + " has no budget of its own");
            }
        }
    }

    // ---- who calls what, from where, with which rights ----------------------------------------------------

    private static void reachability(CompiledEnvironment compiled, RuleContext c, Findings out) {
        CompiledEnvironment.Reach reach = compiled.reach();
        for (Call call : reach.calls()) {
            Optional<String> refusal = networkRefusal(compiled, reach, call);
            refusal.ifPresent(why -> report(c, out, call, call.caller() + " cannot reach "
                    + call.endpoint().type().substring(call.endpoint().type().indexOf('/') + 1) + " "
                    + text(call.endpoint().name()) + " to " + call.purpose() + ": " + why));
        }
    }

    /** Why the network refuses a call, or empty when a path exists. */
    static Optional<String> networkRefusal(CompiledEnvironment compiled, CompiledEnvironment.Reach reach, Call call) {
        Optional<AzureResource> target = compiled.resources(AzureResource.class).stream()
                .filter(r -> r.resourceType().equalsIgnoreCase(call.endpoint().type())
                        && r instanceof ResourceSpec<?> spec && spec.name().equals(call.endpoint().name()))
                .findFirst();
        if (target.isEmpty()) {
            // an existing resource's network is its owner's; one this deployment should make but does not is not
            return call.endpoint().isExisting() ? Optional.empty() : Optional.of("it is not deployed");
        }
        // a private endpoint, its DNS record, and the zone answering the environment's network
        List<String> privatePath = new ArrayList<>();
        for (PrivateEndpoint pe : compiled.resources(PrivateEndpoint.class)) {
            if (!pe.target().id().equals(call.endpoint().id()) || pe.kind() != call.service()) {
                continue;
            }
            Optional<PrivateDnsZoneGroup> group = compiled.resources(PrivateDnsZoneGroup.class).stream()
                    .filter(g -> g.endpoint().name().equals(pe.name())).findFirst();
            if (group.isEmpty()) {
                privatePath.add("its private endpoint has no DNS record");
                continue;
            }
            var zone = group.get().zone();
            boolean linked = zone.isExisting() || compiled.resources(PrivateDnsZoneLink.class).stream()
                    .anyMatch(l -> l.zoneName().equals(zone.name()) && l.vnetId().equals(reach.vnetId()));
            if (linked) {
                return Optional.empty();
            }
            privatePath.add("its private endpoint's DNS zone is not linked to the network, so the name resolves "
                    + "to the public address");
        }
        // or the public endpoint, behind a firewall that names the caller's subnet with its service endpoint
        boolean open;
        List<Expr> rules;
        if (target.get() instanceof KeyVault kv) {
            open = kv.publicNetworkAccess();
            rules = kv.subnetRules();
        } else if (target.get() instanceof StorageAccount sa) {
            open = sa.publicNetworkAccess();
            rules = sa.subnetRules();
        } else {
            return Optional.empty();
        }
        if (!privatePath.isEmpty()) {
            return Optional.of(String.join("; ", privatePath));
        }
        if (!open) {
            return Optional.of("it has no private endpoint and its public endpoint is disabled");
        }
        if (!rules.contains(call.from().id())) {
            return Optional.of("it has no private endpoint, and its firewall does not name subnet "
                    + text(call.from().name()));
        }
        if (!call.from().isExisting()) {
            boolean endpoint = compiled.resources(Subnet.class).stream()
                    .filter(sn -> Expr.str(sn.subnetName()).equals(call.from().name()))
                    .anyMatch(sn -> sn.serviceEndpoints().contains(call.serviceEndpoint()));
            if (!endpoint) {
                return Optional.of("subnet " + text(call.from().name()) + " has no " + call.serviceEndpoint()
                        + " service endpoint, so the firewall's rule never matches");
            }
        }
        return Optional.empty();
    }

    private static void callRights(CompiledEnvironment compiled, RuleContext c, Findings out) {
        List<RoleAssignment> assignments = compiled.resources(RoleAssignment.class);
        for (Call call : compiled.reach().calls()) {
            if (call.principal().isEmpty()) {
                continue;
            }
            Expr principal = call.principal().get();
            boolean granted = assignments.stream().anyMatch(a -> a.principalId().equals(principal)
                    && a.builtInRole().map(call.roles()::contains).orElse(false)
                    && (a.scope().isEmpty() || a.scope().get().equals(call.scope().scopeRef())
                            || a.scope().get().equals(call.endpoint().scopeRef())));
            if (!granted) {
                report(c, out, call, "the identity of " + call.caller() + " holds none of " + call.roles().stream()
                        .map(r -> r.displayName()).sorted().toList() + " on " + text(call.scope().name()) + ", so it "
                        + "is refused when it " + call.purpose());
            }
        }
    }

    private static void identityReach(CompiledEnvironment compiled, RuleContext c, Findings out) {
        CompiledEnvironment.Reach reach = compiled.reach();
        for (var exposed : reach.exposed().entrySet()) {
            for (RoleAssignment a : compiled.resources(RoleAssignment.class)) {
                if (!a.principalId().equals(exposed.getValue())) {
                    continue;
                }
                String role = a.builtInRole().map(BuiltInRole::displayName).orElse("a custom role");
                boolean readOnly = a.builtInRole().map(BuiltInRole::isReadOnly).orElse(false);
                String harm = null;
                if (a.scope().isEmpty() && !readOnly) {
                    harm = "writes in the resource group (" + role + ")";
                } else if (a.scope().isPresent() && reach.vaultScope().map(a.scope().get()::equals).orElse(false)) {
                    harm = "holds " + role + " on the Key Vault with the administrator password";
                } else if (a.scope().isPresent() && !readOnly) {
                    for (var guarded : reach.guarded().entrySet()) {
                        if (a.scope().get().equals(guarded.getValue())) {
                            harm = "writes " + guarded.getKey() + " (" + role + ")";
                        }
                    }
                }
                if (harm != null) {
                    String message = "the identity of " + exposed.getKey() + " " + harm + ": any user there can "
                            + "take its token";
                    c.resource(RoleAssignment.TYPE, a.name().toArmString()).ifPresentOrElse(
                            at -> out.at(at, at.resource().path(), message), () -> out.inBlueprint("$", message));
                }
            }
        }
        // CycleCloud's own identity creates VMs and reads the administrator password: only its server may carry it
        reach.cycleCloudIdentityId().ifPresent(cc -> {
            for (LinuxVirtualMachine vm : compiled.resources(LinuxVirtualMachine.class)) {
                if (vm.userAssignedIdentities().contains(cc)
                        && !reach.serverVm().map(n -> Expr.str(n).equals(vm.name())).orElse(false)) {
                    String message = "VM " + text(vm.name()) + " carries CycleCloud's identity, which users there can "
                            + "use to create VMs and read the administrator password";
                    c.resource(LinuxVirtualMachine.TYPE, vm.name().toArmString()).ifPresentOrElse(
                            at -> out.at(at, at.resource().at("identity"), message),
                            () -> out.inBlueprint("$.researchInstances", message));
                }
            }
        });
    }

    /**
     * The steps that write as root on shared storage, from the cluster's nodes: homes on the storage mounted at
     * /shared (CycleCloud), project directories on every shared mount (the scheduler).
     */
    private static void rootSquash(CompiledEnvironment compiled, RuleContext c, Findings out) {
        ClusterEnvironment env = compiled.environment();
        if (env.cluster().isEmpty() || !(env.network() instanceof Network.Managed net)) {
            return; // an existing network's ranges are not ours to read
        }
        Cidr nodes = net.subnets().get(SubnetRole.COMPUTE);
        for (SharedStorage s : env.storage()) {
            boolean homes = s.mountPoint().equals(Defaults.SHARED_MOUNT_POINT);
            boolean projects = !env.projects().isEmpty() && !s.mountPoint().isEmpty();
            if (!homes && !projects) {
                continue;
            }
            String what = homes ? "users' homes" : "project directories";
            String key = s instanceof SharedStorage.Lustre ? "lustre" : s instanceof SharedStorage.NetAppFiles
                    ? "netApp" : "azureFiles";
            boolean root;
            if (s instanceof SharedStorage.AzureFilesNfs) {
                root = compiled.resources(FileShare.class).stream()
                        .allMatch(share -> share.rootSquash() == FileShare.RootSquash.NoRootSquash);
            } else if (s instanceof SharedStorage.NetAppFiles) {
                root = compiled.resources(NetAppVolume.class).stream().allMatch(v -> v.exportRules().stream()
                        .anyMatch(r -> r.rootAccess() && r.allowedClients().equals(nodes.toString())));
            } else if (s instanceof SharedStorage.Lustre) {
                root = compiled.resources(AmlFilesystem.class).stream().allMatch(fs -> fs.rootActsAsRootFrom(nodes));
            } else {
                root = true;
            }
            if (!root) {
                out.inBlueprint("$.storage." + key, s.mountPoint() + " squashes the cluster nodes' root, which makes "
                        + "the " + what + " there as root");
            }
        }
    }

    /** A finding at the call's target in the written template, else at the blueprint's root. */
    private static void report(RuleContext c, Findings out, Call call, String message) {
        c.resource(call.endpoint().type(), call.endpoint().name().toArmString()).ifPresentOrElse(
                at -> out.at(at, at.resource().path(), message), () -> out.inBlueprint("$", message));
    }

    private static String text(Expr e) {
        return e instanceof Expr.Str s ? s.value() : e.render();
    }

    private static void idleRelease(CompiledEnvironment compiled, RuleContext c, Findings out) {
        compiled.environment().cluster().ifPresent(cluster -> {
            int limit = c.hardened() ? HARDENED_IDLE_LIMIT : BASELINE_IDLE_LIMIT;
            if (cluster.idleReleaseSeconds() > limit) {
                out.inBlueprint("$.cluster.idleReleaseMinutes", "idle nodes are released after "
                        + cluster.idleReleaseSeconds() / 60 + " minutes; the profile allows at most " + limit / 60);
            }
            for (int i = 0; i < cluster.partitions().size(); i++) {
                if (cluster.partitions().get(i).alwaysOn()) {
                    out.inBlueprint("$.cluster.partitions[" + i + "].alwaysOnReason", "partition "
                            + cluster.partitions().get(i).name() + " is never released when idle");
                }
            }
        });
    }
}
