package io.github.hpcblueprints.hpc;

import io.github.hpcblueprints.azure.compute.VmSizes;
import io.github.hpcblueprints.cost.Meter;
import io.github.hpcblueprints.cost.PriceTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Each project's monthly budget as the Slurm limits that enforce it. Slurm counts CPU-minutes, but a CPU-minute
 * costs a different amount in each partition, so every partition gets a QOS whose {@code UsageFactor} is its price
 * per CPU-minute over the cheapest partition's: a minute on a dear CPU counts for more. A project's account then
 * gets {@code GrpTRESMins=cpu=N}, where N is what its budget buys in the cheapest partition's CPU-minutes, after
 * what its research instances will cost this month. Usage is reset monthly and never decays, so the limit is the
 * month's allowance; with {@code safe} enforcement a job starts only if it can finish inside what is left, and
 * otherwise waits with the reason {@code AssocGrpCPUMinutesLimit}.
 *
 * <p>Prices come from the shipped price table and are in its currency; budgets are in the billing currency. The
 * limits assume the two are the same, and every document that prints them says so.
 *
 * @param reference the cheapest price of one CPU-minute among the partitions (the unit of every limit)
 */
public record AccountingLimits(String currency, String priceDate, BigDecimal reference,
        List<PartitionRate> partitions, List<ProjectLimit> projects) {

    /** Usage factors are written with this many decimals (Slurm keeps a double). */
    static final int FACTOR_SCALE = 4;

    /**
     * A partition's price, and the QOS that charges it.
     *
     * @param perCpuMinute its node-hour price over 60 and over the node's vCPUs
     * @param usageFactor {@code perCpuMinute / reference}, to {@value #FACTOR_SCALE} decimals
     */
    public record PartitionRate(String partition, String vmSize, int vcpus, boolean spot, BigDecimal nodeHour,
            BigDecimal perCpuMinute, BigDecimal usageFactor) {

        /** The QOS jobs in this partition (and in its project partitions) run under. */
        public String qos() {
            return "part-" + partition;
        }
    }

    /**
     * One project's account and its limits.
     *
     * @param instances what the project's research instances will cost this month (taken from the budget first)
     * @param forJobs what is left for jobs: {@code budget - instances}, never below zero
     * @param grpCpuMinutes {@code floor(forJobs / reference)}: the account's {@code GrpTRESMins=cpu=}; -1 (no limit)
     *     for a project without a budget, which HPCB-COST-002 reports instead
     * @param maxCpuMinutesPerJob {@code maxJobCoreHours * 60}: the account's {@code MaxTRESMinsPerJob=cpu=}, 0 for none
     * @param partitions the partitions (and so the QOS) its jobs may be charged in: all of the cluster's
     * @param cheapestJob what the smallest job it can run costs: one node-hour of its cheapest partition, or, with a
     *     per-job cap, the cap spent at that partition's price
     */
    public record ProjectLimit(String project, long budget, BigDecimal instances, BigDecimal forJobs,
            long grpCpuMinutes, long maxCpuMinutesPerJob, List<String> partitions, List<String> members,
            BigDecimal cheapestJob) {

        /** Whether the account has a limit (the project has a budget). */
        public boolean limited() {
            return grpCpuMinutes >= 0;
        }

        public ProjectLimit {
            partitions = List.copyOf(partitions);
            members = List.copyOf(members);
        }
    }

    public AccountingLimits {
        partitions = List.copyOf(partitions);
        projects = List.copyOf(projects);
    }

    /**
     * The limits of an environment with accounting. Refused (with what to do) when the price table has no price for
     * a partition's size in the region or a size's vCPUs cannot be read: a guessed limit would stop work, or not
     * stop spending.
     */
    public static AccountingLimits of(ClusterEnvironment env, PriceTable prices) {
        SlurmCluster cluster = env.cluster().orElseThrow(() -> new IllegalArgumentException("no cluster"));
        List<PartitionRate> raw = new ArrayList<>();
        for (Partition p : cluster.partitions()) {
            Meter meter = p.spot() ? Meter.VM_SPOT : Meter.VM;
            BigDecimal nodeHour = prices.price(env.region(), meter, p.vmSize()).orElseThrow(() ->
                    new IllegalArgumentException("partition " + p.name() + ": the price table (" + prices.asOf()
                            + ") has no " + meter.id() + " price for " + p.vmSize() + " in " + env.region()
                            + "; accounting limits are computed from prices, so add it to the table or choose a size "
                            + "and region it prices"));
            int vcpus = VmSizes.vcpus(p.vmSize()).orElseThrow(() -> new IllegalArgumentException("partition "
                    + p.name() + ": the vCPUs of " + p.vmSize() + " cannot be read from its name"));
            BigDecimal perCpuMinute = nodeHour.divide(BigDecimal.valueOf(60L * vcpus), 12, RoundingMode.HALF_UP);
            raw.add(new PartitionRate(p.name(), p.vmSize(), vcpus, p.spot(), nodeHour, perCpuMinute, BigDecimal.ONE));
        }
        PartitionRate ref = raw.stream().min((a, b) -> a.perCpuMinute().compareTo(b.perCpuMinute())).orElseThrow();
        BigDecimal reference = ref.perCpuMinute();
        // exact ratios of prices and vCPU counts, rounded once at the end
        List<PartitionRate> rates = raw.stream().map(r -> new PartitionRate(r.partition(), r.vmSize(), r.vcpus(),
                r.spot(), r.nodeHour(), r.perCpuMinute(), r.nodeHour().multiply(BigDecimal.valueOf(ref.vcpus()))
                        .divide(ref.nodeHour().multiply(BigDecimal.valueOf(r.vcpus())), FACTOR_SCALE,
                                RoundingMode.HALF_UP))).toList();
        List<ProjectLimit> projects = new ArrayList<>();
        for (Project p : env.projects()) {
            BigDecimal instances = BigDecimal.ZERO;
            for (ResearchInstance r : env.instances()) {
                if (r.project().equals(p.name())) {
                    BigDecimal hours = PriceTable.monthlyHours(r.autoShutdown().enabled());
                    instances = instances.add(prices.price(env.region(), Meter.VM, r.vmSize()).orElseThrow(() ->
                            new IllegalArgumentException("research instance " + r.name() + ": the price table ("
                                    + prices.asOf() + ") has no price for " + r.vmSize() + " in " + env.region()
                                    + "; the project's limit subtracts what its instances cost"))
                            .multiply(hours));
                }
            }
            BigDecimal forJobs = BigDecimal.valueOf(p.budget()).subtract(instances).max(BigDecimal.ZERO);
            // members charge the project in every partition: the shared ones (their default account) and the
            // project's own copies of them
            Set<String> allowed = new LinkedHashSet<>(cluster.partitions().stream().map(Partition::name).toList());
            PartitionRate cheapest = rates.stream().filter(r -> allowed.contains(r.partition()))
                    .min((a, b) -> a.nodeHour().compareTo(b.nodeHour())).orElseThrow();
            BigDecimal cheapestJob = p.maxJobCoreHours() > 0
                    ? cheapest.nodeHour().multiply(BigDecimal.valueOf(p.maxJobCoreHours()))
                            .divide(BigDecimal.valueOf(cheapest.vcpus()), 12, RoundingMode.HALF_UP)
                    : cheapest.nodeHour();
            projects.add(new ProjectLimit(p.name(), p.budget(), instances, forJobs,
                    p.budget() == 0 ? -1 : forJobs.multiply(BigDecimal.valueOf(60L * ref.vcpus()))
                            .divide(ref.nodeHour(), 0, RoundingMode.DOWN).longValueExact(), p.maxJobCoreHours() * 60L,
                    List.copyOf(allowed), p.members(), cheapestJob.setScale(2, RoundingMode.HALF_UP)));
        }
        return new AccountingLimits(prices.currency(), prices.asOf(), reference, rates, projects);
    }

    /** The partition whose CPU-minute is the unit of every limit (usage factor 1). */
    public PartitionRate referenceRate() {
        return partitions.stream().filter(r -> r.perCpuMinute().compareTo(reference) == 0).findFirst().orElseThrow();
    }

    /** The rate of one partition. */
    public Optional<PartitionRate> rate(String partition) {
        return partitions.stream().filter(r -> r.partition().equals(partition)).findFirst();
    }
}
