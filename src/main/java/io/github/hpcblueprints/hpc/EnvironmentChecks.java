package io.github.hpcblueprints.hpc;

import io.github.hpcblueprints.azure.compute.VmSizes;
import io.github.hpcblueprints.diagnostics.Problem;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The checks across an environment's parts that no single part can make: names and regions, projects against the
 * cluster's partitions, storage mount points, research instances, and the environment against its own guard rails
 * (allowed regions and VM sizes, Azure's size list). Each problem is located by its blueprint path.
 */
final class EnvironmentChecks {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{1,9}");
    private static final Pattern REGION = Pattern.compile("[a-z][a-z0-9]{2,29}");

    private EnvironmentChecks() {
    }

    /**
     * The environment must pass its own policies: a size outside allowedVmSizes would deploy, then every node
     * CycleCloud starts would be denied.
     */
    static void guardRails(ClusterEnvironment.Builder b, Governance g, List<Problem> problems) {
        if (!g.allowedLocations().isEmpty() && REGION.matcher(b.region).matches()
                && g.allowedLocations().stream().noneMatch(b.region::equalsIgnoreCase)) {
            problems.add(Problem.at("BLUEPRINT-POLICY", "$.region", "region '" + b.region + "' is not in "
                    + "governance.allowedLocations " + g.allowedLocations(), "use one of them, or add the region "
                    + "to allowedLocations"));
        }
        Map<String, String> used = vmSizesUsed(b);
        // a size Azure does not offer fails when the VM is created; one newer than the shipped list is accepted
        // where the organisation vouches for it in allowedVmSizes
        used.forEach((path, size) -> {
            if (!VmSizes.known(size) && g.allowedVmSizes().stream().noneMatch(size::equalsIgnoreCase)) {
                String guess = VmSizes.closest(size);
                problems.add(Problem.at("BLUEPRINT-VALUE", path, "VM size " + size + " is not a size Azure "
                        + "offers (hpc-blueprints' list of " + VmSizes.LIST_DATE + ")", (guess.isEmpty() ? ""
                        : "did you mean " + guess + "? ") + "If Azure has it (az vm list-sizes -l " + b.region
                        + "), name it in governance.allowedVmSizes"));
            }
        });
        if (g.allowedVmSizes().isEmpty()) {
            return;
        }
        used.forEach((path, size) -> {
            if (g.allowedVmSizes().stream().noneMatch(size::equalsIgnoreCase)) {
                problems.add(Problem.at("BLUEPRINT-POLICY", path, "VM size " + size + " is not in "
                        + "governance.allowedVmSizes, so Azure Policy would deny it", "use one of "
                        + g.allowedVmSizes() + ", or add it to allowedVmSizes"));
            }
        });
    }

    /** Every VM size the environment uses, by the blueprint path that sets it. */
    private static Map<String, String> vmSizesUsed(ClusterEnvironment.Builder b) {
        Map<String, String> used = new LinkedHashMap<>();
        if (b.cluster != null) {
            used.put("$.cycleCloud.vmSize", b.cycleCloud.vmSize());
            used.put("$.cluster.scheduler.vmSize", b.cluster.scheduler().vmSize());
            used.put("$.cluster.login.vmSize", b.cluster.login().vmSize());
            for (int i = 0; i < b.cluster.partitions().size(); i++) {
                used.put("$.cluster.partitions[" + i + "].vmSize", b.cluster.partitions().get(i).vmSize());
            }
        }
        for (int i = 0; i < b.instances.size(); i++) {
            used.put("$.researchInstances[" + i + "].vmSize", b.instances.get(i).vmSize());
        }
        return used;
    }

    static void check(ClusterEnvironment.Builder b, List<Problem> problems) {
        if (!NAME.matcher(b.name).matches()) {
            problems.add(Problem.at("BLUEPRINT-VALUE", "$.name", "name '" + b.name + "' must be 2-10 lowercase "
                    + "letters and digits, starting with a letter (it becomes part of every resource name)",
                    "for example: genomics"));
        }
        if (!REGION.matcher(b.region).matches()) {
            problems.add(Problem.at("BLUEPRINT-VALUE", "$.region", b.region.isEmpty() ? "region is missing"
                    : "region '" + b.region + "' is not an Azure region name", "use a name such as uksouth or "
                    + "westeurope (az account list-locations -o table)"));
        }
        if (!b.tags.containsKey("owner") || b.tags.get("owner").isBlank()) {
            problems.add(Problem.at("BLUEPRINT-VALUE", "$.tags", "tags.owner is missing: every resource "
                    + "carries an owner so its cost can be traced", "add tags: {owner: <team or person>}"));
        }
        if (b.cluster == null && !b.projects.isEmpty()
                && b.projects.stream().anyMatch(p -> !p.partitions().isEmpty())) {
            problems.add(Problem.at("BLUEPRINT-REF", "$.projects", "projects use partitions, but there is no "
                    + "cluster", "add a cluster, or remove the projects' partitions"));
        }
        if (b.cluster != null && b.profile == SecurityProfile.HARDENED && b.cycleCloud.publicIp()) {
            problems.add(Problem.at("BLUEPRINT-VALUE", "$.cycleCloud.publicIp", "a hardened environment gives the "
                    + "CycleCloud server no public IP", "remove publicIp and reach it through Bastion, or use "
                    + "profile: baseline"));
        }
        Set<String> projectNames = new HashSet<>();
        for (int i = 0; i < b.projects.size(); i++) {
            Project p = b.projects.get(i);
            if (!projectNames.add(p.name())) {
                problems.add(Problem.at("BLUEPRINT-VALUE", "$.projects[" + i + "].name", "project '" + p.name()
                        + "' is declared twice", "give each project its own name"));
            }
            for (int j = 0; j < p.partitions().size(); j++) {
                String part = p.partitions().get(j);
                if (b.cluster != null && b.cluster.partitions().stream().noneMatch(x -> x.name().equals(part))) {
                    problems.add(Problem.at("BLUEPRINT-REF", "$.projects[" + i + "].partitions[" + j + "]",
                            "project '" + p.name() + "' uses partition '" + part + "', which the cluster does "
                                    + "not have", "use one of " + b.partitionNames()));
                }
            }
        }
        Set<String> mounts = new HashSet<>();
        Map<Class<?>, Integer> kinds = new LinkedHashMap<>();
        for (int i = 0; i < b.storage.size(); i++) {
            SharedStorage s = b.storage.get(i);
            if (kinds.merge(s.getClass(), 1, Integer::sum) > 1) {
                problems.add(Problem.at("BLUEPRINT-VALUE", "$.storage", "more than one "
                        + s.getClass().getSimpleName() + " storage", "declare each kind once"));
            }
            if (!s.mountPoint().isEmpty() && !mounts.add(s.mountPoint())) {
                problems.add(Problem.at("BLUEPRINT-VALUE", "$.storage", "two storages mount at "
                        + s.mountPoint(), "give each its own mount point"));
            }
        }
        Set<String> instanceNames = new HashSet<>();
        for (int i = 0; i < b.instances.size(); i++) {
            ResearchInstance r = b.instances.get(i);
            if (!instanceNames.add(r.name())) {
                problems.add(Problem.at("BLUEPRINT-VALUE", "$.researchInstances[" + i + "].name",
                        "research instance '" + r.name() + "' is declared twice", "rename one"));
            }
            if (!r.project().isEmpty() && !projectNames.contains(r.project())) {
                problems.add(Problem.at("BLUEPRINT-REF", "$.researchInstances[" + i + "].project",
                        "research instance '" + r.name() + "' belongs to project '" + r.project()
                                + "', which is not declared", "declare it under projects, or use one of "
                                + projectNames));
            }
            for (int j = 0; j < r.mounts().size(); j++) {
                if (!mounts.contains(r.mounts().get(j))) {
                    problems.add(Problem.at("BLUEPRINT-REF", "$.researchInstances[" + i + "].mounts[" + j + "]",
                            "mount " + r.mounts().get(j) + " is not a mount point of the environment's storage",
                            "use one of " + new TreeSet<>(mounts)));
                }
            }
        }
        if (b.cluster == null && b.instances.isEmpty()) {
            problems.add(Problem.at("BLUEPRINT-VALUE", "$", "the blueprint has neither a cluster nor research "
                    + "instances", "add a cluster or researchInstances"));
        }
    }
}
