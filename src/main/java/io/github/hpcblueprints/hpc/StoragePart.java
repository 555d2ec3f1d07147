package io.github.hpcblueprints.hpc;

import java.util.Map;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Parameter;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.authorization.BuiltInRole;
import io.github.hpcblueprints.azure.authorization.ManagementLock;
import io.github.hpcblueprints.azure.authorization.PrincipalType;
import io.github.hpcblueprints.azure.authorization.RoleAssignment;
import io.github.hpcblueprints.azure.identity.UserAssignedIdentity;
import io.github.hpcblueprints.azure.netapp.CapacityPool;
import io.github.hpcblueprints.azure.netapp.ExportPolicyRule;
import io.github.hpcblueprints.azure.netapp.NetAppAccount;
import io.github.hpcblueprints.azure.netapp.NetAppVolume;
import io.github.hpcblueprints.azure.network.PrivateDnsZoneGroup;
import io.github.hpcblueprints.azure.network.PrivateEndpoint;
import io.github.hpcblueprints.azure.network.PrivateLinkTarget;
import io.github.hpcblueprints.azure.network.Subnet;
import io.github.hpcblueprints.azure.storage.BlobContainer;
import io.github.hpcblueprints.azure.storage.BlobService;
import io.github.hpcblueprints.azure.storage.FileService;
import io.github.hpcblueprints.azure.storage.FileShare;
import io.github.hpcblueprints.azure.storage.StorageAccount;
import io.github.hpcblueprints.azure.storagecache.AmlFilesystem;
import io.github.hpcblueprints.azure.storagecache.AutoExportJob;
import java.util.ArrayList;
import java.util.List;

/**
 * Storage: the CycleCloud locker, the research data account (Blob containers per project, the Lustre link, data in
 * and out), NFS home/shared space on Azure Files or NetApp Files, and Azure Managed Lustre. Accounts are reached
 * through private endpoints (or, in baseline, service endpoints of the environment's subnets only).
 */
final class StoragePart {

    /** Research data and the locker survive the loss of a zone always, and of the region when hardened. */
    static final String ZONE_REDUNDANT = "Standard_ZRS";
    static final String GEO_REDUNDANT = "Standard_GZRS";

    private StoragePart() {
    }

    /** The storage while it is being made; {@link #compile} returns it fixed. */
    private static final class Made {
        Ref<StorageAccount> locker;
        Ref<StorageAccount> data;
        Ref<StorageAccount> nfsAccount;
        Ref<AmlFilesystem> lustre;
        /** The data account's private endpoint and DNS record: Lustre reaches its Blob container through them. */
        final List<Ref<?>> dataPath = new ArrayList<>();
        final Map<String, Ref<BlobContainer>> containers = new java.util.LinkedHashMap<>();
    }

    static StorageResources compile(CompileContext c, NetworkResources net, Identities ids) {
        Made m = new Made();
        if (c.env.cluster().isPresent()) {
            locker(c, net, ids, m);
        }
        dataAccount(c, net, ids, m);
        c.env.storage(SharedStorage.AzureFilesNfs.class).ifPresent(nfs -> azureFiles(c, net, nfs, m));
        c.env.storage(SharedStorage.NetAppFiles.class).ifPresent(anf -> netApp(c, net, anf));
        c.env.storage(SharedStorage.Lustre.class).ifPresent(l -> lustre(c, net, l, m));
        return new StorageResources(m.locker, m.data, m.nfsAccount, m.lustre, m.containers);
    }

    /** A private endpoint for {@code target}, registered in its private DNS zone. */
    /** A private endpoint to {@code target} and its DNS record; returns both, for what must wait for the path. */
    static List<Ref<?>> privateEndpoint(CompileContext c, NetworkResources net, Ref<?> target, PrivateLinkTarget kind,
            String label) {
        Ref<PrivateEndpoint> pe = c.d.add(c.place(PrivateEndpoint.named(c.names.name("pe", label + "-"
                + kind.groupId()), target, kind, net.subnets().get(SubnetRole.ENDPOINTS))));
        return List.of(pe, c.d.add(PrivateDnsZoneGroup.of(pe, net.dnsZones().get(kind), kind.dnsZone())));
    }

    /** Network access to an account: a private endpoint, or the environment's subnets through the firewall. */
    private static StorageAccount reachable(CompileContext c, NetworkResources net, StorageAccount account) {
        if (!c.privateEndpoints()) {
            String reason = "baseline profile: reached through service endpoints of the environment's subnets "
                    + "only; the firewall denies everything else";
            account.allowPublicNetworkAccess(reason);
            c.suppress("HPCB-NET-004", account.name(), reason);
            for (SubnetRole role : List.of(SubnetRole.COMPUTE, SubnetRole.ADMIN)) {
                java.util.Optional.ofNullable(net.subnets().get(role)).ifPresent(account::allowSubnet);
            }
        }
        return account;
    }

    private static void locker(CompileContext c, NetworkResources net, Identities ids, Made m) {
        m.locker = c.d.add(c.place(reachable(c, net, StorageAccount.named(Naming.variable(c.d, "lockerAccountName",
                c.names.storageAccount("lk"))).sku(c.hardened ? GEO_REDUNDANT : ZONE_REDUNDANT))));
        c.d.add(BlobService.of(m.locker));
        c.d.add(BlobContainer.of(m.locker, "cyclecloud"));
        if (c.privateEndpoints()) {
            privateEndpoint(c, net, m.locker, PrivateLinkTarget.BLOB, "locker");
        }
        c.cycleCloudGrants.add(c.d.add(RoleAssignment.on(m.locker, BuiltInRole.STORAGE_BLOB_DATA_CONTRIBUTOR,
                ids.cycleCloudPrincipalId(), PrincipalType.ServicePrincipal)
                .description("CycleCloud keeps projects and cluster-init in its locker.")));
        c.d.add(RoleAssignment.on(m.locker, BuiltInRole.STORAGE_BLOB_DATA_READER,
                UserAssignedIdentity.principalId(ids.nodeIdentity()), PrincipalType.ServicePrincipal)
                .description("Cluster nodes download cluster-init from the locker, and may do nothing else."));
        String upload = "uploads the cluster-init project and keeps cluster state in the locker";
        c.calls.add(Call.as(IdentityPart.SERVER, net.subnet(SubnetRole.ADMIN), ids.cycleCloudPrincipalId(), upload,
                m.locker, PrivateLinkTarget.BLOB, m.locker, BuiltInRole.STORAGE_BLOB_DATA_CONTRIBUTOR));
        c.calls.add(Call.as("cluster nodes", net.subnet(SubnetRole.COMPUTE),
                UserAssignedIdentity.principalId(ids.nodeIdentity()), "download cluster-init from the locker",
                m.locker, PrivateLinkTarget.BLOB, m.locker, BuiltInRole.STORAGE_BLOB_DATA_READER,
                BuiltInRole.STORAGE_BLOB_DATA_CONTRIBUTOR));
        c.facts.put("lockerAccount", m.locker.name());
    }

    private static void dataAccount(CompileContext c, NetworkResources net, Identities ids, Made m) {
        List<String> containers = new ArrayList<>();
        c.env.storage(SharedStorage.Lustre.class).ifPresent(l -> {
            containers.add(l.container());
            containers.add(l.container() + "-logs");
        });
        c.env.projects().forEach(p -> containers.add(p.container()));
        c.env.storage(SharedStorage.Blob.class).ifPresent(b -> containers.addAll(b.containers()));
        if (containers.isEmpty()) {
            return;
        }
        StorageAccount account = reachable(c, net, StorageAccount.named(Naming.variable(c.d, "dataAccountName",
                c.names.storageAccount("dt"))).sku(c.hardened ? GEO_REDUNDANT : ZONE_REDUNDANT));
        if (c.env.storage(SharedStorage.Lustre.class).isPresent()) {
            String reason = "Azure Managed Lustre blob integration requires storage account key access "
                    + "(Microsoft's Lustre prerequisites)";
            account.allowSharedKeyAccess(reason);
            c.suppress("HPCB-DATA-005", account.name(), reason);
        }
        m.data = c.d.add(c.place(account));
        c.d.add(BlobService.of(m.data));
        for (String name : containers) {
            m.containers.put(name, c.d.add(BlobContainer.of(m.data, name)));
        }
        c.d.add(ManagementLock.cannotDelete(m.data, c.names.name("lock", "data"),
                "Research data: removing this lock is a deliberate second step before deletion."));
        if (c.privateEndpoints()) {
            m.dataPath.addAll(privateEndpoint(c, net, m.data, PrivateLinkTarget.BLOB, "data"));
        }
        c.facts.put("dataAccount", m.data.name());
        // each project's identity and group reach only the project's own container
        for (Project p : c.env.projects()) {
            Ref<BlobContainer> container = m.containers.get(p.container());
            Ref<UserAssignedIdentity> id = ids.projectIdentities().get(p.name());
            c.d.add(RoleAssignment.on(container, BuiltInRole.STORAGE_BLOB_DATA_CONTRIBUTOR,
                    UserAssignedIdentity.principalId(id), PrincipalType.ServicePrincipal)
                    .description("Project " + p.name() + "'s jobs read and write the project's container only."));
            c.calls.add(Call.as("project " + p.name() + "'s nodes and instances", net.subnet(SubnetRole.COMPUTE),
                    UserAssignedIdentity.principalId(id), "read and write the project's data in container "
                            + p.container(), m.data, PrivateLinkTarget.BLOB, container,
                    BuiltInRole.STORAGE_BLOB_DATA_CONTRIBUTOR));
            c.d.add(RoleAssignment.on(container, BuiltInRole.STORAGE_BLOB_DATA_CONTRIBUTOR,
                    ids.projectGroups().get(p.name()), PrincipalType.Group)
                    .description("Project " + p.name() + "'s members move data in and out of its container."));
        }
    }

    private static void azureFiles(CompileContext c, NetworkResources net, SharedStorage.AzureFilesNfs nfs, Made m) {
        StorageAccount account = StorageAccount.named(Naming.variable(c.d, "nfsAccountName",
                c.names.storageAccount("nf")))
                .kind(StorageAccount.Kind.FileStorage).sku(nfs.zoneRedundant() ? "Premium_ZRS" : "Premium_LRS");
        if (!nfs.encryptionInTransit()) {
            String reason = "NFS without TLS (AZNFS helper not used): reachable only through its private endpoint";
            account.allowHttp(reason);
            c.suppress("HPCB-DATA-018", Expr.str("fileServices"), reason);
        }
        c.suppress("HPCB-DATA-019", account.name(), "premium file storage (NFS) is zone-redundant at most; keep a "
                + "copy of what matters in the geo-redundant data account");
        m.nfsAccount = c.d.add(c.place(reachable(c, net, account)));
        c.calls.add(Call.network("cluster nodes and research instances", net.subnet(SubnetRole.COMPUTE),
                "mount " + nfs.mountPoint() + " over NFS", m.nfsAccount, PrivateLinkTarget.FILE));
        c.d.add(ManagementLock.cannotDelete(m.nfsAccount, c.names.name("lock", "nfs"),
                "Shared files: removing this lock is a deliberate second step before deletion."));
        FileService service = FileService.of(m.nfsAccount);
        if (!nfs.encryptionInTransit()) {
            service.withoutNfsEncryptionInTransit();
        }
        c.d.add(service);
        FileShare share = FileShare.nfs(m.nfsAccount, nfs.share(), nfs.quotaGiB());
        if (holdsHomes(c, nfs)) {
            share.noRootSquash();
        }
        c.d.add(share);
        if (c.privateEndpoints()) {
            privateEndpoint(c, net, m.nfsAccount, PrivateLinkTarget.FILE, "nfs");
        }
        c.facts.put("nfsAccount", m.nfsAccount.name());
    }

    /**
     * Whether the cluster's users get their homes on this storage: CycleCloud makes each home under
     * {@code /shared/home} as root, on whichever node the user first reaches, and a squashed root can neither create
     * nor hand over the directory. Such storage gives the cluster's subnet root (squash would stop every sign-in);
     * it answers only the environment's subnets.
     */
    static boolean holdsHomes(CompileContext c, SharedStorage s) {
        return c.env.cluster().isPresent() && s.mountPoint().equals(Defaults.SHARED_MOUNT_POINT);
    }

    private static void netApp(CompileContext c, NetworkResources net, SharedStorage.NetAppFiles anf) {
        Ref<NetAppAccount> account = c.d.add(c.place(NetAppAccount.named(c.names.name("anf", ""))));
        Ref<CapacityPool> pool = c.d.add(c.place(CapacityPool.of(account, "pool1", anf.level(), anf.poolTiB())));
        NetAppVolume volume = NetAppVolume.of(pool, anf.level(), anf.volume(), net.subnets().get(SubnetRole.STORAGE),
                anf.quotaGiB());
        int index = 1;
        for (SubnetRole role : List.of(SubnetRole.COMPUTE, SubnetRole.ADMIN)) {
            if (net.ranges().containsKey(role)) {
                ExportPolicyRule rule = ExportPolicyRule.readWrite(index++, net.ranges().get(role).toString());
                // root only for the cluster's nodes, where homes are made; every other client stays squashed
                volume.exportRule(role == SubnetRole.COMPUTE && holdsHomes(c, anf) ? rule.withRootAccess() : rule);
            }
        }
        Ref<NetAppVolume> vol = c.d.add(c.place(volume));
        c.facts.put("netappAddress", vol.property("mountTargets[0].ipAddress"));
    }

    private static void lustre(CompileContext c, NetworkResources net, SharedStorage.Lustre l, Made m) {
        Ref<Subnet> subnet = net.subnets().get(SubnetRole.LUSTRE);
        AmlFilesystem fs = c.place(AmlFilesystem.named(c.names.name("amlfs", ""), subnet, l.sku(), l.capacityTiB())
                .zone(l.zone()));
        if (net.ranges().containsKey(SubnetRole.LUSTRE)) {
            fs.subnetRange(net.ranges().get(SubnetRole.LUSTRE));
        }
        if (c.env.cluster().isPresent() && !c.env.projects().isEmpty() && net.ranges().containsKey(SubnetRole.COMPUTE)) {
            // the scheduler makes each project's directory as root (it has no fixed address CycleCloud lets us
            // name): the cluster's nodes are trusted, every other client stays squashed
            fs.rootFor(net.ranges().get(SubnetRole.COMPUTE));
        }
        Expr provider = c.param(Parameter.string("hpcCacheResourceProviderObjectId").withDescription(
                "Object id of the 'HPC Cache Resource Provider' service principal in this tenant (az ad sp list "
                        + "--display-name \"HPC Cache Resource Provider\" --query [].id -o tsv)."));
        for (RoleAssignment r : AmlFilesystem.hpcCacheProviderRoles(m.data, provider)) {
            fs.dependsOn(c.d.add(r));
        }
        fs.hsm(m.containers.get(l.container()), m.containers.get(l.container() + "-logs"), l.importPrefix());
        // Managed Lustre imports from its container when it is created: the account's private endpoint and DNS
        // record must exist by then, or the import cannot resolve the account (Lustre's blob prerequisites)
        m.dataPath.forEach(fs::dependsOn);
        m.lustre = c.d.add(fs);
        if (l.export() == SharedStorage.Export.AUTO) {
            c.d.add(c.place(AutoExportJob.of(m.lustre, "export-results", "/")));
        } else {
            c.suppress("HPCB-DATA-010", fs.name(), "results reach Blob through archive jobs the users run "
                    + "(storage.lustre.export: archive-jobs)");
        }
        c.facts.put("lustreMgsAddress", m.lustre.property("clientInfo.mgsAddress"));
    }
}
