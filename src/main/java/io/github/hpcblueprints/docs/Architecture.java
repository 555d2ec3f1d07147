package io.github.hpcblueprints.docs;

import io.github.hpcblueprints.azure.authorization.BuiltInRole;
import io.github.hpcblueprints.deploy.PlannedResource;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.Partition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The architecture of an environment as a Mermaid flowchart, drawn from what the templates deploy: every resource a
 * node (grouped by what it is for), every dependency an arrow from the resource to what it waits for, every role
 * assignment a thick arrow from whoever holds the role to where it applies, labelled with the role; the Slurm nodes
 * CycleCloud creates later are drawn dashed.
 */
public final class Architecture {

    /** An arrow of the diagram: {@code from} and {@code to} are resource ids or the names of principals/scopes. */
    public record Edge(String from, String to, String label, boolean role) {
    }

    private static final Pattern IDENTITY = Pattern.compile("userAssignedIdentities', '([^']+)'");
    private static final Pattern GROUP = Pattern.compile("parameters\\('([A-Za-z0-9]*GroupObjectId)'\\)");
    private static final Pattern PRINCIPAL_PARAMETER = Pattern.compile("parameters\\('([A-Za-z0-9]+)'\\)");

    private final Map<String, PlannedResource> resources;
    private final Map<String, String> nodeIds = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();

    /** The resources by lower-case id, as the diagram's keys are. */
    private final Map<String, PlannedResource> byKey = new LinkedHashMap<>();

    private Architecture(Map<String, PlannedResource> resources) {
        this.resources = resources;
        resources.values().forEach(r -> byKey.put(r.id().toLowerCase(Locale.ROOT), r));
    }

    /**
     * The diagram of these resources (as the local plan evaluates them) and the environment's cluster, whose nodes
     * the CycleCloud server VM named {@code serverVm} creates.
     */
    public static Architecture of(Map<String, PlannedResource> resources, ClusterEnvironment env,
            Optional<String> serverVm) {
        Architecture a = new Architecture(resources);
        for (PlannedResource r : resources.values()) {
            a.node(r.id(), shortType(r.type()) + "<br/>" + (r.name().startsWith("{") ? "(name set at deployment)"
                    : r.name()));
            for (String d : r.dependsOn()) {
                a.edges.add(new Edge(r.id(), d, "", false));
            }
        }
        for (PlannedResource r : resources.values()) {
            if (r.type().equalsIgnoreCase("Microsoft.Authorization/roleAssignments")) {
                a.roleArrow(r);
            }
        }
        env.cluster().ifPresent(c -> {
            Optional<PlannedResource> server = resources.values().stream().filter(r -> r.type()
                    .equalsIgnoreCase("Microsoft.Compute/virtualMachines") && serverVm.filter(r.name()::equals)
                            .isPresent()).findFirst();
            List<String> nodes = new ArrayList<>();
            nodes.add("slurm:scheduler|scheduler<br/>" + c.scheduler().vmSize());
            nodes.add("slurm:login|login x" + c.loginMax() + "<br/>" + c.login().vmSize());
            for (Partition p : c.partitions()) {
                nodes.add("slurm:" + p.name() + "|partition " + p.name() + " x0-" + p.maxNodes() + "<br/>" + p.vmSize()
                        + (p.spot() ? " Spot" : ""));
            }
            for (String n : nodes) {
                String key = n.substring(0, n.indexOf('|'));
                a.node(key, n.substring(n.indexOf('|') + 1));
                server.ifPresent(s -> a.edges.add(new Edge(s.id(), key, "creates", false)));
            }
        });
        return a;
    }

    public List<Edge> edges() {
        return List.copyOf(edges);
    }

    /** The Mermaid id of a resource id, principal or scope drawn. */
    public Optional<String> nodeId(String key) {
        return Optional.ofNullable(nodeIds.get(key.toLowerCase(Locale.ROOT)));
    }

    private String node(String key, String label) {
        return nodeIds.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> {
            String id = "n" + nodeIds.size();
            labels.put(id, label);
            return id;
        });
    }

    /** Who holds the role (an identity, an Entra group, a principal given as a parameter) and where it applies. */
    private void roleArrow(PlannedResource assignment) {
        String principal = assignment.body().path("properties").path("principalId").asText("");
        String holder;
        Matcher identity = IDENTITY.matcher(principal);
        Matcher group = GROUP.matcher(principal);
        Matcher parameter = PRINCIPAL_PARAMETER.matcher(principal);
        if (identity.find()) {
            holder = resources.values().stream().filter(r -> r.type().equalsIgnoreCase(
                    "Microsoft.ManagedIdentity/userAssignedIdentities") && r.name().equals(identity.group(1)))
                    .map(PlannedResource::id).findFirst().orElse("identity:" + identity.group(1));
        } else if (group.find()) {
            holder = "group:" + group.group(1);
            node(holder, "Entra ID group<br/>" + group.group(1));
        } else if (parameter.find()) {
            holder = "principal:" + parameter.group(1);
            node(holder, "principal<br/>" + parameter.group(1));
        } else {
            holder = "principal:" + principal;
            node(holder, "principal");
        }
        String id = assignment.id();
        String scope = id.substring(0, id.toLowerCase(Locale.ROOT).lastIndexOf(
                "/providers/microsoft.authorization/roleassignments/"));
        String target = resources.containsKey(scope) ? scope : scope.contains("/resourceGroups/")
                && !scope.contains("/providers/") ? "scope:group" : "scope:subscription";
        if (!resources.containsKey(scope)) {
            node(target, target.equals("scope:group") ? "resource group" : "subscription");
        }
        edges.add(new Edge(holder, target, roleName(assignment), true));
    }

    private String roleName(PlannedResource assignment) {
        String definition = assignment.body().path("properties").path("roleDefinitionId").asText("");
        String guid = definition.substring(definition.lastIndexOf('/') + 1);
        return BuiltInRole.byId(guid).map(BuiltInRole::displayName).orElseGet(() -> resources.values().stream()
                .filter(r -> r.type().equalsIgnoreCase("Microsoft.Authorization/roleDefinitions")
                        && r.name().equalsIgnoreCase(guid))
                .map(r -> r.body().path("properties").path("roleName").asText("custom role"))
                .map(n -> n.replaceAll(" \\[[a-z0-9]{13}\\]$", "")).findFirst().orElse("role " + guid));
    }

    /** The flowchart, grouped: network, compute, storage, identity and access, security, cost and governance. */
    public String mermaid() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String g : List.of("Network", "Compute", "Slurm cluster (created by CycleCloud)", "Storage",
                "Identity and access", "Key Vault", "Cost and governance", "Other")) {
            groups.put(g, new ArrayList<>());
        }
        nodeIds.forEach((key, id) -> groups.get(group(key)).add(id));
        StringBuilder sb = new StringBuilder("flowchart LR\n");
        int g = 0;
        for (Map.Entry<String, List<String>> e : groups.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            sb.append("  subgraph g").append(g++).append("[\"").append(e.getKey()).append("\"]\n");
            for (String id : e.getValue()) {
                String shape = e.getKey().startsWith("Slurm") ? "([\"%s\"])" : "[\"%s\"]";
                sb.append("    ").append(id).append(String.format(shape, labels.get(id).replace("\"", "'")))
                        .append('\n');
            }
            sb.append("  end\n");
        }
        for (Edge e : edges) {
            String from = nodeIds.get(e.from().toLowerCase(Locale.ROOT));
            String to = nodeIds.get(e.to().toLowerCase(Locale.ROOT));
            if (from == null || to == null) {
                continue;
            }
            if (e.role()) {
                sb.append("  ").append(from).append(" == \"").append(e.label().replace("\"", "'")).append("\" ==> ")
                        .append(to).append('\n');
            } else if (e.label().isEmpty()) {
                sb.append("  ").append(from).append(" --> ").append(to).append('\n');
            } else {
                sb.append("  ").append(from).append(" -. ").append(e.label()).append(" .-> ").append(to).append('\n');
            }
        }
        return sb.toString();
    }

    private String group(String key) {
        if (key.startsWith("slurm:")) {
            return "Slurm cluster (created by CycleCloud)";
        }
        if (key.startsWith("group:") || key.startsWith("principal:") || key.startsWith("identity:")) {
            return "Identity and access";
        }
        if (key.startsWith("scope:")) {
            return "Cost and governance";
        }
        PlannedResource r = byKey.get(key);
        String type = r == null ? "" : r.type().toLowerCase(Locale.ROOT);
        if (type.startsWith("microsoft.network/")) {
            return "Network";
        }
        if (type.startsWith("microsoft.compute/") || type.startsWith("microsoft.devtestlab/")) {
            return "Compute";
        }
        if (type.startsWith("microsoft.storage/") || type.startsWith("microsoft.storagecache/")
                || type.startsWith("microsoft.netapp/")) {
            return "Storage";
        }
        if (type.startsWith("microsoft.managedidentity/") || type.startsWith("microsoft.authorization/role")) {
            return "Identity and access";
        }
        if (type.startsWith("microsoft.keyvault/")) {
            return "Key Vault";
        }
        if (type.startsWith("microsoft.consumption/") || type.startsWith("microsoft.authorization/")
                || type.startsWith("microsoft.resources/") || type.startsWith("microsoft.insights/")
                || type.startsWith("microsoft.operationalinsights/")) {
            return "Cost and governance";
        }
        return "Other";
    }

    /** {@code storageAccounts/blobServices} from {@code Microsoft.Storage/storageAccounts/blobServices}. */
    static String shortType(String type) {
        return type.substring(type.indexOf('/') + 1);
    }
}
