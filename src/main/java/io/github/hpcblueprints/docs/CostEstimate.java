package io.github.hpcblueprints.docs;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.cost.Meter;
import io.github.hpcblueprints.cost.PriceTable;
import io.github.hpcblueprints.deploy.PlannedResource;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.Partition;
import io.github.hpcblueprints.hpc.SlurmCluster;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An estimate of what an environment costs a month, from the resources its templates deploy (evaluated as the
 * local plan evaluates them), the nodes CycleCloud creates, and a {@link PriceTable}. Three parts, because they
 * are paid differently: what runs all month whether or not anyone works (the CycleCloud server, the scheduler,
 * storage by provisioned size, Bastion, NAT); research instances, which a daily shutdown stops and users start;
 * and the nodes of each partition, paid by the node-hour while jobs run. An estimate: list prices, no discounts,
 * usage-billed services (Blob capacity and transactions, logs, traffic) left out and named.
 *
 * @param fixed what runs all month (730 hours)
 * @param daytime research instances with a daily shutdown, counted at {@link PriceTable#DAYTIME_HOURS} a month
 * @param nodes the price of one node-hour of each partition, and of the partition at full size all month
 * @param unpriced what the table has no price for here (the estimate leaves it out and says so)
 * @param budget the environment's monthly budget (0 when none)
 * @param idleReleaseMinutes how long an idle node runs before CycleCloud releases it (0 without a cluster)
 */
public record CostEstimate(String region, String currency, String asOf, String source, List<Line> fixed,
        List<Line> daytime, List<NodeRate> nodes, List<String> unpriced, long budget, int idleReleaseMinutes) {

    /** A disk whose size the template leaves to the image: Azure's Linux marketplace images are 30 GiB. */
    private static final int IMAGE_OS_DISK_GIB = 30;
    private static final int[][] PREMIUM_TIERS = {{4, 32}, {6, 64}, {10, 128}, {15, 256}, {20, 512}, {30, 1024}};

    /**
     * One priced item.
     *
     * @param quantity how many units of {@code unit} a month (hours, GiB, TiB-hours ...)
     */
    public record Line(String item, String sku, BigDecimal quantity, String unit, BigDecimal unitPrice,
            BigDecimal monthly) {
    }

    /** A partition's price per node-hour, and what it costs when every node runs all month (the ceiling). */
    public record NodeRate(String partition, String vmSize, boolean spot, int maxNodes, BigDecimal hourly,
            BigDecimal fullMonth) {
    }

    public CostEstimate {
        fixed = List.copyOf(fixed);
        daytime = List.copyOf(daytime);
        nodes = List.copyOf(nodes);
        unpriced = List.copyOf(unpriced);
    }

    /** Estimates the deployed resources and the cluster's nodes with the prices of the environment's region. */
    public static CostEstimate of(Map<String, PlannedResource> resources, ClusterEnvironment env, PriceTable prices) {
        String region = env.region();
        List<Line> fixed = new ArrayList<>();
        List<Line> daytime = new ArrayList<>();
        List<String> unpriced = new ArrayList<>();
        Pricer p = new Pricer(prices, region, unpriced);
        for (PlannedResource r : resources.values()) {
            JsonNode body = r.body();
            switch (r.type().toLowerCase(Locale.ROOT)) {
                case "microsoft.compute/virtualmachines" -> {
                    String size = body.path("properties").path("hardwareProfile").path("vmSize").asText("");
                    boolean stopsDaily = stopsDaily(r, resources);
                    BigDecimal hours = PriceTable.monthlyHours(stopsDaily);
                    List<Line> into = stopsDaily ? daytime : fixed;
                    p.line(into, "VM " + r.name(), Meter.VM, size, hours);
                    String tier = diskTier(body.path("properties").path("storageProfile").path("osDisk"));
                    p.line(into, "OS disk of " + r.name(), Meter.DISK, tier, BigDecimal.ONE);
                }
                case "microsoft.network/bastionhosts" -> p.line(fixed, "Bastion " + r.name(), Meter.BASTION,
                        body.path("sku").path("name").asText("Basic"), PriceTable.HOURS_PER_MONTH);
                case "microsoft.network/natgateways" -> p.line(fixed, "NAT gateway " + r.name(), Meter.NAT_GATEWAY,
                        body.path("sku").path("name").asText("Standard"), PriceTable.HOURS_PER_MONTH);
                case "microsoft.network/publicipaddresses" -> p.line(fixed, "public IP " + r.name(),
                        Meter.PUBLIC_IP, body.path("sku").path("name").asText("Basic"), PriceTable.HOURS_PER_MONTH);
                case "microsoft.network/privateendpoints" -> p.line(fixed, "private endpoint " + r.name(),
                        Meter.PRIVATE_ENDPOINT, "Standard", PriceTable.HOURS_PER_MONTH);
                case "microsoft.storage/storageaccounts/fileservices/shares" -> {
                    if (premium(r, resources)) {
                        // premium shares are billed by provisioned size, at least 100 GiB
                        int quota = Math.max(100, body.path("properties").path("shareQuota").asInt(100));
                        p.line(fixed, "Azure Files share " + r.name(), Meter.FILES_PREMIUM, "provisioned",
                                BigDecimal.valueOf(quota));
                    }
                }
                case "microsoft.netapp/netappaccounts/capacitypools" -> {
                    long bytes = body.path("properties").path("size").asLong(0);
                    p.line(fixed, "NetApp capacity pool " + r.name(), Meter.NETAPP,
                            body.path("properties").path("serviceLevel").asText(""),
                            BigDecimal.valueOf(bytes / (1024L * 1024 * 1024)));
                }
                case "microsoft.dbformysql/flexibleservers" -> {
                    p.line(fixed, "MySQL server " + r.name(), Meter.MYSQL, body.path("sku").path("name").asText(""),
                            PriceTable.HOURS_PER_MONTH);
                    p.line(fixed, "MySQL storage of " + r.name(), Meter.MYSQL_STORAGE, "provisioned",
                            BigDecimal.valueOf(body.path("properties").path("storage").path("storageSizeGB")
                                    .asInt(20)));
                }
                case "microsoft.storagecache/amlfilesystems" -> {
                    int tib = body.path("properties").path("storageCapacityTiB").asInt(0);
                    p.line(fixed, "Managed Lustre " + r.name(), Meter.LUSTRE, body.path("sku").path("name")
                            .asText(""), PriceTable.HOURS_PER_MONTH.multiply(BigDecimal.valueOf(tib)));
                }
                default -> {
                    // priced by use (storage accounts, logs, Key Vault) or free (networks, identities, roles)
                }
            }
        }
        List<NodeRate> nodes = new ArrayList<>();
        Optional<SlurmCluster> cluster = env.cluster();
        cluster.ifPresent(c -> {
            p.line(fixed, "scheduler node (while the cluster runs)", Meter.VM, c.scheduler().vmSize(),
                    PriceTable.HOURS_PER_MONTH);
            if (c.loginCount() > 0) {
                p.line(fixed, "login node" + (c.loginCount() == 1 ? "" : "s x" + c.loginCount()), Meter.VM,
                        c.login().vmSize(), PriceTable.HOURS_PER_MONTH.multiply(BigDecimal.valueOf(c.loginCount())));
            }
            for (Partition part : c.partitions()) {
                Meter meter = part.spot() ? Meter.VM_SPOT : Meter.VM;
                Optional<BigDecimal> hourly = p.price(meter, part.vmSize(), "partition " + part.name());
                hourly.ifPresent(h -> nodes.add(new NodeRate(part.name(), part.vmSize(), part.spot(), part.maxNodes(),
                        h, h.multiply(PriceTable.HOURS_PER_MONTH).multiply(BigDecimal.valueOf(part.maxNodes())))));
            }
        });
        return new CostEstimate(region, prices.currency(), prices.asOf(), prices.source(), fixed, daytime, nodes,
                unpriced, env.cost().budget(), cluster.map(c -> c.idleReleaseSeconds() / 60).orElse(0));
    }

    /** What runs all month. */
    public BigDecimal fixedTotal() {
        return fixed.stream().map(Line::monthly).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Research instances at {@link PriceTable#DAYTIME_HOURS}. */
    public BigDecimal daytimeTotal() {
        return daytime.stream().map(Line::monthly).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What the budget leaves for node-hours once the fixed part and the instances are paid (may be negative). */
    public BigDecimal leftForNodes() {
        return BigDecimal.valueOf(budget).subtract(fixedTotal()).subtract(daytimeTotal());
    }

    /** Whole node-hours of one partition that {@link #leftForNodes()} buys (0 when nothing is left). */
    public long nodeHoursLeft(NodeRate rate) {
        BigDecimal left = leftForNodes();
        if (left.signum() <= 0 || rate.hourly().signum() == 0) {
            return 0;
        }
        return left.divide(rate.hourly(), 0, RoundingMode.DOWN).longValueExact();
    }

    /** What one node costs while it waits, idle, to be released: its hourly price for the idle-release time. */
    public BigDecimal idleTail(NodeRate rate) {
        return rate.hourly().multiply(BigDecimal.valueOf(idleReleaseMinutes)).divide(BigDecimal.valueOf(60), 6,
                RoundingMode.HALF_UP);
    }

    /** An amount as the estimate prints it: the currency, two decimals, thousands separated. */
    public String money(BigDecimal amount) {
        return currency + " " + String.format(Locale.ROOT, "%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
    }

    private static boolean stopsDaily(PlannedResource vm, Map<String, PlannedResource> resources) {
        return resources.values().stream().anyMatch(s -> s.type().equalsIgnoreCase("Microsoft.DevTestLab/schedules")
                && s.body().path("properties").path("status").asText("").equals("Enabled")
                && s.body().path("properties").path("targetResourceId").asText("").equalsIgnoreCase(vm.id()));
    }

    /** The premium SSD tier a disk is billed as: the smallest that holds its size. */
    static String diskTier(JsonNode osDisk) {
        int gib = osDisk.path("diskSizeGB").asInt(IMAGE_OS_DISK_GIB);
        for (int[] tier : PREMIUM_TIERS) {
            if (gib <= tier[1]) {
                return "P" + tier[0];
            }
        }
        return "P30+";
    }

    private static boolean premium(PlannedResource share, Map<String, PlannedResource> resources) {
        String accountId = share.id().substring(0, share.id().toLowerCase(Locale.ROOT).indexOf("/fileservices/"));
        return resources.values().stream().filter(r -> r.id().equalsIgnoreCase(accountId)).findFirst()
                .map(a -> a.body().path("sku").path("name").asText("").startsWith("Premium")).orElse(false);
    }

    /** Looks prices up, noting each item the table cannot price. */
    private record Pricer(PriceTable prices, String region, List<String> unpriced) {

        Optional<BigDecimal> price(Meter meter, String sku, String item) {
            Optional<BigDecimal> unit = prices.price(region, meter, sku);
            if (unit.isEmpty()) {
                unpriced.add(item + " (" + meter.id() + " " + (sku.isEmpty() ? "of unknown SKU" : sku) + " in "
                        + region + ")");
            }
            return unit;
        }

        void line(List<Line> into, String item, Meter meter, String sku, BigDecimal quantity) {
            price(meter, sku, item).ifPresent(unit -> into.add(new Line(item, sku, quantity, unitOf(meter), unit,
                    unit.multiply(quantity))));
        }

        private static String unitOf(Meter meter) {
            return switch (meter.unit()) {
                case "hour" -> "hours";
                case "month" -> "month";
                case "GiB-month" -> "GiB";
                default -> meter.unit() + "s";
            };
        }
    }
}
