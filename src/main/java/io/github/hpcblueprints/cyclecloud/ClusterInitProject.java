package io.github.hpcblueprints.cyclecloud;

import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Generator;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.hpc.AccountingLimits;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.Defaults;
import io.github.hpcblueprints.hpc.Partition;
import io.github.hpcblueprints.hpc.Project;
import io.github.hpcblueprints.hpc.SharedStorage;
import io.github.hpcblueprints.hpc.SlurmCluster;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The CycleCloud project with our cluster-init: spec {@code default} on every node (SSH hardening, the projects'
 * Unix groups, Azure Files over TLS) and spec {@code scheduler} (project partitions for members only, project
 * directories on shared storage). Scripts follow the house rules: bash, {@code set -euo pipefail}, idempotent,
 * logging to stderr.
 */
final class ClusterInitProject {

    /** Project group ids live in this range, away from users' and CycleCloud's own ids. */
    static final int GID_BASE = 20_000;
    static final int GID_RANGE = 40_000;

    private ClusterInitProject() {
    }

    /** The project's files, by path relative to the project folder. */
    static Map<String, String> render(ClusterEnvironment env) {
        Map<String, String> files = new TreeMap<>();
        files.put("project.ini", projectIni(env));
        String defaults = "specs/default/cluster-init/scripts/";
        files.put(defaults + "10-hardening.sh", script("hardening.sh.ftl", env,
                "Hardens SSH on every cluster node: keys or Entra ID only, no root sign-in.", Map.of()));
        List<Project> projects = env.projects();
        if (!projects.isEmpty()) {
            files.put(defaults + "20-project-groups.sh", script("project-groups.sh.ftl", env,
                    "Creates each project's Unix group, with its members, on every cluster node.",
                    Map.of("projects", groupLines(projects))));
        }
        String scheduler = "specs/scheduler/cluster-init/scripts/";
        List<Map<String, String>> restricted = restrictedPartitions(env);
        Optional<AccountingLimits> limits = env.accountingLimits();
        if (!restricted.isEmpty() || limits.isPresent()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("partitions", restricted);
            m.put("accounting", limits.isPresent());
            m.put("summary", limits.isPresent() ? "projects' partitions for members, jobs charged to their "
                    + "partition's QOS and project" : "projects' partitions for members only");
            limits.ifPresent(l -> jobSubmitAccounting(env, l, m));
            files.put(scheduler + "10-project-partitions.sh", script("project-partitions.sh.ftl", env,
                    limits.isPresent() ? "Lets only a project's members submit to its partitions, and charges each "
                            + "job to its partition's QOS and its project (Slurm job-submit filter)."
                            : "Lets only a project's members submit to its partitions (Slurm job-submit filter).",
                    m));
        }
        limits.ifPresent(l -> files.put(scheduler + "30-slurm-accounts.sh", script("slurm-accounts.sh.ftl", env,
                "Turns each project's budget into the limits of its Slurm account, and lets only its members "
                        + "charge it (sacctmgr; changes only what differs).", accountsModel(env, l))));
        List<String> mounts = env.storage().stream().map(SharedStorage::mountPoint).filter(m -> !m.isEmpty())
                .sorted().toList();
        if (projectDirectories(env)) {
            files.put(scheduler + "20-project-directories.sh", script("project-directories.sh.ftl", env,
                    "Creates each project's directory on the shared file systems, for its members only.",
                    Map.of("mounts", Shell.array(mounts),
                            "projects", Shell.array(projects.stream().map(Project::name).toList()))));
        }
        files.put("specs/default/cluster-init/files/README.md", "Files the default spec's scripts use (none yet).\n");
        return files;
    }

    private static void jobSubmitAccounting(ClusterEnvironment env, AccountingLimits l, Map<String, Object> m) {
        SlurmCluster cl = env.cluster().orElseThrow();
        List<Map<String, String>> qos = new ArrayList<>();
        List<Map<String, String>> projectOf = new ArrayList<>();
        for (AccountingLimits.PartitionRate r : l.partitions()) {
            qos.add(Map.of("partition", r.partition(), "qos", r.qos(), "factor", r.usageFactor().toPlainString()));
            for (Project p : env.projectsUsing(r.partition())) {
                String partition = r.partition() + "-" + p.name();
                qos.add(Map.of("partition", partition, "qos", r.qos(), "factor", r.usageFactor().toPlainString()));
                projectOf.add(Map.of("partition", partition, "project", p.name()));
            }
        }
        m.put("qos", qos);
        m.put("projectOf", projectOf);
        m.put("defaultPartition", cl.defaultPartition().name());
        m.put("defaultMinutes", String.valueOf(Defaults.DEFAULT_JOB_MINUTES));
    }

    private static Map<String, Object> accountsModel(ClusterEnvironment env, AccountingLimits l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("priceDate", l.priceDate());
        m.put("currency", l.currency());
        m.put("organisation", Shell.quote(env.name()));
        m.put("qos", l.partitions().stream().map(r -> Map.of("qos", r.qos(), "factor",
                r.usageFactor().toPlainString())).toList());
        m.put("accounts", l.projects().stream().map(p -> Map.of("project", p.project(), "grp",
                String.valueOf(p.grpCpuMinutes()), "perJob", String.valueOf(p.maxCpuMinutesPerJob()), "members",
                String.join(",", p.members()))).toList());
        m.put("qosList", Shell.quote(String.join(",", l.partitions().stream().map(
                AccountingLimits.PartitionRate::qos).toList())));
        return m;
    }

    /** The specs the project has: {@code default} always, {@code scheduler} when it has scripts. */
    static List<String> specs(ClusterEnvironment env) {
        boolean scheduler = !restrictedPartitions(env).isEmpty() || projectDirectories(env)
                || env.cluster().flatMap(SlurmCluster::accounting).isPresent();
        return scheduler ? List.of("default", "scheduler") : List.of("default");
    }

    /** Projects and a shared file system to give them directories on: the scheduler spec's second script. */
    private static boolean projectDirectories(ClusterEnvironment env) {
        return !env.projects().isEmpty() && env.storage().stream().anyMatch(s -> !s.mountPoint().isEmpty());
    }

    private static String projectIni(ClusterEnvironment env) {
        StringBuilder sb = new StringBuilder("# Generated by " + Generator.describe() + " from " + env.source()
                + "; do not edit.\n"
                + "[project]\n"
                + "name = " + ClusterTemplate.projectName(env) + "\n"
                + "label = Secure research HPC (" + env.name() + ")\n"
                + "type = application\n"
                + "version = " + ClusterTemplate.PROJECT_VERSION + "\n");
        for (String spec : specs(env)) {
            sb.append("\n[spec ").append(spec).append("]\n");
        }
        return sb.toString();
    }

    static String script(String template, ClusterEnvironment env, String purpose, Map<String, ?> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("purpose", purpose);
        model.put("generator", Generator.describe());
        model.put("blueprint", env.source());
        return Renderer.render(template, model);
    }

    /** {@code 'name gid members'} lines; gids are stable per project name, collisions are refused. */
    private static List<String> groupLines(List<Project> projects) {
        Map<Integer, String> used = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (Project p : projects) {
            int gid = gid(p.name());
            String other = used.putIfAbsent(gid, p.name());
            if (other != null) {
                throw new BlueprintException(Problem.at("BLUEPRINT-VALUE", "$.projects", "projects '" + other
                        + "' and '" + p.name() + "' would share Unix group id " + gid, "rename one of them"));
            }
            String members = p.members().isEmpty() ? "-" : String.join(",", p.members());
            lines.add(Shell.quote(p.name() + " " + gid + " " + members));
        }
        return lines;
    }

    /** A project's group id: from its name, so it is the same on every node and in every deployment. */
    static int gid(String project) {
        CRC32 crc = new CRC32();
        crc.update(project.getBytes(StandardCharsets.UTF_8));
        return GID_BASE + (int) (crc.getValue() % GID_RANGE);
    }

    private static List<Map<String, String>> restrictedPartitions(ClusterEnvironment env) {
        List<Map<String, String>> out = new ArrayList<>();
        env.cluster().ifPresent(cl -> {
            for (Partition part : cl.partitions()) {
                for (Project p : env.projectsUsing(part.name())) {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("partition", part.name() + "-" + p.name());
                    m.put("group", p.unixGroup());
                    out.add(m);
                }
            }
        });
        return out;
    }
}
