package io.github.hpcblueprints.hpc;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.authorization.PrincipalType;
import io.github.hpcblueprints.azure.authorization.RoleAssignment;
import io.github.hpcblueprints.azure.authorization.RoleDefinition;
import io.github.hpcblueprints.azure.compute.AutoShutdownSchedule;
import io.github.hpcblueprints.azure.compute.ImageReference;
import io.github.hpcblueprints.azure.compute.LinuxVirtualMachine;
import io.github.hpcblueprints.azure.compute.VmExtension;
import io.github.hpcblueprints.azure.identity.UserAssignedIdentity;
import io.github.hpcblueprints.azure.network.NetworkInterface;
import io.github.hpcblueprints.azure.network.PublicIpAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed VMs: the CycleCloud server and the research instances. No password anywhere (SSH keys for a break-glass
 * account, Entra ID sign-in for people), managed identities instead of credentials, and the facts each VM needs at
 * boot passed as {@code userData}: names and ids, never a secret.
 */
final class ComputePart {

    private ComputePart() {
    }

    /** Boot scripts for the fixed VMs; the CycleCloud renderers supply them. */
    interface BootScripts {
        String cycleCloudServer(ClusterEnvironment env);

        String researchInstance(ClusterEnvironment env, ResearchInstance instance);

        BootScripts NONE = new BootScripts() {
            @Override
            public String cycleCloudServer(ClusterEnvironment env) {
                return "";
            }

            @Override
            public String researchInstance(ClusterEnvironment env, ResearchInstance instance) {
                return "";
            }
        };
    }

    /** What the idle agent of a research instance may do with the VM's own identity, and nothing more. */
    static final List<String> SELF_DEALLOCATE_ACTIONS = List.of("Microsoft.Compute/virtualMachines/read",
            "Microsoft.Compute/virtualMachines/deallocate/action");

    static void compile(CompileContext c, NetworkResources net, Identities ids, BootScripts boot) {
        c.env.cycleCloud().ifPresent(cc -> cycleCloudServer(c, net, ids, cc, boot));
        Ref<RoleDefinition> selfDeallocate = null;
        for (ResearchInstance r : c.env.instances()) {
            if (r.idleStop().enabled() && selfDeallocate == null) {
                selfDeallocate = c.d.add(RoleDefinition.named("VM deallocates itself (" + c.env.name() + ")")
                        .description("Lets a research instance's idle agent read and deallocate that one VM (each "
                                + "assignment is scoped to the VM it runs on); nothing else.")
                        .actions(SELF_DEALLOCATE_ACTIONS.toArray(String[]::new)));
            }
            researchInstance(c, net, ids, r, boot, selfDeallocate);
        }
    }

    private static void cycleCloudServer(CompileContext c, NetworkResources net, Identities ids,
            CycleCloudServer cc, BootScripts boot) {
        NetworkInterface nic = NetworkInterface.named(c.names.name("nic", "cc"), net.subnets().get(SubnetRole.ADMIN));
        if (cc.publicIp()) {
            nic.publicIp(c.d.add(c.place(PublicIpAddress.named(c.names.name("pip", "cc")))));
        }
        Ref<NetworkInterface> nicRef = c.d.add(c.place(nic));
        LinuxVirtualMachine vm = c.place(LinuxVirtualMachine.named(c.names.name("vm", "cc"), nicRef)
                .size(cc.vmSize()).image(ImageReference.ubuntu2204()).adminUsername(ids.adminUsername())
                .sshPublicKey(ids.sshPublicKey()).userAssignedIdentity(ids.cycleCloudIdentityId())
                .userData(factsObject(serverFacts(c, net, ids))));
        String cloudInit = boot.cycleCloudServer(c.env);
        if (!cloudInit.isEmpty()) {
            vm.customData(cloudInit);
        }
        // No system-assigned identity (and so no Entra SSH extension, which needs one): with two identities the
        // metadata service cannot tell which one CycleCloud means. Administrators reach it through Bastion.
        vm.withoutExtensionOperations().encryptionAtHost(c.hardened);
        if (!cc.autoShutdown().enabled()) {
            c.suppress("HPCB-COST-005", vm.name(), cc.autoShutdown().alwaysOnReason());
        }
        c.cycleCloudGrants.forEach(vm::dependsOn);
        Ref<LinuxVirtualMachine> vmRef = c.d.add(vm);
        afterVm(c, vmRef, cc.autoShutdown(), false);
    }

    private static void researchInstance(CompileContext c, NetworkResources net, Identities ids,
            ResearchInstance r, BootScripts boot, Ref<RoleDefinition> selfDeallocate) {
        String project = r.project().isEmpty() ? Naming.SHARED : r.project();
        Ref<NetworkInterface> nic = c.d.add(c.place(NetworkInterface.named(c.names.name("nic", r.name()),
                net.subnets().get(SubnetRole.COMPUTE)), project));
        LinuxVirtualMachine vm = c.place(LinuxVirtualMachine.named(c.names.name("vm", r.name()), nic)
                .size(r.vmSize()).image(image(r.image())).adminUsername(ids.adminUsername())
                .sshPublicKey(ids.sshPublicKey()), project);
        Map<String, Expr> facts = instanceFacts(c);
        if (!r.project().isEmpty()) {
            Ref<UserAssignedIdentity> id = ids.projectIdentities().get(r.project());
            vm.userAssignedIdentity(id);
            facts.put("identityClientId", UserAssignedIdentity.clientId(id));
            facts.put("project", Expr.str(r.project()));
        }
        vm.userData(factsObject(facts));
        String cloudInit = boot.researchInstance(c.env, r);
        if (!cloudInit.isEmpty()) {
            vm.customData(cloudInit);
        }
        vm.encryptionAtHost(c.hardened);
        if (c.env.access().entraSshLogin()) {
            vm.systemAssignedIdentity();
            c.suppress("HPCB-ACCESS-011", vm.name(), "Entra ID SSH sign-in is delivered as a VM extension "
                    + "(AADSSHLoginForLinux)");
        } else {
            vm.withoutExtensionOperations();
        }
        if (r.idleStop().enabled()) {
            // the idle agent calls ARM with the VM's own (system-assigned) identity: the metadata service gives it
            // when no client id is named, and it dies with the VM
            vm.systemAssignedIdentity();
        }
        if (!r.autoShutdown().enabled()) {
            c.suppress("HPCB-COST-005", vm.name(), r.autoShutdown().alwaysOnReason());
        }
        Ref<LinuxVirtualMachine> vmRef = c.d.add(vm);
        if (r.idleStop().enabled()) {
            Expr principal = vmRef.full().prop("identity").prop("principalId");
            c.d.add(RoleAssignment.on(vmRef, selfDeallocate, principal, PrincipalType.ServicePrincipal)
                    .description("The idle agent of research instance " + r.name() + " deallocates this VM, and "
                            + "only this one, when nobody uses it."));
            c.exposedIdentities.put("research instance " + r.name() + " (its own identity)", principal);
        }
        afterVm(c, vmRef, r.autoShutdown(), c.env.access().entraSshLogin());
    }

    private static void afterVm(CompileContext c, Ref<LinuxVirtualMachine> vm, AutoShutdown shutdown,
            boolean entraSshLogin) {
        if (entraSshLogin) {
            c.d.add(c.place(VmExtension.entraIdSshLogin(vm)));
        }
        if (shutdown.enabled()) {
            c.d.add(c.place(AutoShutdownSchedule.forVm(vm).at(shutdown.time()).timeZone(shutdown.timeZone())));
        }
    }

    /** What the CycleCloud server needs to know at boot (read from the instance metadata service). */
    private static Map<String, Expr> serverFacts(CompileContext c, NetworkResources net, Identities ids) {
        Map<String, Expr> f = new LinkedHashMap<>();
        f.put("environment", Expr.str(c.env.name()));
        f.put("cluster", Expr.str(c.env.cluster().map(SlurmCluster::name).orElse("")));
        f.put("region", c.location);
        f.put("subscriptionId", Expr.subscriptionId());
        f.put("resourceGroup", Expr.resourceGroup().prop("name"));
        f.put("tenantId", Expr.tenantId());
        f.put("adminUser", ids.adminUsername());
        f.put("clusterSubnetId", net.subnets().get(SubnetRole.COMPUTE).id());
        f.put("cycleCloudIdentityId", ids.cycleCloudIdentityId());
        f.put("cycleCloudClientId", ids.cycleCloudClientId());
        List<Expr> projects = new ArrayList<>();
        ids.projectIdentities().forEach((name, id) -> {
            projects.add(Expr.str(name));
            projects.add(id.id());
        });
        f.put("projectIdentities", Expr.call("createObject", projects));
        f.putAll(c.facts);
        return f;
    }

    private static Map<String, Expr> instanceFacts(CompileContext c) {
        Map<String, Expr> f = new LinkedHashMap<>();
        f.put("environment", Expr.str(c.env.name()));
        for (String k : List.of("dataAccount", "nfsAccount", "netappAddress", "lustreMgsAddress")) {
            if (c.facts.containsKey(k)) {
                f.put(k, c.facts.get(k));
            }
        }
        return f;
    }

    /** {@code string(createObject('k1', v1, ...))}: a JSON document built by ARM, no string splicing. */
    private static Expr factsObject(Map<String, Expr> facts) {
        List<Expr> args = new ArrayList<>();
        facts.forEach((k, v) -> {
            args.add(Expr.str(k));
            args.add(v);
        });
        return Expr.call("string", Expr.call("createObject", args));
    }

    /** A blueprint image: alias, marketplace URN or custom image id. */
    static ImageReference image(String text) {
        switch (text) {
            case "ubuntu2404":
                return ImageReference.ubuntu2404();
            case "ubuntu2204":
                return ImageReference.ubuntu2204();
            case "ubuntu-hpc":
                return ImageReference.ubuntuHpc2204();
            case "almalinux-hpc":
                return ImageReference.almaLinuxHpc8();
            default:
                if (text.startsWith("/")) {
                    return ImageReference.custom(Expr.str(text));
                }
                String[] urn = text.split(":", -1);
                if (urn.length != 4 || java.util.Arrays.stream(urn).anyMatch(String::isBlank)) {
                    throw new IllegalArgumentException("image '" + text + "' is not an alias (ubuntu2404, ubuntu2204, "
                            + "ubuntu-hpc, almalinux-hpc), a publisher:offer:sku:version URN or an image id");
                }
                return ImageReference.marketplace(urn[0], urn[1], urn[2], urn[3]);
        }
    }
}
