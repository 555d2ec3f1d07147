package io.github.hpcblueprints.hpc;

import io.github.hpcblueprints.azure.Tags;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

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
    /** Set once by {@link Builder#build()}, which refuses an environment whose limits cannot be computed. */
    private AccountingLimits accountingLimits;

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

    /**
     * With Slurm accounting, each project's budget as Slurm limits, from the shipped price table; empty without
     * accounting.
     */
    public Optional<AccountingLimits> accountingLimits() {
        return Optional.ofNullable(accountingLimits);
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
        final String name;
        String region = "";
        final Map<String, String> tags = new TreeMap<>();
        SecurityProfile profile = SecurityProfile.HARDENED;
        NetworkBuilder networkSpec = new NetworkBuilder();
        CycleCloudServer cycleCloud = CycleCloudServer.defaults();
        SlurmCluster cluster;
        final List<Project> projects = new ArrayList<>();
        final List<SharedStorage> storage = new ArrayList<>();
        Access access = Access.defaults();
        CostControls cost = CostControls.defaults();
        final List<ResearchInstance> instances = new ArrayList<>();
        Governance governanceSpec;
        final List<Suppression> suppressions = new ArrayList<>();
        String source = "java";

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
            EnvironmentChecks.check(this, problems);
            Network network = networkSpec.resolve(this, problems);
            String bastion = networkSpec.bastionSku(profile, hasCluster());
            Governance governance = governanceSpec != null ? governanceSpec : defaultGovernance();
            EnvironmentChecks.guardRails(this, governance, problems);
            if (!problems.isEmpty()) {
                throw new BlueprintException(problems);
            }
            ClusterEnvironment env = new ClusterEnvironment(this, network, bastion, governance);
            if (cluster != null && cluster.accounting().isPresent()) {
                try {
                    env.accountingLimits = AccountingLimits.of(env, io.github.hpcblueprints.cost.PriceTable.shipped());
                } catch (IllegalArgumentException e) {
                    throw new BlueprintException(Problem.at("BLUEPRINT-VALUE", "$.cluster.accounting",
                            "accounting limits cannot be computed: " + e.getMessage(), "accounting turns budgets "
                                    + "into Slurm limits from the shipped price table; choose sizes and a region it "
                                    + "prices, or leave accounting off"));
                }
            }
            return env;
        }

        private Governance defaultGovernance() {
            boolean hardened = profile == SecurityProfile.HARDENED;
            return new Governance(region.isEmpty() ? List.of() : List.of(region), List.of(),
                    List.of("project", "owner", "environment"), false, hardened ? 90 : 0, hardened);
        }

        List<String> partitionNames() {
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

        boolean needsAccountingDatabase() {
            return cluster != null && cluster.accounting().isPresent();
        }

        SecurityProfile profile() {
            return profile;
        }

        boolean hasCluster() {
            return cluster != null;
        }
    }
}
