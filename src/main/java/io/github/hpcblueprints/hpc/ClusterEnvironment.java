package io.github.hpcblueprints.hpc;

import io.github.hpcblueprints.azure.Tags;
import io.github.hpcblueprints.azure.compute.VmSizes;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A secure research HPC environment on Azure: the root of the domain. Built from a YAML blueprint or in Java:
 *
 * <pre>{@code
 * ClusterEnvironment env = ClusterEnvironment.named("genomics")
 *     .region("uksouth").tag("owner", "research-computing")
 *     .network(n -> n.addressSpace("10.40.0.0/16"))
 *     .cluster(SlurmCluster.named("genomics").partition("htc", p -> p.vmSize("Standard_F4s_v2").maxNodes(32)).build())
 *     .storage(new SharedStorage.AzureFilesNfs("shared", 1024, "/shared", true, true))
 *     .build();
 * }</pre>
 *
 * {@link Builder#build()} fills in what the security profile implies (Bastion, private endpoints, diagnostics),
 * plans the subnets, and refuses an environment whose parts do not fit together, with every problem located by its
 * path in the blueprint.
 */
public final class ClusterEnvironment {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{1,9}");
    private static final Pattern REGION = Pattern.compile("[a-z][a-z0-9]{2,29}");

    private final String name;
    private final String region;
    private final Map<String, String> tags;
    private final SecurityProfile profile;
    private final Network network;
    private final String bastionSku;
    private final CycleCloudServer cycleCloud;
    private final SlurmCluster cluster;
    private final List<Project> projects;
    private final List<SharedStorage> storage;
    private final Access access;
    private final CostControls cost;
    private final List<ResearchInstance> instances;
    private final Governance governance;
    private final List<Suppression> suppressions;
    private final String source;

    private ClusterEnvironment(Builder b, Network network, String bastionSku, Governance governance) {
        this.name = b.name;
        this.region = b.region;
        this.tags = Map.copyOf(b.tags);
        this.profile = b.profile;
        this.network = network;
        this.bastionSku = bastionSku;
        this.cycleCloud = b.cluster != null ? b.cycleCloud : null;
        this.cluster = b.cluster;
        this.projects = List.copyOf(b.projects);
        this.storage = List.copyOf(b.storage);
        this.access = b.access;
        this.cost = b.cost;
        this.instances = List.copyOf(b.instances);
        this.governance = governance;
        this.suppressions = List.copyOf(b.suppressions);
        this.source = b.source;
        this.originalNetwork = b.networkSpec;
        this.originalGovernance = b.governanceSpec;
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public String region() {
        return region;
    }

    /** The blueprint's tags (owner, and any the organisation adds). */
    public Map<String, String> tags() {
        return tags;
    }

    public SecurityProfile profile() {
        return profile;
    }

    public Network network() {
        return network;
    }

    /** The Bastion SKU ({@code Basic}, {@code Standard}), or empty for none. */
    public String bastionSku() {
        return bastionSku;
    }

    public Optional<CycleCloudServer> cycleCloud() {
        return Optional.ofNullable(cycleCloud);
    }

    public Optional<SlurmCluster> cluster() {
        return Optional.ofNullable(cluster);
    }

    public List<Project> projects() {
        return projects;
    }

    public List<SharedStorage> storage() {
        return storage;
    }

    public <T extends SharedStorage> Optional<T> storage(Class<T> kind) {
        return storage.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    public Access access() {
        return access;
    }

    public CostControls cost() {
        return cost;
    }

    public List<ResearchInstance> instances() {
        return instances;
    }

    public Governance governance() {
        return governance;
    }

    public List<Suppression> suppressions() {
        return suppressions;
    }

    /** Where the environment came from (a blueprint file name, or "java"), stamped into generated files. */
    public String source() {
        return source;
    }

    /** The projects using a partition (node arrays are per project and partition). */
    public List<Project> projectsUsing(String partition) {
        return projects.stream().filter(p -> p.partitions().contains(partition)).toList();
    }

    /** A copy with another security profile (the CLI's {@code --profile} override). */
    public ClusterEnvironment withProfile(SecurityProfile newProfile) {
        return toBuilder().profile(newProfile).build();
    }

    Builder toBuilder() {
        Builder b = new Builder(name);
        b.region = region;
        b.tags.putAll(tags);
        b.profile = profile;
        b.networkSpec = originalNetwork;
        b.cycleCloud = cycleCloud != null ? cycleCloud : CycleCloudServer.defaults();
        b.cluster = cluster;
        b.projects.addAll(projects);
        b.storage.addAll(storage);
        b.access = access;
        b.cost = cost;
        b.instances.addAll(instances);
        b.governanceSpec = originalGovernance;
        b.suppressions.addAll(suppressions);
        b.source = source;
        return b;
    }

    /** What the builder was given, so {@link #withProfile} re-derives profile-dependent defaults from it. */
    private final NetworkBuilder originalNetwork;
    private final Governance originalGovernance;

    /** Collects the parts; see the class comment. */
    public static final class Builder {
        private final String name;
        private String region = "";
        private final Map<String, String> tags = new TreeMap<>();
        private SecurityProfile profile = SecurityProfile.HARDENED;
        private NetworkBuilder networkSpec = new NetworkBuilder();
        private CycleCloudServer cycleCloud = CycleCloudServer.defaults();
        private SlurmCluster cluster;
        private final List<Project> projects = new ArrayList<>();
        private final List<SharedStorage> storage = new ArrayList<>();
        private Access access = Access.defaults();
        private CostControls cost = CostControls.defaults();
        private final List<ResearchInstance> instances = new ArrayList<>();
        private Governance governanceSpec;
        private final List<Suppression> suppressions = new ArrayList<>();
        private String source = "java";

        private Builder(String name) {
            this.name = Objects.requireNonNull(name);
        }

        public Builder region(String value) {
            this.region = value;
            return this;
        }

        public Builder tag(String key, String value) {
            Tags.check(key, value);
            tags.put(key, value);
            return this;
        }

        public Builder tags(Map<String, String> values) {
            values.forEach(this::tag);
            return this;
        }

        public Builder profile(SecurityProfile value) {
            this.profile = Objects.requireNonNull(value);
            return this;
        }

        public Builder network(UnaryOperator<NetworkBuilder> spec) {
            this.networkSpec = spec.apply(new NetworkBuilder());
            return this;
        }

        public Builder cycleCloud(CycleCloudServer value) {
            this.cycleCloud = Objects.requireNonNull(value);
            return this;
        }

        public Builder cluster(SlurmCluster value) {
            this.cluster = value;
            return this;
        }

        public Builder project(Project value) {
            projects.add(value);
            return this;
        }

        public Builder storage(SharedStorage value) {
            storage.add(value);
            return this;
        }

        public Builder access(Access value) {
            this.access = Objects.requireNonNull(value);
            return this;
        }

        public Builder cost(CostControls value) {
            this.cost = Objects.requireNonNull(value);
            return this;
        }

        public Builder instance(ResearchInstance value) {
            instances.add(value);
            return this;
        }

        public Builder governance(Governance value) {
            this.governanceSpec = value;
            return this;
        }

        public Builder suppress(Suppression value) {
            suppressions.add(value);
            return this;
        }

        public Builder source(String value) {
            this.source = value;
            return this;
        }

        /** The environment, or a {@link BlueprintException} listing every problem by blueprint path. */
        public ClusterEnvironment build() {
            List<Problem> problems = new ArrayList<>();
            check(problems);
            Network network = networkSpec.resolve(this, problems);
            String bastion = networkSpec.bastionSku(profile);
            Governance governance = governanceSpec != null ? governanceSpec : defaultGovernance();
            checkGuardRails(governance, problems);
            if (!problems.isEmpty()) {
                throw new BlueprintException(problems);
            }
            return new ClusterEnvironment(this, network, bastion, governance);
        }

        private Governance defaultGovernance() {
            boolean hardened = profile == SecurityProfile.HARDENED;
            return new Governance(region.isEmpty() ? List.of() : List.of(region), List.of(),
                    List.of("project", "owner", "environment"), false, hardened ? 90 : 0, hardened);
        }

        /**
         * The environment must pass its own policies: a size outside allowedVmSizes would deploy, then every node
         * CycleCloud starts would be denied.
         */
        private void checkGuardRails(Governance g, List<Problem> problems) {
            if (!g.allowedLocations().isEmpty() && REGION.matcher(region).matches()
                    && g.allowedLocations().stream().noneMatch(region::equalsIgnoreCase)) {
                problems.add(Problem.at("BLUEPRINT-POLICY", "$.region", "region '" + region + "' is not in "
                        + "governance.allowedLocations " + g.allowedLocations(), "use one of them, or add the region "
                        + "to allowedLocations"));
            }
            Map<String, String> used = vmSizesUsed();
            // a size Azure does not offer fails when the VM is created; one newer than the shipped list is accepted
            // where the organisation vouches for it in allowedVmSizes
            used.forEach((path, size) -> {
                if (!VmSizes.known(size) && g.allowedVmSizes().stream().noneMatch(size::equalsIgnoreCase)) {
                    String guess = VmSizes.closest(size);
                    problems.add(Problem.at("BLUEPRINT-VALUE", path, "VM size " + size + " is not a size Azure "
                            + "offers (hpc-blueprints' list of " + VmSizes.LIST_DATE + ")", (guess.isEmpty() ? ""
                            : "did you mean " + guess + "? ") + "If Azure has it (az vm list-sizes -l " + region
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
        private Map<String, String> vmSizesUsed() {
            Map<String, String> used = new LinkedHashMap<>();
            if (cluster != null) {
                used.put("$.cycleCloud.vmSize", cycleCloud.vmSize());
                used.put("$.cluster.scheduler.vmSize", cluster.scheduler().vmSize());
                used.put("$.cluster.login.vmSize", cluster.login().vmSize());
                for (int i = 0; i < cluster.partitions().size(); i++) {
                    used.put("$.cluster.partitions[" + i + "].vmSize", cluster.partitions().get(i).vmSize());
                }
            }
            for (int i = 0; i < instances.size(); i++) {
                used.put("$.researchInstances[" + i + "].vmSize", instances.get(i).vmSize());
            }
            return used;
        }

        private void check(List<Problem> problems) {
            if (!NAME.matcher(name).matches()) {
                problems.add(Problem.at("BLUEPRINT-VALUE", "$.name", "name '" + name + "' must be 2-10 lowercase "
                        + "letters and digits, starting with a letter (it becomes part of every resource name)",
                        "for example: genomics"));
            }
            if (!REGION.matcher(region).matches()) {
                problems.add(Problem.at("BLUEPRINT-VALUE", "$.region", region.isEmpty() ? "region is missing"
                        : "region '" + region + "' is not an Azure region name", "use a name such as uksouth or "
                        + "westeurope (az account list-locations -o table)"));
            }
            if (!tags.containsKey("owner") || tags.get("owner").isBlank()) {
                problems.add(Problem.at("BLUEPRINT-VALUE", "$.tags", "tags.owner is missing: every resource "
                        + "carries an owner so its cost can be traced", "add tags: {owner: <team or person>}"));
            }
            if (cluster == null && !projects.isEmpty() && projects.stream().anyMatch(p -> !p.partitions().isEmpty())) {
                problems.add(Problem.at("BLUEPRINT-REF", "$.projects", "projects use partitions, but there is no "
                        + "cluster", "add a cluster, or remove the projects' partitions"));
            }
            if (cluster != null && profile == SecurityProfile.HARDENED && cycleCloud.publicIp()) {
                problems.add(Problem.at("BLUEPRINT-VALUE", "$.cycleCloud.publicIp", "a hardened environment gives the "
                        + "CycleCloud server no public IP", "remove publicIp and reach it through Bastion, or use "
                        + "profile: baseline"));
            }
            Set<String> projectNames = new HashSet<>();
            for (int i = 0; i < projects.size(); i++) {
                Project p = projects.get(i);
                if (!projectNames.add(p.name())) {
                    problems.add(Problem.at("BLUEPRINT-VALUE", "$.projects[" + i + "].name", "project '" + p.name()
                            + "' is declared twice", "give each project its own name"));
                }
                for (int j = 0; j < p.partitions().size(); j++) {
                    String part = p.partitions().get(j);
                    if (cluster != null && cluster.partitions().stream().noneMatch(x -> x.name().equals(part))) {
                        problems.add(Problem.at("BLUEPRINT-REF", "$.projects[" + i + "].partitions[" + j + "]",
                                "project '" + p.name() + "' uses partition '" + part + "', which the cluster does "
                                        + "not have", "use one of " + partitionNames()));
                    }
                }
            }
            Set<String> mounts = new HashSet<>();
            Map<Class<?>, Integer> kinds = new LinkedHashMap<>();
            for (int i = 0; i < storage.size(); i++) {
                SharedStorage s = storage.get(i);
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
            for (int i = 0; i < instances.size(); i++) {
                ResearchInstance r = instances.get(i);
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
            if (cluster == null && instances.isEmpty()) {
                problems.add(Problem.at("BLUEPRINT-VALUE", "$", "the blueprint has neither a cluster nor research "
                        + "instances", "add a cluster or researchInstances"));
            }
        }

        private List<String> partitionNames() {
            return cluster == null ? List.of() : cluster.partitions().stream().map(Partition::name).toList();
        }

        /** Node count the compute subnet must hold: every node array at its maximum, plus fixed nodes. */
        long maxComputeHosts() {
            long hosts = instances.size();
            if (cluster != null) {
                hosts += 1 + cluster.loginMax();
                for (Partition p : cluster.partitions()) {
                    long arrays = Math.max(1, projects.stream().filter(x -> x.partitions().contains(p.name())).count());
                    hosts += arrays * p.maxNodes();
                }
            }
            return hosts;
        }

        boolean needsLustre() {
            return storage.stream().anyMatch(s -> s instanceof SharedStorage.Lustre);
        }

        int lustreCapacity() {
            return storage.stream().filter(s -> s instanceof SharedStorage.Lustre)
                    .mapToInt(s -> ((SharedStorage.Lustre) s).capacityTiB()).findFirst().orElse(0);
        }

        boolean usesAzureFiles() {
            return storage.stream().anyMatch(x -> x instanceof SharedStorage.AzureFilesNfs);
        }

        boolean needsNetApp() {
            return storage.stream().anyMatch(s -> s instanceof SharedStorage.NetAppFiles);
        }

        SecurityProfile profile() {
            return profile;
        }

        boolean hasCluster() {
            return cluster != null;
        }
    }
}
