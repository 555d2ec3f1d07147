package io.github.hpcblueprints.azure.storagecache;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.Names;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import io.github.hpcblueprints.azure.authorization.BuiltInRole;
import io.github.hpcblueprints.azure.authorization.PrincipalType;
import io.github.hpcblueprints.azure.authorization.RoleAssignment;
import io.github.hpcblueprints.azure.network.Cidr;
import io.github.hpcblueprints.azure.network.Subnet;
import io.github.hpcblueprints.azure.storage.BlobContainer;
import io.github.hpcblueprints.azure.storage.StorageAccount;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An Azure Managed Lustre file system ({@code Microsoft.StorageCache/amlFilesystems}): the cluster's parallel
 * scratch, linked to a Blob container so data moves on and off.
 *
 * <p>The link ("HSM") imports names and metadata from the container at creation (contents on first access); new
 * or changed files reach Blob only through export, so pair it with an {@link AutoExportJob}. Blob integration needs
 * the storage account to grant the HPC Cache Resource Provider Storage Account Contributor and Storage Blob Data
 * Contributor before the file system is created ({@link #hpcCacheProviderRoles}), and the account must allow
 * shared-key access. Capacity follows the {@link AmlSku}'s steps; the subnet, one per file system, is sized for the
 * capacity and cannot change later. Secure default: root squash ({@code RootOnly}).
 */
public final class AmlFilesystem extends ResourceSpec<AmlFilesystem> {

    public static final String TYPE = "Microsoft.StorageCache/amlFilesystems";
    public static final String API_VERSION = "2026-01-01";
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    private final Expr subnetId;
    private final AmlSku sku;
    private final int capacityTiB;
    private String zone = "1";
    private DayOfWeek maintenanceDay = DayOfWeek.SUNDAY;
    private String maintenanceTime = "02:00";
    private Expr hsmContainer;
    private Expr hsmLogging;
    private String importPrefix = "/";
    private Cidr subnetRange;
    private String rootSquash = "RootOnly";
    private String noSquashNids = "";

    private AmlFilesystem(Expr name, Expr subnetId, AmlSku sku, int capacityTiB) {
        super(name, TYPE, API_VERSION);
        Names.general("Managed Lustre file system", name, 80);
        this.subnetId = Objects.requireNonNull(subnetId);
        this.sku = Objects.requireNonNull(sku);
        sku.checkCapacity(capacityTiB);
        this.capacityTiB = capacityTiB;
    }

    public static AmlFilesystem named(Expr name, Ref<Subnet> subnet, AmlSku sku, int capacityTiB) {
        return new AmlFilesystem(name, subnet.id(), sku, capacityTiB);
    }

    public static AmlFilesystem named(String name, Ref<Subnet> subnet, AmlSku sku, int capacityTiB) {
        return named(Expr.str(name), subnet, sku, capacityTiB);
    }

    /** The subnet's range, to check it is large enough for the capacity. */
    public AmlFilesystem subnetRange(Cidr range) {
        int required = AmlSku.requiredPrefix(capacityTiB);
        if (range.prefix() > required) {
            throw new IllegalArgumentException("the Lustre subnet " + range + " is too small for " + capacityTiB
                    + " TiB: Microsoft recommends /" + required + " or larger, and it cannot be resized later");
        }
        this.subnetRange = range;
        return this;
    }

    public AmlFilesystem zone(String value) {
        if (!List.of("1", "2", "3").contains(value)) {
            throw new IllegalArgumentException("zone '" + value + "' is not 1, 2 or 3");
        }
        this.zone = value;
        return this;
    }

    /** The weekly 30-minute maintenance window (UTC). */
    public AmlFilesystem maintenanceWindow(DayOfWeek day, String timeUtc) {
        if (!TIME.matcher(timeUtc).matches()) {
            throw new IllegalArgumentException("maintenance time '" + timeUtc + "' is not HH:MM (UTC)");
        }
        this.maintenanceDay = Objects.requireNonNull(day);
        this.maintenanceTime = timeUtc;
        return this;
    }

    /**
     * Links the file system to Blob: {@code data} is imported (names and metadata) at creation and receives
     * exports; {@code logging} (a different container) holds import/export logs.
     */
    public AmlFilesystem hsm(Ref<BlobContainer> data, Ref<BlobContainer> logging, String prefix) {
        if (data.id().equals(logging.id())) {
            throw new IllegalArgumentException("the HSM logging container must differ from the data container");
        }
        if (!prefix.startsWith("/")) {
            throw new IllegalArgumentException("import prefix '" + prefix + "' must start with '/'");
        }
        this.hsmContainer = data.id();
        this.hsmLogging = logging.id();
        this.importPrefix = prefix;
        return this;
    }

    /**
     * Root squash stays, except for clients in {@code trusted}: their root acts as root (Lustre's trusted systems,
     * {@code rootSquashSettings.noSquashNidLists}, one NID range per network).
     */
    public AmlFilesystem rootFor(io.github.hpcblueprints.azure.network.Cidr... trusted) {
        java.util.List<String> nids = new java.util.ArrayList<>();
        for (var c : trusted) {
            nids.add(nidRange(c));
        }
        this.noSquashNids = String.join(";", nids);
        return this;
    }

    /** A network as a Lustre NID range over TCP: {@code 10.40.16.0/20} is {@code 10.40.[16-31].[0-255]@tcp}. */
    static String nidRange(io.github.hpcblueprints.azure.network.Cidr c) {
        StringBuilder sb = new StringBuilder();
        for (int octet = 0; octet < 4; octet++) {
            int shift = 24 - 8 * octet;
            int first = (int) ((c.network() >> shift) & 0xFF);
            int fixedBits = Math.max(0, Math.min(8, c.prefix() - 8 * octet));
            int last = first | ((1 << (8 - fixedBits)) - 1);
            sb.append(octet == 0 ? "" : ".").append(first == last ? String.valueOf(first)
                    : "[" + first + "-" + last + "]");
        }
        return sb.append("@tcp").toString();
    }

    /** True when root on a client in {@code network} acts as root here. */
    public boolean rootActsAsRootFrom(io.github.hpcblueprints.azure.network.Cidr network) {
        return "None".equals(rootSquash) || java.util.Arrays.asList(noSquashNids.split(";")).contains(nidRange(network));
    }

    /** No root squash: clients' root acts as root on the file system. */
    public AmlFilesystem noRootSquash() {
        this.rootSquash = "None";
        return this;
    }

    public AmlSku sku() {
        return sku;
    }

    public int capacityTiB() {
        return capacityTiB;
    }

    public boolean hasHsm() {
        return hsmContainer != null;
    }

    /**
     * The two role assignments Blob integration needs on {@code account}, for the HPC Cache Resource Provider's
     * service principal (its object id differs per tenant: pass it as a parameter). Add them, then make the file
     * system depend on both.
     */
    public static List<RoleAssignment> hpcCacheProviderRoles(Ref<StorageAccount> account, Expr providerPrincipalId) {
        return List.of(
                RoleAssignment.on(account, BuiltInRole.STORAGE_ACCOUNT_CONTRIBUTOR, providerPrincipalId,
                        PrincipalType.ServicePrincipal)
                        .description("Azure Managed Lustre blob integration (HPC Cache Resource Provider)."),
                RoleAssignment.on(account, BuiltInRole.STORAGE_BLOB_DATA_CONTRIBUTOR, providerPrincipalId,
                        PrincipalType.ServicePrincipal)
                        .description("Azure Managed Lustre blob integration (HPC Cache Resource Provider)."));
    }

    @Override
    protected AmlFilesystem self() {
        return this;
    }

    @Override
    public Resource toResource() {
        String day = maintenanceDay.name().charAt(0) + maintenanceDay.name().substring(1).toLowerCase(Locale.ROOT);
        ObjectNode props = Json.obj(
                "storageCapacityTiB", capacityTiB,
                "filesystemSubnet", subnetId,
                "maintenanceWindow", Json.obj("dayOfWeek", day, "timeOfDayUTC", maintenanceTime),
                "rootSquashSettings", Json.obj("mode", rootSquash));
        if (!"None".equals(rootSquash)) {
            ((ObjectNode) props.get("rootSquashSettings")).put("squashUID", 65534);
            ((ObjectNode) props.get("rootSquashSettings")).put("squashGID", 65534);
            if (!noSquashNids.isEmpty()) {
                ((ObjectNode) props.get("rootSquashSettings")).put("noSquashNidLists", noSquashNids);
            }
        }
        if (hsmContainer != null) {
            props.set("hsm", Json.obj("settings", Json.obj("container", hsmContainer,
                    "loggingContainer", hsmLogging, "importPrefix", importPrefix)));
        }
        return base(true).sku(Json.obj("name", sku.skuName())).extra("zones", Json.arr(zone))
                .properties(props).build();
    }
}
