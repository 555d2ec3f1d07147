package io.github.hpcblueprints.cyclecloud;

import static io.github.hpcblueprints.rules.Specs.E;
import static io.github.hpcblueprints.rules.Specs.rule;

import io.github.hpcblueprints.build.Build;
import io.github.hpcblueprints.rules.Findings;
import io.github.hpcblueprints.rules.Rule;
import io.github.hpcblueprints.rules.RuleContext;
import io.github.hpcblueprints.rules.RuleSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules over the CycleCloud files a build renders (the cluster template, the cluster-init project, the server's
 * bootstrap): what CycleCloud would stop at when a node configures, or would pick differently from one boot to the
 * next. They find nothing without a build ({@code lint} of templates alone).
 */
public final class ClusterFileRules implements RuleSet {

    private static final Pattern CLUSTER_INIT = Pattern.compile(
            "\\[\\[\\[cluster-init ([^:\\]]+):([^:\\]]+)(?::([^\\]]*))?\\]\\]\\]");
    private static final Pattern CYCLECLOUD_PACKAGE = Pattern.compile("CYCLECLOUD_PACKAGE='cyclecloud8=([^']*)'");

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.of(rule("HPCB-STRUCT-018").severity(E, E).title("Cluster-init spec named but not in the project")
                        .why("CycleCloud runs every cluster-init spec a node names; one its project does not have "
                                + "stops the node's configuration, so the node never joins the cluster.")
                        .fix("Name only specs the project has (a folder under specs/ and a [spec] in project.ini).")
                        .build(), ClusterFileRules::missingSpecs),
                Rule.of(rule("HPCB-STRUCT-019").severity(E, E).title("Unpinned cluster-init or CycleCloud release")
                        .why("Without a version a node takes whichever release of a project the server has, and a "
                                + "floating CycleCloud package moves with every upgrade: two deployments of one "
                                + "blueprint then run different software.")
                        .fix("Give every [[[cluster-init project:spec:version]]] its version (the Slurm project's "
                                + "release that installs the cluster's Slurm) and pin cycleCloud.version.")
                        .build(), ClusterFileRules::unpinned));
    }

    private static void missingSpecs(RuleContext c, Findings out) {
        c.model(Build.class).ifPresent(build -> build.environment().cluster().ifPresent(cl -> {
            Map<String, String> files = build.cycleCloudFiles();
            String template = files.getOrDefault("cyclecloud/" + cl.name() + ".txt", "");
            String ini = files.getOrDefault("cyclecloud/project/project.ini", "");
            Matcher m = CLUSTER_INIT.matcher(template);
            while (m.find()) {
                if (!m.group(1).equals(ClusterTemplate.projectName(build.environment()))) {
                    continue;
                }
                String spec = m.group(2);
                boolean present = ini.contains("[spec " + spec + "]") && files.keySet().stream()
                        .anyMatch(k -> k.startsWith("cyclecloud/project/specs/" + spec + "/"));
                if (!present) {
                    out.inBlueprint("$.cluster", "the cluster template names cluster-init spec " + m.group(1) + ":"
                            + spec + ", which project " + m.group(1) + " does not have");
                }
            }
        }));
    }

    private static void unpinned(RuleContext c, Findings out) {
        c.model(Build.class).ifPresent(build -> build.environment().cluster().ifPresent(cl -> {
            Map<String, String> files = build.cycleCloudFiles();
            String template = files.getOrDefault("cyclecloud/" + cl.name() + ".txt", "");
            Matcher m = CLUSTER_INIT.matcher(template);
            while (m.find()) {
                String version = m.group(3) == null ? "" : m.group(3);
                String wanted = m.group(1).equals("cyclecloud/slurm") ? cl.slurmProjectRelease()
                        : m.group(1).equals(ClusterTemplate.projectName(build.environment()))
                                ? ClusterTemplate.PROJECT_VERSION : version;
                if (version.isEmpty() || !version.equals(wanted)) {
                    out.inBlueprint("$.cluster.slurmVersion", "cluster-init " + m.group(1) + ":" + m.group(2)
                            + (version.isEmpty() ? " has no version" : " is pinned to " + version + ", not "
                                    + wanted + " (the release for Slurm " + cl.slurmVersion() + ")"));
                }
            }
            String server = files.getOrDefault(CycleCloudFiles.serverCloudInitPath(build.environment()), "");
            Matcher p = CYCLECLOUD_PACKAGE.matcher(server);
            if (p.find() && !p.group(1).matches("8\\.\\d+\\.\\d+-(\\*|\\d+)")) {
                out.inBlueprint("$.cycleCloud.version", "the CycleCloud server installs cyclecloud8=" + p.group(1)
                        + ", a floating release");
            }
        }));
    }
}
