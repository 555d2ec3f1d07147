package io.github.hpcblueprints.blueprint;

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
import io.github.hpcblueprints.hpc.CycleCloudServer;
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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Maps a schema-valid blueprint tree onto the domain. Values the domain refuses (a Lustre capacity that is not a
 * step of its SKU, a partition on InfiniBand and Spot at once) come back as problems located at their key.
 */
final class BlueprintMapper {

    private final List<Problem> problems = new ArrayList<>();

    List<Problem> problems() {
        return problems;
    }

    ClusterEnvironment map(JsonNode root, String source) {
        ClusterEnvironment.Builder b = ClusterEnvironment.named(root.path("name").asText(""))
                .region(root.path("region").asText(""))
                .source(source);
        SecurityProfile profile = SecurityProfile.of(root.path("profile").asText("hardened"))
                .orElse(SecurityProfile.HARDENED);
        b.profile(profile);
        strings(root.path("tags")).forEach((k, v) -> attempt(JsonPath.child("$.tags", k), () -> b.tag(k, v)));
        network(root.path("network"), b);
        JsonNode cc = root.path("cycleCloud");
        if (!cc.isMissingNode()) {
            CycleCloudServer d = CycleCloudServer.defaults();
            attempt("$.cycleCloud", () -> b.cycleCloud(new CycleCloudServer(
                    cc.path("vmSize").asText(d.vmSize()), cc.path("adminUser").asText(d.adminUser()),
                    cc.path("version").asText(d.version()), cc.path("publicIp").asBoolean(false),
                    cc.has("autoShutdown") ? shutdown(cc.get("autoShutdown"), "$.cycleCloud.autoShutdown",
                            AutoShutdown.at("1900", "UTC")) : d.autoShutdown(),
                    cc.path("existingIdentityId").asText(""))));
        }
        if (root.has("cluster")) {
            SlurmCluster cluster = cluster(root.get("cluster"), root.path("name").asText(""));
            if (cluster != null) {
                b.cluster(cluster);
            }
        }
        JsonNode projects = root.path("projects");
        for (int i = 0; i < projects.size(); i++) {
            JsonNode p = projects.get(i);
            String name = p.path("name").asText();
            attempt("$.projects[" + i + "]", () -> b.project(new Project(name, p.path("owner").asText(""),
                    name + "GroupObjectId", p.path("groupObjectId").asText(""), p.path("budget").asLong(0),
                    list(p.path("partitions")), list(p.path("members")))));
        }
        storage(root.path("storage"), b);
        access(root.path("access"), b);
        CostControls cost = cost(root.path("cost"));
        if (cost != null) {
            b.cost(cost);
        }
        AutoShutdown defaultShutdown = cost != null ? cost.autoShutdown() : CostControls.defaults().autoShutdown();
        JsonNode instances = root.path("researchInstances");
        for (int i = 0; i < instances.size(); i++) {
            JsonNode r = instances.get(i);
            String path = "$.researchInstances[" + i + "]";
            AutoShutdown shutdown = r.has("autoShutdown") ? shutdown(r.get("autoShutdown"), path + ".autoShutdown",
                    defaultShutdown) : defaultShutdown;
            if (shutdown != null) {
                attempt(path, () -> b.instance(new ResearchInstance(r.path("name").asText(),
                        r.path("vmSize").asText(), r.path("image").asText("ubuntu2404"), r.path("project").asText(""),
                        list(r.path("mounts")), shutdown)));
            }
        }
        if (root.has("governance")) {
            governance(root.get("governance"), root, profile, b);
        }
        JsonNode sup = root.path("suppressions");
        for (int i = 0; i < sup.size(); i++) {
            JsonNode s = sup.get(i);
            attempt("$.suppressions[" + i + "]", () -> b.suppress(new Suppression(s.path("rule").asText(),
                    s.path("reason").asText(), s.path("target").asText(""))));
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

    private void network(JsonNode n, ClusterEnvironment.Builder b) {
        if (n.isMissingNode()) {
            return;
        }
        b.network(nb -> {
            if (n.has("existing")) {
                JsonNode e = n.get("existing");
                attempt("$.network.existing.resourceGroup", () -> nb.existing(e.path("resourceGroup").asText(""),
                        e.path("vnet").asText()));
                strings(e.path("subnets")).forEach((k, v) -> SubnetRole.byKey(k).ifPresent(r -> nb.existingSubnet(r, v)));
                strings(e.path("ranges")).forEach((k, v) -> SubnetRole.byKey(k).ifPresent(r -> attempt(
                        "$.network.existing.ranges." + k, () -> nb.subnet(r, v))));
            }
            if (n.has("addressSpace")) {
                attempt("$.network.addressSpace", () -> nb.addressSpace(n.get("addressSpace").asText()));
            }
            strings(n.path("subnets")).forEach((k, v) -> SubnetRole.byKey(k).ifPresent(r -> attempt(
                    "$.network.subnets." + k, () -> nb.subnet(r, v))));
            if (n.has("bastion")) {
                nb.bastion(n.get("bastion").asText());
            }
            if (n.has("natGateway")) {
                nb.natGateway(n.get("natGateway").asBoolean());
            }
            if (n.has("privateEndpoints")) {
                nb.privateEndpoints(n.get("privateEndpoints").asBoolean());
            }
            if (n.has("publicAddressSpaceReason")) {
                nb.publicAddressSpace(n.get("publicAddressSpaceReason").asText());
            }
            String zonesAt = n.has("privateDnsZones") ? "$.network.privateDnsZones"
                    : "$.network.existing.privateDnsZones";
            JsonNode zones = n.has("privateDnsZones") ? n.get("privateDnsZones")
                    : n.path("existing").path("privateDnsZones");
            strings(zones).forEach((k, v) -> attempt(zonesAt + "." + k, () -> nb.dnsZone(switch (k) {
                case "blob" -> PrivateLinkTarget.BLOB;
                case "file" -> PrivateLinkTarget.FILE;
                default -> PrivateLinkTarget.KEY_VAULT;
            }, v)));
            return nb;
        });
    }

    private SlurmCluster cluster(JsonNode c, String envName) {
        NodeImage defaultImage = image(c.path("image").asText("cycle.image.ubuntu22"), "$.cluster.image");
        if (defaultImage == null) {
            return null;
        }
        SlurmCluster.NodeSpec scheduler = new SlurmCluster.NodeSpec(c.path("scheduler").path("vmSize")
                .asText("Standard_D4as_v5"), c.path("scheduler").has("image")
                        ? image(c.path("scheduler").get("image").asText(), "$.cluster.scheduler.image") : defaultImage);
        SlurmCluster.NodeSpec login = new SlurmCluster.NodeSpec(c.path("login").path("vmSize")
                .asText("Standard_D4as_v5"), defaultImage);
        List<Partition> partitions = new ArrayList<>();
        JsonNode ps = c.path("partitions");
        for (int i = 0; i < ps.size(); i++) {
            JsonNode p = ps.get(i);
            String path = "$.cluster.partitions[" + i + "]";
            NodeImage img = p.has("image") ? image(p.get("image").asText(), path + ".image") : defaultImage;
            if (img == null) {
                continue;
            }
            Partition part = attempt(path, () -> new Partition(p.path("name").asText(), p.path("vmSize").asText(),
                    p.path("maxNodes").asInt(1), p.path("spot").asBoolean(false), p.path("infiniband").asBoolean(false),
                    img, p.has("alwaysOnReason"), p.path("alwaysOnReason").asText(""),
                    p.path("default").asBoolean(false)));
            if (part != null) {
                partitions.add(part);
            }
        }
        if (partitions.size() != ps.size()) {
            return null;
        }
        return attempt("$.cluster", () -> new SlurmCluster(c.path("name").asText(envName),
                c.path("slurmVersion").asText("25.11.5"), scheduler, login, c.path("login").path("count").asInt(1),
                c.path("login").path("max").asInt(Math.max(2, c.path("login").path("count").asInt(1))), partitions,
                c.path("idleReleaseMinutes").asInt(15) * 60, strings(c.path("nodeTags"))));
    }

    private void storage(JsonNode s, ClusterEnvironment.Builder b) {
        if (s.has("lustre")) {
            JsonNode l = s.get("lustre");
            AmlSku sku = AmlSku.bySkuName(l.path("sku").asText()).orElse(AmlSku.DURABLE_PREMIUM_125);
            int capacity = l.path("capacityTiB").asInt();
            Boolean capacityOk = attempt("$.storage.lustre.capacityTiB", () -> {
                sku.checkCapacity(capacity);
                return Boolean.TRUE;
            });
            if (capacityOk == null) {
                return;
            }
            attempt("$.storage.lustre", () -> b.storage(new SharedStorage.Lustre(sku, l.path("capacityTiB").asInt(),
                    l.path("mountPoint").asText("/lustre"), l.path("container").asText("lustre-data"),
                    l.path("importPrefix").asText("/"), "archive-jobs".equals(l.path("export").asText("auto"))
                            ? SharedStorage.Export.ARCHIVE_JOBS : SharedStorage.Export.AUTO,
                    l.path("zone").asText("1"))));
        }
        if (s.has("azureFiles")) {
            JsonNode f = s.get("azureFiles");
            attempt("$.storage.azureFiles", () -> b.storage(new SharedStorage.AzureFilesNfs(f.path("share")
                    .asText("shared"), f.path("quotaGiB").asInt(), f.path("mountPoint").asText("/shared"),
                    f.path("zoneRedundant").asBoolean(true), f.path("encryptionInTransit").asBoolean(true))));
        }
        if (s.has("netApp")) {
            JsonNode n = s.get("netApp");
            attempt("$.storage.netApp", () -> b.storage(new SharedStorage.NetAppFiles(n.path("volume").asText("shared"),
                    CapacityPool.ServiceLevel.valueOf(n.path("serviceLevel").asText("Premium")), n.path("poolTiB").asInt(),
                    n.path("quotaGiB").asInt(), n.path("mountPoint").asText("/shared"))));
        }
        if (s.has("blob")) {
            attempt("$.storage.blob", () -> b.storage(new SharedStorage.Blob(list(s.get("blob").path("containers")))));
        }
    }

    private void access(JsonNode a, ClusterEnvironment.Builder b) {
        if (a.isMissingNode()) {
            return;
        }
        Access d = Access.defaults();
        attempt("$.access", () -> b.access(new Access(
                new Group("admins", d.admins().parameter(), a.path("admins").path("groupObjectId").asText("")),
                new Group("researchers", d.researchers().parameter(),
                        a.path("researchers").path("groupObjectId").asText("")),
                a.path("entraSshLogin").asBoolean(true),
                !"local".equals(a.path("cycleCloud").path("signIn").asText("entra")),
                a.path("cycleCloud").path("entraClientId").asText(""),
                a.path("cycleCloud").path("localSignInReason").asText(""))));
    }

    private CostControls cost(JsonNode c) {
        if (c.isMissingNode()) {
            return null;
        }
        CostControls d = CostControls.defaults();
        AutoShutdown shutdown = c.has("autoShutdown") ? shutdown(c.get("autoShutdown"), "$.cost.autoShutdown",
                d.autoShutdown()) : d.autoShutdown();
        if (shutdown == null) {
            return null;
        }
        return attempt("$.cost", () -> new CostControls(c.path("budget").asLong(0),
                c.path("thresholds").has("actual") ? ints(c.path("thresholds").get("actual")) : d.actualThresholds(),
                c.path("thresholds").has("forecast") ? ints(c.path("thresholds").get("forecast"))
                        : d.forecastThresholds(),
                "subscription".equals(c.path("scope").asText()), list(c.path("contactEmails")), shutdown));
    }

    private void governance(JsonNode g, JsonNode root, SecurityProfile profile, ClusterEnvironment.Builder b) {
        boolean hardened = profile == SecurityProfile.HARDENED;
        List<String> locations = g.has("allowedLocations") ? list(g.get("allowedLocations"))
                : List.of(root.path("region").asText());
        attempt("$.governance", () -> b.governance(new Governance(locations, list(g.path("allowedVmSizes")),
                g.has("requiredTags") ? list(g.get("requiredTags")) : List.of("project", "owner", "environment"),
                g.path("enforceRequiredTags").asBoolean(false), g.path("logRetentionDays").asInt(hardened ? 90 : 0),
                g.path("policy").asBoolean(hardened))));
    }

    private AutoShutdown shutdown(JsonNode s, String path, AutoShutdown fallback) {
        if (s.has("alwaysOnReason")) {
            return attempt(path, () -> AutoShutdown.never(s.get("alwaysOnReason").asText()));
        }
        if (!s.has("time")) {
            return attempt(path, () -> AutoShutdown.at(fallback.enabled() ? fallback.time() : "1900",
                    s.path("timeZone").asText(fallback.timeZone())));
        }
        return attempt(path, () -> AutoShutdown.at(s.get("time").asText(), s.path("timeZone").asText("UTC")));
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

    private static Map<String, String> strings(JsonNode obj) {
        Map<String, String> out = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static List<String> list(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static List<Integer> ints(JsonNode arr) {
        List<Integer> out = new ArrayList<>();
        arr.forEach(v -> out.add(v.asInt()));
        return out;
    }
}
