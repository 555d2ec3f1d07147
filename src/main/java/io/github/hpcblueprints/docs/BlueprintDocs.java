package io.github.hpcblueprints.docs;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.build.Build;
import io.github.hpcblueprints.cost.PriceTable;
import io.github.hpcblueprints.deploy.PlanContext;
import io.github.hpcblueprints.deploy.PlanService;
import io.github.hpcblueprints.deploy.PlannedResource;
import io.github.hpcblueprints.deploy.TemplateDeployment;
import io.github.hpcblueprints.diagnostics.Generator;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.Partition;
import io.github.hpcblueprints.rules.Catalogue;
import io.github.hpcblueprints.rules.Category;
import io.github.hpcblueprints.rules.Finding;
import io.github.hpcblueprints.rules.Report;
import io.github.hpcblueprints.rules.RuleInfo;
import io.github.hpcblueprints.text.TextTemplates;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The README of a generated environment ({@code generated/<name>/README.md}), written from the one build result and
 * its verdict, so it cannot disagree with the templates beside it: what it builds (an architecture diagram and the
 * resource inventory, evaluated as the local plan evaluates them), the parameters a deployment must supply, the
 * controls the rules verified (with each remaining finding and accepted suppression), and how to deploy it.
 */
public final class BlueprintDocs {

    private static final TextTemplates TEMPLATES = TextTemplates.besides(BlueprintDocs.class);

    private BlueprintDocs() {
    }

    /** The README of one build, with the verdict the rules gave it. */
    public static String readme(Build build, Report report) {
        ClusterEnvironment env = build.environment();
        PlanService.Prepared prepared = PlanService.prepare(build, Optional.empty(), Optional.empty());
        List<TemplateDeployment> deployments = prepared.deployments();
        PlanContext context = prepared.context();
        Map<String, PlannedResource> resources = prepared.resources();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generator", Generator.describe());
        m.put("name", build.name());
        m.put("environment", env.name());
        m.put("region", env.region());
        m.put("profile", env.profile().name().toLowerCase(java.util.Locale.ROOT));
        m.put("resourceGroup", context.resourceGroup());
        m.put("mermaid", Architecture.of(resources, env, build.compiled().reach().serverVm()).mermaid());
        List<Map<String, String>> inventory = new ArrayList<>();
        for (PlannedResource r : resources.values()) {
            inventory.add(Map.of("type", r.type(), "name", r.name().startsWith("{") ? "(set at deployment: "
                    + r.name().substring(1, r.name().length() - 1).replace("%2F", "/").replace("|", "\\|") + ")"
                    : r.name(), "template", r.template()));
        }
        m.put("resources", inventory);
        List<Map<String, String>> partitions = new ArrayList<>();
        env.cluster().ifPresent(c -> {
            for (Partition p : c.partitions()) {
                partitions.add(Map.of("name", p.name(), "size", p.vmSize(), "max", String.valueOf(p.maxNodes()),
                        "spot", p.spot() ? "yes" : "no"));
            }
        });
        m.put("partitions", partitions);
        m.put("parameters", toSupply(deployments));
        m.put("controls", controls(report));
        m.put("commands", commands(build, deployments, context, resources));
        m.put("hpcbCommands", hpcbCommands(build, deployments, context));
        m.put("smoke", smokeCommand(build, deployments, resources));
        m.put("access", access(build, resources));
        m.put("cost", cost(CostEstimate.of(resources, env, PriceTable.shipped())));
        m.put("enforced", enforcement(env));
        return TEMPLATES.render("README.md.ftl", m);
    }

    /** Who gets in and how: the names the first-boot and sign-in instructions need. */
    static Map<String, Object> access(Build build, Map<String, PlannedResource> resources) {
        ClusterEnvironment env = build.environment();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bastion", io.github.hpcblueprints.deploy.Smoke.bastion(resources).orElse(""));
        m.put("server", build.compiled().reach().serverVm().orElse(""));
        m.put("adminUser", env.cycleCloud().map(c -> c.adminUser()).orElse(""));
        m.put("cluster", env.cluster().map(c -> c.name()).orElse(""));
        m.put("entraSignIn", env.access().cycleCloudEntraSignIn());
        m.put("localReason", env.access().localSignInReason());
        m.put("homes", env.cluster().isPresent() && env.storage().stream()
                .anyMatch(s -> s.mountPoint().equals(io.github.hpcblueprints.hpc.Defaults.SHARED_MOUNT_POINT)));
        m.put("defaultPartition", env.cluster().map(c -> c.defaultPartition().name()).orElse(""));
        List<Map<String, String>> projects = new ArrayList<>();
        for (io.github.hpcblueprints.hpc.Project p : env.projects()) {
            if (!p.partitions().isEmpty()) {
                projects.add(Map.of("name", p.name(), "partitions", String.join(", ", p.partitions().stream()
                        .map(q -> "`" + q + "-" + p.name() + "`").toList())));
            }
        }
        m.put("projects", projects);
        List<Map<String, String>> instances = new ArrayList<>();
        for (io.github.hpcblueprints.hpc.ResearchInstance i : env.instances()) {
            String vm = resources.values().stream().filter(r -> r.type().equals("Microsoft.Compute/virtualMachines")
                    && r.name().endsWith("-" + i.name())).map(PlannedResource::name).findFirst().orElseThrow();
            instances.add(Map.of("name", i.name(), "vm", vm, "project", i.project().isEmpty() ? "the environment"
                    : "project " + i.project(), "mounts", String.join(", ", i.mounts())));
        }
        m.put("instances", instances);
        m.put("entraSsh", env.access().entraSshLogin());
        return m;
    }

    /** How spending is kept within the budgets: alerts, Slurm limits, idle release and instances that stop. */
    static Map<String, Object> enforcement(ClusterEnvironment env) {
        Map<String, Object> m = new LinkedHashMap<>();
        java.util.Locale root = java.util.Locale.ROOT;
        m.put("budget", env.cost().budget() == 0 ? "" : String.format(root, "%,d", env.cost().budget()));
        m.put("actual", env.cost().actualThresholds().stream().map(t -> t + "%").toList());
        m.put("forecast", env.cost().forecastThresholds().stream().map(t -> t + "%").toList());
        m.put("projectBudgets", env.projects().stream().filter(p -> p.budget() > 0).map(p -> Map.of("name", p.name(),
                "budget", String.format(root, "%,d", p.budget()))).toList());
        m.put("idleRelease", env.cluster().map(c -> String.valueOf(c.idleReleaseSeconds() / 60)).orElse(""));
        List<Map<String, String>> instances = new ArrayList<>();
        for (io.github.hpcblueprints.hpc.ResearchInstance r : env.instances()) {
            instances.add(Map.of("name", r.name(), "idle", r.idleStop().enabled() ? "after " + r.idleStop().minutes()
                    + " minutes with nobody signed in, no keep-awake process, CPU below " + r.idleStop().cpuPercent()
                    + "% and GPU below " + r.idleStop().gpuPercent() + "%" : "never (no idle stop)",
                    "shutdown", r.autoShutdown().enabled() ? "daily at " + r.autoShutdown().time().substring(0, 2)
                            + ":" + r.autoShutdown().time().substring(2) + " (" + r.autoShutdown().timeZone() + ")"
                            : "none: " + r.autoShutdown().alwaysOnReason()));
        }
        m.put("instances", instances);
        m.put("serverIdle", env.cycleCloud().map(c -> c.idleStop().enabled() ? String.valueOf(c.idleStop().minutes())
                : "").orElse(""));
        boolean accounting = env.accountingLimits().isPresent();
        m.put("accounting", accounting);
        m.put("defaultMinutes", String.valueOf(io.github.hpcblueprints.hpc.Defaults.DEFAULT_JOB_MINUTES));
        if (accounting) {
            io.github.hpcblueprints.hpc.AccountingLimits l = env.accountingLimits().get();
            String currency = l.currency();
            m.put("currency", currency);
            m.put("priceDate", l.priceDate());
            List<Map<String, String>> rates = new ArrayList<>();
            for (var r : l.partitions()) {
                rates.add(Map.of("partition", r.partition(), "size", r.vmSize() + (r.spot() ? " (Spot)" : ""),
                        "vcpus", String.valueOf(r.vcpus()), "nodeHour", currency + " " + r.nodeHour().toPlainString(),
                        "cpuMinute", currency + " " + r.perCpuMinute().setScale(6, java.math.RoundingMode.HALF_UP)
                                .toPlainString(), "factor", r.usageFactor().toPlainString(), "qos", r.qos()));
            }
            m.put("rates", rates);
            var ref = l.referenceRate();
            m.put("reference", ref.partition());
            List<Map<String, String>> projects = new ArrayList<>();
            for (var p : l.projects()) {
                projects.add(Map.of("project", p.project(), "budget", String.format(root, "%,d", p.budget()),
                        "instances", currency + " " + p.instances().setScale(2, java.math.RoundingMode.HALF_UP),
                        "forJobs", currency + " " + p.forJobs().setScale(2, java.math.RoundingMode.HALF_UP),
                        "grp", p.limited() ? String.format(root, "%,d", p.grpCpuMinutes()) : "none (no budget)",
                        "perJob", p.maxCpuMinutesPerJob() == 0 ? "none" : String.format(root, "%,d",
                                p.maxCpuMinutesPerJob()) + " (" + p.maxCpuMinutesPerJob() / 60 + " core-hours)",
                        "members", p.members().isEmpty() ? "nobody yet" : String.join(", ", p.members())));
            }
            m.put("projects", projects);
            var limitedProjects = l.projects().stream().filter(x -> x.limited()).toList();
            if (!limitedProjects.isEmpty()) {
                var p = limitedProjects.get(0);
                Map<String, String> ex = new LinkedHashMap<>();
                ex.put("project", p.project());
                ex.put("budget", String.format(root, "%,d", p.budget()));
                ex.put("instances", p.instances().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
                ex.put("forJobs", p.forJobs().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
                ex.put("refSize", ref.vmSize());
                ex.put("refHour", ref.nodeHour().toPlainString());
                ex.put("refVcpus", String.valueOf(ref.vcpus()));
                ex.put("grp", String.format(root, "%,d", p.grpCpuMinutes()));
                ex.put("refHours", String.format(root, "%,d", p.grpCpuMinutes() / 60));
                List<String> others = new ArrayList<>();
                for (var r : l.partitions()) {
                    if (r != ref) {
                        others.add(String.format(root, "%,d", java.math.BigDecimal.valueOf(p.grpCpuMinutes())
                                .divide(r.usageFactor().multiply(java.math.BigDecimal.valueOf(60)), 0,
                                        java.math.RoundingMode.DOWN).longValueExact()) + " CPU-hours of " + r.partition()
                                + " (usage factor " + r.usageFactor().toPlainString() + ")");
                    }
                }
                ex.put("others", String.join(", or ", others));
                m.put("example", ex);
            }
        }
        return m;
    }

    /** The estimate as the README prints it: amounts formatted, totals and what the budget leaves. */
    static Map<String, Object> cost(CostEstimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("currency", e.currency());
        m.put("asOf", e.asOf());
        m.put("source", e.source());
        m.put("fixed", lines(e, e.fixed()));
        m.put("fixedTotal", e.money(e.fixedTotal()));
        m.put("daytime", lines(e, e.daytime()));
        m.put("daytimeTotal", e.money(e.daytimeTotal()));
        m.put("daytimeHours", PriceTable.DAYTIME_HOURS.toPlainString());
        m.put("alwaysOnFactor", PriceTable.HOURS_PER_MONTH.divide(PriceTable.DAYTIME_HOURS, 1,
                java.math.RoundingMode.HALF_UP).toPlainString());
        m.put("idleMinutes", String.valueOf(e.idleReleaseMinutes()));
        List<Map<String, String>> nodes = new ArrayList<>();
        for (CostEstimate.NodeRate n : e.nodes()) {
            nodes.add(Map.of("partition", n.partition(), "size", n.vmSize() + (n.spot() ? " (Spot)" : ""),
                    "hourly", e.currency() + " " + n.hourly().toPlainString(), "idle", e.currency() + " "
                            + e.idleTail(n).setScale(4, java.math.RoundingMode.HALF_UP).toPlainString(), "max", String.valueOf(n.maxNodes()),
                    "ceiling", e.money(n.fullMonth()), "left", String.format(java.util.Locale.ROOT, "%,d",
                            e.nodeHoursLeft(n))));
        }
        m.put("nodes", nodes);
        m.put("unpriced", e.unpriced());
        m.put("budget", e.budget() == 0 ? "" : e.money(java.math.BigDecimal.valueOf(e.budget())));
        java.math.BigDecimal spent = e.fixedTotal().add(e.daytimeTotal());
        m.put("committed", e.money(spent));
        m.put("committedShare", e.budget() == 0 ? "" : spent.multiply(java.math.BigDecimal.valueOf(100))
                .divide(java.math.BigDecimal.valueOf(e.budget()), 0, java.math.RoundingMode.HALF_UP).toPlainString());
        m.put("covered", e.leftForNodes().signum() > 0);
        m.put("left", e.money(e.leftForNodes().abs()));
        return m;
    }

    private static List<Map<String, String>> lines(CostEstimate e, List<CostEstimate.Line> lines) {
        List<Map<String, String>> out = new ArrayList<>();
        for (CostEstimate.Line l : lines) {
            out.add(Map.of("item", l.item(), "sku", l.sku(), "quantity", String.format(java.util.Locale.ROOT, "%,d",
                    l.quantity().setScale(0, java.math.RoundingMode.HALF_UP).longValueExact()) + " " + l.unit(),
                    "unitPrice", e.currency() + " " + l.unitPrice().toPlainString(), "monthly", e.money(l.monthly())));
        }
        return out;
    }

    /** Parameters with neither a default nor a value in the generated parameters file: the deployment gives them. */
    static List<Map<String, String>> toSupply(List<TemplateDeployment> deployments) {
        List<Map<String, String>> out = new ArrayList<>();
        for (TemplateDeployment t : deployments) {
            for (Iterator<Map.Entry<String, JsonNode>> it = t.template().path("parameters").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> p = it.next();
                if (p.getValue().has("defaultValue") || t.parameters().containsKey(p.getKey())) {
                    continue;
                }
                out.add(Map.of("name", p.getKey(), "type", p.getValue().path("type").asText(""), "template", t.file(),
                        "description", p.getValue().path("metadata").path("description").asText("")
                                .replace("|", "\\|")));
            }
        }
        return out;
    }

    /** Every rule of the five control categories, with what it found here. */
    static List<Map<String, String>> controls(Report report) {
        List<Map<String, String>> out = new ArrayList<>();
        for (RuleInfo rule : Catalogue.standard().infos()) {
            if (rule.category() == Category.STRUCT) {
                continue;
            }
            List<Finding> active = report.active().stream().filter(f -> f.ruleId().equals(rule.id())).toList();
            List<Finding> accepted = report.suppressed().stream().filter(f -> f.ruleId().equals(rule.id())).toList();
            String status;
            if (!accepted.isEmpty()) {
                status = "accepted: " + accepted.get(0).suppressedBecause().replace("|", "\\|").replace("\n", " ");
            } else if (active.isEmpty()) {
                status = "passes";
            } else {
                status = active.size() + " " + active.get(0).severity().label() + (active.size() == 1 ? "" : "s")
                        + ": " + active.get(0).message().replace("|", "\\|").replace("\n", " ");
            }
            out.add(Map.of("category", rule.category().name(), "id", rule.id(), "title", rule.title(),
                    "status", status));
        }
        return out;
    }

    /**
     * The same deployment with hpcb: preflight, then apply to Azure. Only the resource group template's parameters
     * are given; the subscription template's come from the group deployment's outputs, which hpcb passes on.
     */
    static List<String> hpcbCommands(Build build, List<TemplateDeployment> deployments, PlanContext context) {
        String blueprint = "blueprints/" + build.name() + ".yaml";
        String rg = context.resourceGroup();
        return List.of("hpcb preflight " + blueprint + " --resource-group " + rg,
                "hpcb apply " + blueprint + " --target azure --resource-group " + rg + " --create-resource-group"
                        + groupParams(deployments, ""));
    }

    /**
     * The resource group template's parameters to supply, as {@code --param} options on a continuation line (empty
     * when there are none), but {@code except}.
     */
    private static String groupParams(List<TemplateDeployment> deployments, String except) {
        List<String> given = toSupply(deployments.stream().filter(t -> t.file().equals("azuredeploy.json"))
                .toList()).stream().filter(p -> !p.get("name").equals(except))
                .map(p -> "--param " + p.get("name") + "=<" + p.get("type") + ">").toList();
        return given.isEmpty() ? "" : " \\\n  " + String.join(" ", given);
    }

    /**
     * {@code hpcb smoke} for this environment, with the parameters it needs (the SSH key is the run's own); empty when
     * the environment lacks what the smoke test comes in through (a cluster, its server, Bastion).
     */
    static String smokeCommand(Build build, List<TemplateDeployment> deployments,
            Map<String, PlannedResource> resources) {
        if (!io.github.hpcblueprints.deploy.Smoke.possible(build, resources)) {
            return "";
        }
        return "hpcb smoke blueprints/" + build.name() + ".yaml" + groupParams(deployments, "adminSshPublicKey");
    }

    /** The deployment commands with this environment's names and the parameters it needs. */
    static List<String> commands(Build build, List<TemplateDeployment> deployments, PlanContext context,
            Map<String, PlannedResource> resources) {
        List<String> out = new ArrayList<>();
        String rg = context.resourceGroup();
        if (resources.values().stream().anyMatch(PlannedResource::encryptsAtHost)) {
            // once per subscription: VMs that encrypt at the host need the feature (wait until it is Registered)
            out.add("az feature register --namespace Microsoft.Compute --name EncryptionAtHost");
        }
        out.add("az group create --name " + rg + " --location " + context.location());
        for (TemplateDeployment t : deployments) {
            List<String> given = toSupply(List.of(t)).stream().map(p -> p.get("name") + "=<" + p.get("type") + ">")
                    .toList();
            String parameters = t.file().replace(".json", ".parameters.json");
            if (t.file().equals("azuredeploy.json")) {
                out.add("az deployment group create -g " + rg + " -n " + build.environment().name() + " -f "
                        + t.file() + " -p @" + parameters + (given.isEmpty() ? "" : " -p " + String.join(" ", given)));
            } else {
                // the subscription template needs CycleCloud's identity, which the group deployment outputs
                List<String> rest = new ArrayList<>(given);
                if (rest.remove("cycleCloudPrincipalId=<string>")) {
                    out.add("principal=$(az deployment group show -g " + rg + " -n " + build.environment().name()
                            + " --query properties.outputs.cycleCloudPrincipalId.value -o tsv)");
                    rest.add("cycleCloudPrincipalId=$principal");
                }
                out.add("az deployment sub create -l " + context.location() + " -f " + t.file() + " -p @"
                        + parameters + (rest.isEmpty() ? "" : " -p " + String.join(" ", rest)));
            }
        }
        return out;
    }
}
