package io.github.hpcblueprints.azure.compute;

import io.github.hpcblueprints.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.Names;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import io.github.hpcblueprints.azure.identity.UserAssignedIdentity;
import io.github.hpcblueprints.azure.network.NetworkInterface;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Linux virtual machine ({@code Microsoft.Compute/virtualMachines}).
 *
 * <p>Secure defaults, none of which this API can turn into their opposite by accident:
 * <ul>
 *   <li>SSH keys only: password authentication is disabled and there is no way to set a password;</li>
 *   <li>no public IP (the NIC has none unless asked for), administration through Bastion;</li>
 *   <li>Trusted Launch (Secure Boot and vTPM) unless the image needs it off, see {@link #withoutTrustedLaunch()};</li>
 *   <li>boot diagnostics on, in Azure-managed storage (no storage account key involved);</li>
 *   <li>OS disk deleted with the VM, so nothing is left behind to pay for or to leak;</li>
 *   <li>a managed identity instead of stored credentials when it needs Azure access;</li>
 *   <li>{@code customData} (cloud-init) is written already base64-encoded: an ARM expression could not hold a real
 *       cloud-init (24,576 characters at most); the generator also writes the plain text beside the template for
 *       review, and the rules decode it.</li>
 * </ul>
 */
public final class LinuxVirtualMachine extends ResourceSpec<LinuxVirtualMachine> {

    public static final String TYPE = "Microsoft.Compute/virtualMachines";
    public static final String API_VERSION = "2026-03-01";

    /** The most cloud-init Azure takes: 64 KiB once base64-encoded. */
    public static final int CUSTOM_DATA_MAX_BYTES = 64 * 1024 * 3 / 4;

    /** Azure refuses these admin user names. */
    private static final Set<String> RESERVED_USERS = Set.of("administrator", "admin", "user", "user1", "test",
            "user2", "test1", "user3", "admin1", "1", "123", "a", "actuser", "adm", "admin2", "aspnet", "backup",
            "console", "david", "guest", "john", "owner", "root", "server", "sql", "support", "support_388945a0",
            "sys", "test2", "test3", "user4", "user5");
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
    private static final Pattern SIZE = Pattern.compile("Standard_[A-Za-z0-9_]+|Basic_[A-Za-z0-9_]+");

    private final Expr nicId;
    private String size = "Standard_D2as_v5";
    private ImageReference image = ImageReference.ubuntu2404();
    private Expr adminUsername = Expr.str("azureuser");
    private Expr sshPublicKey;
    private final List<Expr> userIdentities = new ArrayList<>();
    private boolean systemIdentity;
    private boolean trustedLaunch = true;
    private boolean encryptionAtHost;
    private boolean extensionOperations = true;
    private String osDiskType = "Premium_LRS";
    private Integer osDiskSizeGb;
    private String customData;
    private Expr userData;
    private String zone;
    private BigDecimal spotMaxPrice;

    private LinuxVirtualMachine(Expr name, Expr nicId) {
        super(name, TYPE, API_VERSION);
        Names.general("virtual machine", name, 64);
        this.nicId = Objects.requireNonNull(nicId);
    }

    public static LinuxVirtualMachine named(Expr name, Ref<NetworkInterface> nic) {
        return new LinuxVirtualMachine(name, nic.id());
    }

    public static LinuxVirtualMachine named(String name, Ref<NetworkInterface> nic) {
        return named(Expr.str(name), nic);
    }

    public LinuxVirtualMachine size(String value) {
        if (!SIZE.matcher(value).matches()) {
            throw new IllegalArgumentException("VM size '" + value + "' is not an Azure size name such as "
                    + "Standard_D4as_v5");
        }
        this.size = value;
        return this;
    }

    public LinuxVirtualMachine image(ImageReference value) {
        this.image = Objects.requireNonNull(value);
        return this;
    }

    public LinuxVirtualMachine adminUsername(String value) {
        if (!USER.matcher(value).matches()) {
            throw new IllegalArgumentException("admin user name '" + value + "' must be 1-32 lowercase letters, "
                    + "digits, '_' or '-', starting with a letter or '_'");
        }
        if (RESERVED_USERS.contains(value)) {
            throw new IllegalArgumentException("admin user name '" + value + "' is reserved by Azure");
        }
        this.adminUsername = Expr.str(value);
        return this;
    }

    /** The admin user's name from an expression (a parameter, so that no user name is a literal in the template). */
    public LinuxVirtualMachine adminUsername(Expr value) {
        if (value instanceof Expr.Str s) {
            return adminUsername(s.value());
        }
        this.adminUsername = Objects.requireNonNull(value);
        return this;
    }

    /** The admin's SSH public key (a parameter: keys are not secrets, but they differ per deployment). */
    public LinuxVirtualMachine sshPublicKey(Expr value) {
        this.sshPublicKey = Objects.requireNonNull(value);
        return this;
    }

    public LinuxVirtualMachine userAssignedIdentity(Ref<UserAssignedIdentity> identity) {
        userIdentities.add(identity.id());
        return this;
    }

    /** The user-assigned identities attached, by id: whoever signs in can take their tokens. */
    public java.util.List<Expr> userAssignedIdentities() {
        return java.util.List.copyOf(userIdentities);
    }

    /** A user-assigned identity known by id (one an administrator created and authorised beforehand). */
    public LinuxVirtualMachine userAssignedIdentity(Expr identityId) {
        userIdentities.add(identityId);
        return this;
    }

    /** A system-assigned identity; Entra ID SSH login ({@link VmExtension#entraIdSshLogin}) needs one. */
    public LinuxVirtualMachine systemAssignedIdentity() {
        this.systemIdentity = true;
        return this;
    }

    /** For images that do not support Trusted Launch (some HPC and older Gen1 images). */
    public LinuxVirtualMachine withoutTrustedLaunch() {
        this.trustedLaunch = false;
        return this;
    }

    /** Encrypts temp disk and caches at the host too; the VM size must support it and the feature be registered. */
    /**
     * Refuses VM extensions and Run Command (which run as root from Azure's control plane); a VM that needs no
     * extension should.
     */
    public LinuxVirtualMachine withoutExtensionOperations() {
        this.extensionOperations = false;
        return this;
    }

    public LinuxVirtualMachine encryptionAtHost(boolean value) {
        this.encryptionAtHost = value;
        return this;
    }

    public LinuxVirtualMachine osDisk(String storageType, int sizeGb) {
        if (!Set.of("Standard_LRS", "StandardSSD_LRS", "Premium_LRS", "StandardSSD_ZRS", "Premium_ZRS")
                .contains(storageType)) {
            throw new IllegalArgumentException("OS disk type '" + storageType + "' is not a managed OS disk type");
        }
        if (sizeGb < 30 || sizeGb > 4095) {
            throw new IllegalArgumentException("OS disk size " + sizeGb + " GB is outside 30-4095");
        }
        this.osDiskType = storageType;
        this.osDiskSizeGb = sizeGb;
        return this;
    }

    /** cloud-init (or script) text passed as {@code customData}; it must hold no secret. */
    public LinuxVirtualMachine customData(String cloudInit) {
        int bytes = cloudInit.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > CUSTOM_DATA_MAX_BYTES) {
            throw new IllegalArgumentException("customData is " + bytes + " bytes; Azure allows 64 KiB after base64 "
                    + "encoding, " + CUSTOM_DATA_MAX_BYTES + " bytes before");
        }
        this.customData = cloudInit;
        return this;
    }

    /**
     * Facts the VM reads from the instance metadata service at run time ({@code userData}): names and ids only.
     * Anyone who can read the VM can read them, so they must never hold a secret.
     */
    public LinuxVirtualMachine userData(Expr factsJson) {
        this.userData = Objects.requireNonNull(factsJson);
        return this;
    }

    public LinuxVirtualMachine zone(String value) {
        if (!Set.of("1", "2", "3").contains(value)) {
            throw new IllegalArgumentException("zone '" + value + "' is not 1, 2 or 3");
        }
        this.zone = value;
        return this;
    }

    /** Spot priority: deallocated when Azure needs the capacity back; {@code -1} pays up to the on-demand price. */
    public LinuxVirtualMachine spot(BigDecimal maxPricePerHour) {
        if (maxPricePerHour.compareTo(BigDecimal.valueOf(-1)) != 0 && maxPricePerHour.signum() <= 0) {
            throw new IllegalArgumentException("spot max price must be -1 or above 0");
        }
        this.spotMaxPrice = maxPricePerHour;
        return this;
    }

    public String size() {
        return size;
    }

    @Override
    protected LinuxVirtualMachine self() {
        return this;
    }

    @Override
    public Resource toResource() {
        if (sshPublicKey == null) {
            throw new IllegalArgumentException("virtual machine " + name.toArmString()
                    + " needs an SSH public key (password authentication is never enabled)");
        }
        ObjectNode linux = Json.obj(
                "disablePasswordAuthentication", true,
                "provisionVMAgent", true,
                "ssh", Json.obj("publicKeys", Json.arr(Json.obj(
                        "path", adminUsername instanceof Expr.Str s ? "/home/" + s.value() + "/.ssh/authorized_keys"
                                : Expr.format("/home/{0}/.ssh/authorized_keys", adminUsername),
                        "keyData", sshPublicKey))));
        ObjectNode os = Json.obj("computerName", name, "adminUsername", adminUsername, "linuxConfiguration", linux);
        if (!extensionOperations) {
            os.put("allowExtensionOperations", false);
        }
        if (customData != null) {
            os.set("customData", Json.literal(Base64.getEncoder().encodeToString(
                    customData.getBytes(StandardCharsets.UTF_8))));
        }
        ObjectNode osDisk = Json.obj("createOption", "FromImage", "caching", "ReadWrite", "deleteOption", "Delete",
                "managedDisk", Json.obj("storageAccountType", osDiskType));
        if (osDiskSizeGb != null) {
            osDisk.put("diskSizeGB", osDiskSizeGb);
        }
        ObjectNode props = Json.obj(
                "hardwareProfile", Json.obj("vmSize", size),
                "storageProfile", Json.obj("imageReference", image.toJson(), "osDisk", osDisk),
                "osProfile", os,
                "networkProfile", Json.obj("networkInterfaces", Json.arr(Json.obj("id", nicId,
                        "properties", Json.obj("primary", true, "deleteOption", "Delete")))),
                "diagnosticsProfile", Json.obj("bootDiagnostics", Json.obj("enabled", true)));
        ObjectNode security = JsonTrees.object();
        if (trustedLaunch) {
            security.put("securityType", "TrustedLaunch");
            security.set("uefiSettings", Json.obj("secureBootEnabled", true, "vTpmEnabled", true));
        }
        if (encryptionAtHost) {
            security.put("encryptionAtHost", true);
        }
        if (!security.isEmpty()) {
            props.set("securityProfile", security);
        }
        if (userData != null) {
            props.set("userData", Json.expr(Expr.call("base64", userData)));
        }
        if (spotMaxPrice != null) {
            props.put("priority", "Spot");
            props.put("evictionPolicy", "Deallocate");
            props.set("billingProfile", Json.obj("maxPrice", spotMaxPrice));
        }
        Resource.Builder b = base(true).properties(props);
        identity().ifPresent(b::identity);
        image.plan().ifPresent(p -> b.extra("plan", p));
        if (zone != null) {
            b.extra("zones", Json.arr(zone));
        }
        return b.build();
    }

    private Optional<ObjectNode> identity() {
        if (userIdentities.isEmpty() && !systemIdentity) {
            return Optional.empty();
        }
        String type = systemIdentity && !userIdentities.isEmpty() ? "SystemAssigned, UserAssigned"
                : systemIdentity ? "SystemAssigned" : "UserAssigned";
        ObjectNode id = Json.obj("type", type);
        if (!userIdentities.isEmpty()) {
            ObjectNode map = id.putObject("userAssignedIdentities");
            userIdentities.forEach(u -> map.set(u.toArmString(), JsonTrees.object()));
        }
        return Optional.of(id);
    }
}
