package io.github.hpcblueprints.hpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A Slurm cluster run by CycleCloud: a scheduler, login nodes, and partitions that scale to zero. Idle nodes are
 * released after {@code idleReleaseSeconds} (Slurm's {@code SuspendTime}), set explicitly in every cluster.
 *
 * <pre>{@code
 * SlurmCluster.named("hpc").partition("htc", p -> p.vmSize("Standard_F2s_v2").maxNodes(16))
 * }</pre>
 */
public record SlurmCluster(String name, String slurmVersion, NodeSpec scheduler, NodeSpec login, int loginCount,
        int loginMax, List<Partition> partitions, int idleReleaseSeconds, Map<String, String> nodeTags,
        java.util.Optional<SlurmAccounting> accounting) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,30}");

    /** A fixed node (scheduler, login): VM size and image. */
    public record NodeSpec(String vmSize, NodeImage image) {
        public NodeSpec {
            Objects.requireNonNull(vmSize);
            Objects.requireNonNull(image);
        }
    }

    public SlurmCluster {
        Objects.requireNonNull(slurmVersion);
        Objects.requireNonNull(scheduler);
        Objects.requireNonNull(login);
        partitions = List.copyOf(partitions);
        nodeTags = Map.copyOf(nodeTags);
        Objects.requireNonNull(accounting);
        nodeTags.forEach(io.github.hpcblueprints.azure.Tags::check);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("cluster name '" + name + "' must be 2-31 lowercase letters, digits "
                    + "and hyphens, starting with a letter");
        }
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("cluster '" + name + "' needs at least one partition");
        }
        if (SlurmProject.releaseFor(slurmVersion).isEmpty()) {
            throw new IllegalArgumentException("Slurm " + slurmVersion + " is not installed by any CycleCloud Slurm "
                    + "project release this version knows; use one of " + String.join(", ",
                            SlurmProject.slurmVersions()));
        }
        if (idleReleaseSeconds < 60) {
            throw new IllegalArgumentException("cluster '" + name + "': idle release after " + idleReleaseSeconds
                    + " s is too short for Slurm to place the next job; use 60 s or more");
        }
        if (loginCount < 0 || loginMax < loginCount) {
            throw new IllegalArgumentException("cluster '" + name + "': login nodes " + loginCount + " (max "
                    + loginMax + ") are not a valid range");
        }
        long names = partitions.stream().map(Partition::name).distinct().count();
        if (names != partitions.size()) {
            throw new IllegalArgumentException("cluster '" + name + "' has two partitions with the same name");
        }
        if (partitions.stream().filter(Partition::defaultPartition).count() > 1) {
            throw new IllegalArgumentException("cluster '" + name + "' marks more than one default partition");
        }
    }

    /** The CycleCloud Slurm project release that installs this cluster's Slurm. */
    public String slurmProjectRelease() {
        return SlurmProject.releaseFor(slurmVersion).orElseThrow();
    }

    /** True when a node image of this cluster is sold under marketplace terms CycleCloud must accept. */
    public boolean needsMarketplaceTerms() {
        return scheduler.image().needsTermsAccepted() || login.image().needsTermsAccepted()
                || partitions.stream().anyMatch(p -> p.image().needsTermsAccepted());
    }

    /** The partition Slurm uses when a job names none: the one marked default, else the first. */
    public Partition defaultPartition() {
        return partitions.stream().filter(Partition::defaultPartition).findFirst().orElse(partitions.get(0));
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    /** Fluent construction for the Java DSL. */
    public static final class Builder {
        private final String name;
        private String slurmVersion = Defaults.SLURM_VERSION;
        private NodeSpec scheduler = new NodeSpec(Defaults.VM_SIZE, new NodeImage.CycleCloud(Defaults.NODE_IMAGE));
        private NodeSpec login = new NodeSpec(Defaults.VM_SIZE, new NodeImage.CycleCloud(Defaults.NODE_IMAGE));
        private int loginCount = Defaults.LOGIN_COUNT;
        private int loginMax = 2;
        private final List<Partition> partitions = new ArrayList<>();
        private int idleReleaseSeconds = Defaults.IDLE_RELEASE_MINUTES * 60;
        private Map<String, String> nodeTags = Map.of();
        private SlurmAccounting accounting;

        private Builder(String name) {
            this.name = name;
        }

        public Builder slurmVersion(String value) {
            this.slurmVersion = value;
            return this;
        }

        public Builder scheduler(String vmSize) {
            this.scheduler = new NodeSpec(vmSize, scheduler.image());
            return this;
        }

        public Builder login(String vmSize, int count, int max) {
            this.login = new NodeSpec(vmSize, login.image());
            this.loginCount = count;
            this.loginMax = max;
            return this;
        }

        public Builder image(NodeImage image) {
            this.scheduler = new NodeSpec(scheduler.vmSize(), image);
            this.login = new NodeSpec(login.vmSize(), image);
            return this;
        }

        public Builder idleReleaseSeconds(int seconds) {
            this.idleReleaseSeconds = seconds;
            return this;
        }

        public Builder nodeTags(Map<String, String> tags) {
            this.nodeTags = tags;
            return this;
        }

        /** Job accounting, with each project's budget enforced as a Slurm limit. */
        public Builder accounting(SlurmAccounting value) {
            this.accounting = value;
            return this;
        }

        /** Adds a partition configured by {@code spec}. */
        public Builder partition(String partitionName, UnaryOperator<PartitionBuilder> spec) {
            partitions.add(spec.apply(new PartitionBuilder(partitionName, scheduler.image())).build());
            return this;
        }

        public SlurmCluster build() {
            return new SlurmCluster(name, slurmVersion, scheduler, login, loginCount, loginMax, partitions,
                    idleReleaseSeconds, nodeTags, java.util.Optional.ofNullable(accounting));
        }
    }

    /** Fluent construction of one partition. */
    public static final class PartitionBuilder {
        private final String name;
        private String vmSize = "Standard_F2s_v2";
        private int maxNodes = 8;
        private boolean spot;
        private boolean hpc;
        private NodeImage image;
        private String alwaysOnReason = "";
        private boolean isDefault;

        private PartitionBuilder(String name, NodeImage image) {
            this.name = name;
            this.image = image;
        }

        public PartitionBuilder vmSize(String value) {
            this.vmSize = value;
            return this;
        }

        public PartitionBuilder maxNodes(int value) {
            this.maxNodes = value;
            return this;
        }

        public PartitionBuilder spot() {
            this.spot = true;
            return this;
        }

        public PartitionBuilder infiniband() {
            this.hpc = true;
            return this;
        }

        public PartitionBuilder image(NodeImage value) {
            this.image = value;
            return this;
        }

        public PartitionBuilder alwaysOn(String reason) {
            this.alwaysOnReason = reason;
            return this;
        }

        public PartitionBuilder isDefault() {
            this.isDefault = true;
            return this;
        }

        Partition build() {
            return new Partition(name, vmSize, maxNodes, spot, hpc, image, !alwaysOnReason.isEmpty(), alwaysOnReason,
                    isDefault);
        }
    }
}
