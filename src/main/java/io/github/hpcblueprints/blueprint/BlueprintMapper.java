package io.github.hpcblueprints.blueprint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.azure.netapp.CapacityPool;
import io.github.hpcblueprints.azure.network.PrivateLinkTarget;
import io.github.hpcblueprints.azure.storagecache.AmlSku;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.JsonPath;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.hpc.Access;
import io.github.hpcblueprints.hpc.AutoShutdown;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.CostControls;
import io.github.hpcblueprints.hpc.IdleStop;
import io.github.hpcblueprints.hpc.SlurmAccounting;
import io.github.hpcblueprints.hpc.CycleCloudServer;
import io.github.hpcblueprints.hpc.Defaults;
import io.github.hpcblueprints.hpc.Governance;
import io.github.hpcblueprints.hpc.Group;
import io.github.hpcblueprints.hpc.NodeImage;
import io.github.hpcblueprints.hpc.Partition;
import io.github.hpcblueprints.hpc.Project;
import io.github.hpcblueprints.hpc.ResearchInstance;
import io.github.hpcblueprints.hpc.SecurityProfile;
import io.github.hpcblueprints.hpc.SharedStorage;
import io.github.hpcblueprints.hpc.SlurmCluster;
import io.github.hpcblueprints.hpc.SubnetRole;
import io.github.hpcblueprints.hpc.Suppression;
import io.github.hpcblueprints.json.JsonTrees;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Maps a schema-valid blueprint onto the domain: Jackson binds the tree (with the format's defaults filled in) to
 * {@link BlueprintDocument.Root}, and each section becomes its domain value here. Values the domain refuses (a
 * Lustre capacity that is not a step of its SKU, a partition on InfiniBand and Spot at once) come back as problems
 * located at their key. The only defaults written here are those that depend on other keys.
 */
final class BlueprintMapper {

    private final List<Problem> problems = new ArrayList<>();

    List<Problem> problems() {
        return problems;
    }

    /** The blueprint as records, defaults filled in; the tree must have passed {@link SchemaCheck}. */
    static BlueprintDocument.Root bind(JsonNode tree) {
        try {
            return JsonTrees.mapper().treeToValue(Spec.withDefaults(BlueprintFormat.root(), tree),
                    BlueprintDocument.Root.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // the schema and the records are made from each other: a schema-valid tree always binds
            throw new IllegalStateException("a schema-valid blueprint did not bind: " + e.getMessage(), e);
        }
    }

    ClusterEnvironment map(JsonNode tree, String source) {
        BlueprintDocument.Root root = bind(tree);
        ClusterEnvironment.Builder b = ClusterEnvironment.named(root.name()).region(root.region()).source(source);
        SecurityProfile profile = SecurityProfile.of(root.profile()).orElse(SecurityProfile.HARDENED);
        b.profile(profile);
        new TreeMap<>(orEmpty(root.tags())).forEach((k, v) -> attempt(JsonPath.child("$.tags", k), () -> b.tag(k, v)));
        network(root.network(), b);
        BlueprintDocument.CycleCloud cc = root.cycleCloud();
        if (cc != null) {
            CycleCloudServer d = CycleCloudServer.defaults();
            attempt("$.cycleCloud", () -> b.cycleCloud(new CycleCloudServer(cc.vmSize(), cc.adminUser(), cc.version(),
                    cc.publicIp(), cc.autoShutdown() != null ? shutdown(cc.autoShutdown(), "$.cycleCloud.autoShutdown",
                            AutoShutdown.at(Defaults.SHUTDOWN_TIME, Defaults.SHUTDOWN_TIME_ZONE)) : d.autoShutdown(),
                    orEmpty(cc.existingIdentityId()), cc.idleStop() != null
                            ? idleStop(cc.idleStop(), "$.cycleCloud.idleStop", IdleStop.defaults()) : IdleStop.off())));
        }
        if (root.cluster() != null) {
            SlurmCluster cluster = cluster(root.cluster(), root.name());
            if (cluster != null) {
                b.cluster(cluster);
            }
        }
        List<BlueprintDocument.Project> projects = orEmpty(root.projects());
        for (int i = 0; i < projects.size(); i++) {
            BlueprintDocument.Project p = projects.get(i);
            attempt("$.projects[" + i + "]", () -> b.project(new Project(p.name(), p.owner(),
                    p.name() + "GroupObjectId", orEmpty(p.groupObjectId()), p.budget(), orEmpty(p.partitions()),
                    orEmpty(p.members()), p.maxJobCoreHours())));
        }
        if (root.storage() != null) {
            storage(root.storage(), b);
        }
        access(root.access(), b);
        CostControls cost = cost(root.cost());
        if (cost != null) {
            b.cost(cost);
        }
        AutoShutdown defaultShutdown = cost != null ? cost.autoShutdown() : CostControls.defaults().autoShutdown();
        IdleStop defaultIdleStop = cost != null ? cost.idleStop() : IdleStop.defaults();
        List<BlueprintDocument.ResearchInstance> instances = orEmpty(root.researchInstances());
        for (int i = 0; i < instances.size(); i++) {
            BlueprintDocument.ResearchInstance r = instances.get(i);
            String path = "$.researchInstances[" + i + "]";
            AutoShutdown shutdown = r.autoShutdown() != null ? shutdown(r.autoShutdown(), path + ".autoShutdown",
                    defaultShutdown) : defaultShutdown;
            IdleStop idle = r.idleStop() != null ? idleStop(r.idleStop(), path + ".idleStop", defaultIdleStop)
                    : defaultIdleStop;
            if (shutdown != null && idle != null) {
                attempt(path, () -> b.instance(new ResearchInstance(r.name(), r.vmSize(), r.image(),
                        orEmpty(r.project()), orEmpty(r.mounts()), shutdown, idle)));
            }
        }
        if (root.governance() != null) {
            governance(root.governance(), root, profile, b);
        }
        List<BlueprintDocument.Suppression> sup = orEmpty(root.suppressions());
        for (int i = 0; i < sup.size(); i++) {
            BlueprintDocument.Suppression s = sup.get(i);
            attempt("$.suppressions[" + i + "]", () -> b.suppress(new Suppression(s.rule(), s.reason(),
                    orEmpty(s.target()))));
        }
        if (!problems.isEmpty()) {
            // a refused value would only cause follow-on errors in the whole-environment checks
            return null;
        }
        try {
            return b.build();
        } catch (BlueprintException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private void network(BlueprintDocument.Network n, ClusterEnvironment.Builder b) {
        if (n == null) {
            return;
        }
        b.network(nb -> {
            BlueprintDocument.ExistingNetwork e = n.existing();
            if (e != null) {
                attempt("$.network.existing.resourceGroup", () -> nb.existing(orEmpty(e.resourceGroup()), e.vnet()));
                keys(e.subnets()).forEach((k, v) -> SubnetRole.byKey(k).ifPresent(r -> nb.existingSubnet(r, v)));
                keys(e.ranges()).forEach((k, v) -> SubnetRole.byKey(k).ifPresent(r -> attempt(
                        "$.network.existing.ranges." + k, () -> nb.subnet(r, v))));
            }
            if (n.addressSpace() != null) {
                attempt("$.network.addressSpace", () -> nb.addressSpace(n.addressSpace()));
            }
            keys(n.subnets()).forEach((k, v) -> SubnetRole.byKey(k).ifPresent(r -> attempt(
                    "$.network.subnets." + k, () -> nb.subnet(r, v))));
            if (n.bastion() != null) {
                nb.bastion(n.bastion());
            }
            nb.natGateway(n.natGateway());
            if (n.privateEndpoints() != null) {
                nb.privateEndpoints(n.privateEndpoints());
            }
            if (n.publicAddressSpaceReason() != null) {
                nb.publicAddressSpace(n.publicAddressSpaceReason());
            }
            keys(n.privateDnsZones()).forEach((k, v) -> attempt("$.network.privateDnsZones." + k,
                    () -> nb.dnsZone(switch (k) {
                        case "blob" -> PrivateLinkTarget.BLOB;
                        case "file" -> PrivateLinkTarget.FILE;
                        default -> PrivateLinkTarget.KEY_VAULT;
                    }, v)));
            return nb;
        });
    }

    private SlurmCluster cluster(BlueprintDocument.Cluster c, String envName) {
        NodeImage defaultImage = image(c.image(), "$.cluster.image");
        if (defaultImage == null) {
            return null;
        }
        BlueprintDocument.Node sched = c.scheduler();
        SlurmCluster.NodeSpec scheduler = new SlurmCluster.NodeSpec(sched != null ? sched.vmSize() : Defaults.VM_SIZE,
                sched != null && sched.image() != null ? image(sched.image(), "$.cluster.scheduler.image")
                        : defaultImage);
        BlueprintDocument.Login l = c.login();
        SlurmCluster.NodeSpec login = new SlurmCluster.NodeSpec(l != null ? l.vmSize() : Defaults.VM_SIZE,
                defaultImage);
        int loginCount = l != null ? l.count() : Defaults.LOGIN_COUNT;
        int loginMax = l != null && l.max() != null ? l.max() : Math.max(2, loginCount);
        List<Partition> partitions = new ArrayList<>();
        List<BlueprintDocument.Partition> ps = c.partitions();
        for (int i = 0; i < ps.size(); i++) {
            BlueprintDocument.Partition p = ps.get(i);
            String path = "$.cluster.partitions[" + i + "]";
            NodeImage img = p.image() != null ? image(p.image(), path + ".image") : defaultImage;
            if (img == null) {
                continue;
            }
            Partition part = attempt(path, () -> new Partition(p.name(), p.vmSize(), p.maxNodes(), p.spot(),
                    p.infiniband(), img, p.alwaysOnReason() != null, orEmpty(p.alwaysOnReason()), p.isDefault()));
            if (part != null) {
                partitions.add(part);
            }
        }
        if (partitions.size() != ps.size()) {
            return null;
        }
        java.util.Optional<SlurmAccounting> accounting = java.util.Optional.empty();
        if (c.accounting() != null) {
            SlurmAccounting a = attempt("$.cluster.accounting", () -> new SlurmAccounting(c.accounting().sku(),
                    c.accounting().storageGiB()));
            if (a == null) {
                return null;
            }
            accounting = java.util.Optional.of(a);
        }
        java.util.Optional<SlurmAccounting> acct = accounting;
        return attempt("$.cluster", () -> new SlurmCluster(c.name() != null ? c.name() : envName, c.slurmVersion(),
                scheduler, login, loginCount, loginMax, partitions, c.idleReleaseMinutes() * 60,
                new TreeMap<>(orEmpty(c.nodeTags())), acct));
    }

    private void storage(BlueprintDocument.Storage s, ClusterEnvironment.Builder b) {
        BlueprintDocument.Lustre l = s.lustre();
        if (l != null) {
            AmlSku sku = AmlSku.bySkuName(l.sku()).orElse(AmlSku.DURABLE_PREMIUM_125);
            Boolean capacityOk = attempt("$.storage.lustre.capacityTiB", () -> {
                sku.checkCapacity(l.capacityTiB());
                return Boolean.TRUE;
            });
            if (capacityOk == null) {
                return;
            }
            attempt("$.storage.lustre", () -> b.storage(new SharedStorage.Lustre(sku, l.capacityTiB(), l.mountPoint(),
                    l.container(), l.importPrefix(), "archive-jobs".equals(l.export())
                            ? SharedStorage.Export.ARCHIVE_JOBS : SharedStorage.Export.AUTO, l.zone())));
        }
        BlueprintDocument.AzureFiles f = s.azureFiles();
        if (f != null) {
            attempt("$.storage.azureFiles", () -> b.storage(new SharedStorage.AzureFilesNfs(f.share(), f.quotaGiB(),
                    f.mountPoint(), f.zoneRedundant(), f.encryptionInTransit())));
        }
        BlueprintDocument.NetApp n = s.netApp();
        if (n != null) {
            attempt("$.storage.netApp", () -> b.storage(new SharedStorage.NetAppFiles(n.volume(),
                    CapacityPool.ServiceLevel.valueOf(n.serviceLevel()), n.poolTiB(), n.quotaGiB(), n.mountPoint())));
        }
        if (s.blob() != null) {
            attempt("$.storage.blob", () -> b.storage(new SharedStorage.Blob(s.blob().containers())));
        }
    }

    private void access(BlueprintDocument.Access a, ClusterEnvironment.Builder b) {
        if (a == null) {
            return;
        }
        Access d = Access.defaults();
        BlueprintDocument.CycleCloudSignIn cc = a.cycleCloud();
        String signIn = cc != null ? cc.signIn() : Defaults.SIGN_IN;
        attempt("$.access", () -> b.access(new Access(
                new Group("admins", d.admins().parameter(), a.admins() != null ? orEmpty(a.admins().groupObjectId())
                        : ""),
                new Group("researchers", d.researchers().parameter(), a.researchers() != null
                        ? orEmpty(a.researchers().groupObjectId()) : ""),
                a.entraSshLogin(), !"local".equals(signIn),
                cc != null ? orEmpty(cc.entraClientId()) : "",
                cc != null ? orEmpty(cc.localSignInReason()) : "")));
    }

    private CostControls cost(BlueprintDocument.Cost c) {
        if (c == null) {
            return null;
        }
        CostControls d = CostControls.defaults();
        AutoShutdown shutdown = c.autoShutdown() != null ? shutdown(c.autoShutdown(), "$.cost.autoShutdown",
                d.autoShutdown()) : d.autoShutdown();
        IdleStop idle = c.idleStop() != null ? idleStop(c.idleStop(), "$.cost.idleStop", d.idleStop())
                : d.idleStop();
        if (shutdown == null || idle == null) {
            return null;
        }
        BlueprintDocument.Thresholds t = c.thresholds();
        return attempt("$.cost", () -> new CostControls(c.budget(),
                t != null && t.actual() != null ? t.actual() : d.actualThresholds(),
                t != null && t.forecast() != null ? t.forecast() : d.forecastThresholds(),
                "subscription".equals(c.scope()), orEmpty(c.contactEmails()), shutdown, idle));
    }

    private void governance(BlueprintDocument.Governance g, BlueprintDocument.Root root, SecurityProfile profile,
            ClusterEnvironment.Builder b) {
        boolean hardened = profile == SecurityProfile.HARDENED;
        attempt("$.governance", () -> b.governance(new Governance(
                g.allowedLocations() != null ? g.allowedLocations() : List.of(root.region()),
                orEmpty(g.allowedVmSizes()),
                g.requiredTags() != null ? g.requiredTags() : Defaults.REQUIRED_TAGS,
                g.enforceRequiredTags(),
                g.logRetentionDays() != null ? g.logRetentionDays()
                        : hardened ? Defaults.HARDENED_LOG_RETENTION_DAYS : 0,
                g.policy() != null ? g.policy() : hardened)));
    }

    private AutoShutdown shutdown(BlueprintDocument.AutoShutdown s, String path, AutoShutdown fallback) {
        if (s.alwaysOnReason() != null) {
            return attempt(path, () -> AutoShutdown.never(s.alwaysOnReason()));
        }
        if (s.time() == null) {
            return attempt(path, () -> AutoShutdown.at(fallback.enabled() ? fallback.time() : Defaults.SHUTDOWN_TIME,
                    s.timeZone() != null ? s.timeZone() : fallback.timeZone()));
        }
        return attempt(path, () -> AutoShutdown.at(s.time(), s.timeZone() != null ? s.timeZone()
                : Defaults.SHUTDOWN_TIME_ZONE));
    }

    /** An idle stop; what it leaves out comes from {@code fallback} (minutes: the default idle time). */
    private IdleStop idleStop(BlueprintDocument.IdleStop s, String path, IdleStop fallback) {
        return attempt(path, () -> new IdleStop(
                s.minutes() != null ? s.minutes() : fallback.enabled() ? fallback.minutes()
                        : Defaults.IDLE_STOP_MINUTES,
                s.cpuPercent() != null ? s.cpuPercent() : fallback.cpuPercent(),
                s.gpuPercent() != null ? s.gpuPercent() : fallback.gpuPercent()));
    }

    private NodeImage image(String text, String path) {
        return attempt(path, () -> NodeImage.parse(text));
    }

    /** Runs a domain constructor; a refusal becomes a problem at {@code path}. */
    private <T> T attempt(String path, Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            problems.add(Problem.at("BLUEPRINT-VALUE", path, e.getMessage(), "correct this value as the message says "
                    + "(the blueprint schema lists every key)"));
            return null;
        }
    }

    private void attempt(String path, Runnable action) {
        attempt(path, () -> {
            action.run();
            return Boolean.TRUE;
        });
    }

    /** A record of string keys (subnets by role, DNS zones by kind) as key to value, in key order, absent ones left out. */
    private static Map<String, String> keys(Record r) {
        Map<String, String> out = new TreeMap<>();
        if (r == null) {
            return out;
        }
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                Object v = c.getAccessor().invoke(r);
                if (v != null) {
                    out.put(c.getName(), (String) v);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static <T> List<T> orEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> m) {
        return m == null ? Map.of() : m;
    }
}
