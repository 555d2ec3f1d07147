package io.github.hpcblueprints.azure.network;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.Names;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.Objects;

/**
 * Azure Bastion ({@code Microsoft.Network/bastionHosts}): SSH to VMs that have no public IP, over TLS from the
 * portal or the Azure CLI, with Entra ID sign-in.
 *
 * <p>Secure defaults: Standard SKU with native-client tunnelling (so {@code az network bastion ssh} works with Entra
 * ID), shareable links, IP-based connection and file copy off (no way to hand out access or move data around
 * the controls). It needs the {@code AzureBastionSubnet} (/26 or larger) and a Standard static public IP.
 */
public final class BastionHost extends ResourceSpec<BastionHost> {

    public static final String TYPE = "Microsoft.Network/bastionHosts";
    public static final String API_VERSION = "2025-07-01";

    /** Bastion tiers; Basic has no native-client support, Developer is shared and has no subnet of its own. */
    public enum Sku { Basic, Standard, Premium }

    private final Ref<Subnet> subnet;
    private final Ref<PublicIpAddress> publicIp;
    private Sku sku = Sku.Standard;
    private boolean tunneling = true;
    private boolean fileCopy;
    private boolean ipConnect;
    private int scaleUnits = 2;

    private BastionHost(Expr name, Ref<Subnet> subnet, Ref<PublicIpAddress> publicIp) {
        super(name, TYPE, API_VERSION);
        Names.general("Bastion host", name, 80);
        this.subnet = Objects.requireNonNull(subnet);
        this.publicIp = Objects.requireNonNull(publicIp);
        if (!(subnet.name() instanceof Expr.Str s) || !Subnet.BASTION_SUBNET.equals(s.value())) {
            throw new IllegalArgumentException("Azure Bastion must be placed in the subnet named "
                    + Subnet.BASTION_SUBNET + ", not " + subnet.name().toArmString());
        }
    }

    public static BastionHost named(Expr name, Ref<Subnet> bastionSubnet, Ref<PublicIpAddress> publicIp) {
        return new BastionHost(name, bastionSubnet, publicIp);
    }

    public static BastionHost named(String name, Ref<Subnet> bastionSubnet, Ref<PublicIpAddress> publicIp) {
        return named(Expr.str(name), bastionSubnet, publicIp);
    }

    /** Basic is cheaper but has no native-client tunnelling (no {@code az network bastion ssh}). */
    public BastionHost sku(Sku value) {
        this.sku = value;
        if (value == Sku.Basic) {
            tunneling = false;
        }
        return this;
    }

    /** Turns native-client tunnelling off: SSH only from the portal. */
    public BastionHost withoutTunneling() {
        this.tunneling = false;
        return this;
    }

    /** Allows file upload/download through Bastion sessions (a path for data to leave the environment). */
    public BastionHost allowFileCopy() {
        if (sku == Sku.Basic) {
            throw new IllegalArgumentException("file copy needs the Standard or Premium Bastion SKU");
        }
        this.fileCopy = true;
        return this;
    }

    /**
     * Lets users connect to a private IP address in the network (a node CycleCloud creates has no resource a user
     * could name, only its address on the cluster's page).
     */
    public BastionHost allowIpConnect() {
        if (sku == Sku.Basic) {
            throw new IllegalArgumentException("IP-based connection needs the Standard or Premium Bastion SKU");
        }
        this.ipConnect = true;
        return this;
    }

    public BastionHost scaleUnits(int value) {
        if (value < 2 || value > 50) {
            throw new IllegalArgumentException("Bastion scale units " + value + " are outside 2-50");
        }
        this.scaleUnits = value;
        return this;
    }

    @Override
    protected BastionHost self() {
        return this;
    }

    @Override
    public Resource toResource() {
        var ipConfig = Json.obj("name", "bastion-ipconfig", "properties", Json.obj(
                "subnet", Json.obj("id", subnet.id()),
                "publicIPAddress", Json.obj("id", publicIp.id())));
        var props = Json.obj("ipConfigurations", Json.arr(ipConfig));
        if (sku != Sku.Basic) {
            props.put("enableTunneling", tunneling);
            props.put("enableShareableLink", false);
            props.put("enableIpConnect", ipConnect);
            props.put("enableFileCopy", fileCopy);
            props.put("scaleUnits", scaleUnits);
        }
        return base(true).sku(Json.obj("name", sku.name())).properties(props).build();
    }
}
