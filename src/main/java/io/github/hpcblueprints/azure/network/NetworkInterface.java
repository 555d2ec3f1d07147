package io.github.hpcblueprints.azure.network;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.Names;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.Objects;

/**
 * A network interface ({@code Microsoft.Network/networkInterfaces}) for a VM.
 *
 * <p>Secure defaults: private dynamic IPv4 only (a public IP must be asked for with {@link #publicIp}), IP forwarding
 * off. Accelerated networking is off unless asked for, because not every VM size supports it.
 */
public final class NetworkInterface extends ResourceSpec<NetworkInterface> {

    public static final String TYPE = "Microsoft.Network/networkInterfaces";
    public static final String API_VERSION = "2025-07-01";

    private final Expr subnetId;
    private Expr nsg;
    private Expr publicIp;
    private boolean accelerated;

    private NetworkInterface(Expr name, Expr subnetId) {
        super(name, TYPE, API_VERSION);
        Names.general("network interface", name, 80);
        this.subnetId = Objects.requireNonNull(subnetId);
    }

    public static NetworkInterface named(Expr name, Ref<Subnet> subnet) {
        return new NetworkInterface(name, subnet.id());
    }

    public static NetworkInterface named(String name, Ref<Subnet> subnet) {
        return named(Expr.str(name), subnet);
    }

    public NetworkInterface networkSecurityGroup(Ref<NetworkSecurityGroup> value) {
        this.nsg = value.id();
        return this;
    }

    /** Exposes the VM on the internet; the rules flag it, and hardened environments refuse it. */
    public NetworkInterface publicIp(Ref<PublicIpAddress> value) {
        this.publicIp = value.id();
        return this;
    }

    public NetworkInterface acceleratedNetworking(boolean value) {
        this.accelerated = value;
        return this;
    }

    @Override
    protected NetworkInterface self() {
        return this;
    }

    @Override
    public Resource toResource() {
        var ipProps = Json.obj("privateIPAllocationMethod", "Dynamic", "privateIPAddressVersion", "IPv4",
                "subnet", Json.obj("id", subnetId), "primary", true);
        if (publicIp != null) {
            ipProps.set("publicIPAddress", Json.obj("id", publicIp));
        }
        var props = Json.obj("ipConfigurations", Json.arr(Json.obj("name", "ipconfig1", "properties", ipProps)),
                "enableAcceleratedNetworking", accelerated, "enableIPForwarding", false);
        if (nsg != null) {
            props.set("networkSecurityGroup", Json.obj("id", nsg));
        }
        return base(true).properties(props).build();
    }
}
