package io.github.hpcblueprints.cyclecloud;

import io.github.hpcblueprints.diagnostics.Generator;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.Naming;
import io.github.hpcblueprints.hpc.Partition;
import io.github.hpcblueprints.hpc.Project;
import io.github.hpcblueprints.hpc.SharedStorage;
import io.github.hpcblueprints.hpc.SlurmCluster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The CycleCloud cluster template of an environment's Slurm cluster, shaped like the official Slurm template: node
 * defaults with the shared mounts, a scheduler that exports {@code /sched}, login nodes, and one node array per
 * partition (plus one per project that uses it, carrying the project's identity and cost tag). Values only known
 * once Azure has deployed (subnet, addresses, identity ids) are template parameters, filled in on the CycleCloud
 * server from the deployment's facts ({@code <cluster>.parameters.json}).
 */
final class ClusterTemplate {

    /** Tag keys CycleCloud's record syntax takes without quoting. */
    private static final Pattern TAG_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private ClusterTemplate() {
    }

    /** The CycleCloud project carrying our cluster-init specs. */
    static String projectName(ClusterEnvironment env) {
        return "hpcb-" + env.name();
    }

    static final String PROJECT_VERSION = "1.0.0";

    /** Renders the template text. */
    static String render(ClusterEnvironment env) {
        return Renderer.render("cluster.txt.ftl", model(env));
    }

    /**
     * The parameter values the CycleCloud server passes to {@code create_cluster}, with {@code {{fact}}} placeholders
     * it fills from the deployment's facts.
     */
    static Map<String, String> parameterValues(ClusterEnvironment env) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Credentials", "azure");
        p.put("Region", "{{region}}");
        p.put("SubnetId", "{{clusterSubnet}}");
        p.put("AdditionalSlurmConfig", String.join("\n", additionalSlurmConfig(env)));
        if (env.cluster().flatMap(SlurmCluster::accounting).isPresent()) {
            p.put("AccountingUrl", "{{accountingHost}}");
            p.put("AccountingUser", "{{accountingUser}}");
        }
        for (Mount m : mounts(env)) {
            p.putAll(m.values());
        }
        env.storage(SharedStorage.AzureFilesNfs.class).filter(f -> !f.encryptionInTransit()).ifPresent(f -> {
            p.put("AzureFilesAddress", "{{nfsAccount}}.file.core.windows.net");
            p.put("AzureFilesExportPath", "/{{nfsAccount}}/" + f.share());
        });
        for (Project project : env.projects()) {
            if (!project.partitions().isEmpty()) {
                p.put(identityParameter(project), "{{projectIdentities." + project.name() + "}}");
            }
        }
        return p;
    }

    static String identityParameter(Project p) {
        return "ProjectIdentity_" + p.name();
    }

    /**
     * One CycleCloud mount of shared storage (Azure Files with encryption in transit is mounted by our script).
     *
     * @param exportPath a literal export path, or empty when {@code exportParameter} holds it
     */
    record Mount(String name, String type, String mountPoint, String addressParameter, String exportPath,
            String exportParameter, String options, Map<String, String> values) {
    }

    static List<Mount> mounts(ClusterEnvironment env) {
        List<Mount> out = new ArrayList<>();
        for (SharedStorage s : env.storage()) {
            if (s instanceof SharedStorage.Lustre l) {
                out.add(new Mount("lustre", "lustre", l.mountPoint(), "LustreAddress", "tcp:/lustrefs", "", "",
                        Map.of("LustreAddress", "{{lustreMgsAddress}}")));
            } else if (s instanceof SharedStorage.NetAppFiles n) {
                out.add(new Mount("netapp", "nfs", n.mountPoint(), "NetAppAddress", "/" + n.volume(), "",
                        "rw,hard,rsize=262144,wsize=262144,vers=3,tcp", Map.of("NetAppAddress", "{{netappAddress}}")));
            } else if (s instanceof SharedStorage.AzureFilesNfs f && !f.encryptionInTransit()) {
                out.add(new Mount("azurefiles", "nfs", f.mountPoint(), "AzureFilesAddress", "",
                        "AzureFilesExportPath", "vers=4,minorversion=1,sec=sys,nconnect=4", Map.of()));
            }
        }
        return out;
    }

    private static Map<String, Object> model(ClusterEnvironment env) {
        SlurmCluster cl = env.cluster().orElseThrow();
        Naming names = new Naming(env);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generator", Generator.describe());
        m.put("blueprint", env.source());
        m.put("env", env.name());
        m.put("cluster", cl.name());
        m.put("slurmVersion", cl.slurmVersion());
        m.put("accounting", cl.accounting().isPresent());
        m.put("slurmProject", cl.slurmProjectRelease());
        m.put("spec", projectName(env) + ":default:" + PROJECT_VERSION);
        // a spec is named only where the project has it: CycleCloud fails a node whose spec is missing
        m.put("schedulerSpec", ClusterInitProject.specs(env).contains("scheduler")
                ? projectName(env) + ":scheduler:" + PROJECT_VERSION : "");
        m.put("region", env.region());
        boolean lustre = env.storage().stream().anyMatch(s -> s instanceof SharedStorage.Lustre);
        m.put("lustre", lustre);
        List<Map<String, Object>> mounts = new ArrayList<>();
        for (Mount mt : mounts(env)) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", mt.name());
            x.put("type", mt.type());
            x.put("mountPoint", mt.mountPoint());
            x.put("addressParameter", mt.addressParameter());
            x.put("exportPath", mt.exportPath());
            x.put("exportParameter", mt.exportParameter());
            x.put("options", mt.options());
            mounts.add(x);
        }
        m.put("mounts", mounts);
        m.put("builtinShared", env.storage().stream().noneMatch(s -> s.mountPoint().equals("/shared")));
        m.put("schedulerSize", cl.scheduler().vmSize());
        m.put("schedulerImage", cl.scheduler().image().imageName());
        m.put("loginSize", cl.login().vmSize());
        m.put("loginImage", cl.login().image().imageName());
        m.put("loginCount", cl.loginCount());
        m.put("loginMax", cl.loginMax());
        m.put("nodeTags", record(tags(names, Naming.SHARED, cl)));
        List<Map<String, Object>> arrays = new ArrayList<>();
        List<Map<String, Object>> projectParams = new ArrayList<>();
        Partition def = cl.defaultPartition();
        for (Partition p : cl.partitions()) {
            arrays.add(array(p.name(), p, p.name(), p == def, "", record(tags(names, Naming.SHARED, cl))));
            for (Project project : env.projectsUsing(p.name())) {
                arrays.add(array(p.name() + "-" + project.name(), p, p.name() + "-" + project.name(), false,
                        identityParameter(project), record(tags(names, project.name(), cl))));
            }
        }
        for (Project project : env.projects()) {
            if (!project.partitions().isEmpty()) {
                Map<String, Object> pp = new LinkedHashMap<>();
                pp.put("name", identityParameter(project));
                pp.put("project", project.name());
                projectParams.add(pp);
            }
        }
        m.put("arrays", arrays);
        m.put("projectParameters", projectParams);
        boolean azureFilesEit = env.storage().stream()
                .anyMatch(s -> s instanceof SharedStorage.AzureFilesNfs f && f.encryptionInTransit());
        m.put("azureFiles", !azureFilesEit && env.storage(SharedStorage.AzureFilesNfs.class).isPresent());
        m.put("nodeCloudInit", env.storage(SharedStorage.AzureFilesNfs.class).filter(
                SharedStorage.AzureFilesNfs::encryptionInTransit).map(f -> ClusterInitProject.script(
                        "azure-files.sh.ftl", env, "Mounts the Azure Files NFS share over TLS (AZNFS) on every cluster "
                                + "node, before CycleCloud creates users.",
                        Map.of("share", f.share(), "mountPoint", f.mountPoint()))).orElse(""));
        return m;
    }

    private static Map<String, Object> array(String name, Partition p, String partition, boolean isDefault,
            String identityParameter, String tags) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", name);
        a.put("partition", partition);
        a.put("vmSize", p.vmSize());
        a.put("image", p.image().imageName());
        a.put("maxCount", p.maxNodes());
        a.put("spot", p.spot());
        a.put("hpc", p.hpc());
        a.put("default", isDefault);
        a.put("identityParameter", identityParameter);
        a.put("tags", tags);
        return a;
    }

    /**
     * {@code SuspendTime} (idle release) is in every cluster; partitions that must stay up are excluded; project
     * partitions are guarded by our job-submit filter. The official project appends this to slurm.conf, after its
     * own defaults, so these values win.
     */
    static List<String> additionalSlurmConfig(ClusterEnvironment env) {
        SlurmCluster cl = env.cluster().orElseThrow();
        List<String> parts = new ArrayList<>();
        parts.add("SuspendTime=" + cl.idleReleaseSeconds());
        List<String> keep = new ArrayList<>();
        for (Partition p : cl.partitions()) {
            if (p.alwaysOn()) {
                keep.add(p.name());
                env.projectsUsing(p.name()).forEach(pr -> keep.add(p.name() + "-" + pr.name()));
            }
        }
        if (!keep.isEmpty()) {
            parts.add("SuspendExcParts=" + String.join(",", keep));
        }
        if (cl.accounting().isPresent()) {
            // a project's budget is its account's GrpTRESMins: usage must be the month's, so it resets monthly and
            // never decays, and a job starts only if it can finish within what is left (safe)
            parts.add("PriorityType=priority/multifactor");
            parts.add("PriorityDecayHalfLife=0");
            parts.add("PriorityUsageResetPeriod=MONTHLY");
            parts.add("AccountingStorageEnforce=associations,limits,qos,safe");
        }
        if (env.projects().stream().anyMatch(p -> !p.partitions().isEmpty()) || cl.accounting().isPresent()) {
            parts.add("JobSubmitPlugins=lua");
        }
        return List.copyOf(parts);
    }

    private static Map<String, String> tags(Naming names, String project, SlurmCluster cl) {
        Map<String, String> t = new TreeMap<>();
        names.tags(project).forEach((k, v) -> t.put(k, String.valueOf(v)));
        t.putAll(cl.nodeTags());
        t.put("project", String.valueOf(names.tags(project).get("project")));
        return t;
    }

    /** {@code [key="value"; ...]}: CycleCloud's record literal; keys it cannot take unquoted are left out. */
    private static String record(Map<String, String> tags) {
        List<String> parts = new ArrayList<>();
        tags.forEach((k, v) -> {
            if (TAG_KEY.matcher(k).matches()) {
                parts.add(k + "=\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
            }
        });
        return "[" + String.join("; ", parts) + "]";
    }
}
