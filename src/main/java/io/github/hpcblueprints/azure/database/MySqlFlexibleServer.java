package io.github.hpcblueprints.azure.database;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import io.github.hpcblueprints.azure.network.PrivateDnsZone;
import io.github.hpcblueprints.azure.network.Subnet;
import io.github.hpcblueprints.arm.Json;
import java.util.Objects;

/**
 * An Azure Database for MySQL flexible server ({@code Microsoft.DBforMySQL/flexibleServers}) with private access
 * only: it lives in a subnet delegated to it, answers at a name in a private DNS zone linked to the network, and has
 * no public endpoint (Azure sets public access off for a server with virtual network integration). Its
 * administrator password is a secure parameter, never a value.
 */
public final class MySqlFlexibleServer extends ResourceSpec<MySqlFlexibleServer> {

    public static final String TYPE = "Microsoft.DBforMySQL/flexibleServers";
    public static final String API_VERSION = "2024-12-30";
    /** The delegation a subnet needs to hold flexible servers. */
    public static final String SUBNET_DELEGATION = "Microsoft.DBforMySQL/flexibleServers";
    /** MySQL 8.0, the release slurmdbd is documented against. */
    public static final String VERSION = "8.0.21";

    private String skuName = "Standard_B1ms";
    private String tier = "Burstable";
    private int storageGiB = 20;
    private String administratorLogin;
    private Expr administratorPassword;
    private Ref<Subnet> subnet;
    private Ref<PrivateDnsZone> zone;

    private MySqlFlexibleServer(Expr name) {
        super(name, TYPE, API_VERSION);
    }

    public static MySqlFlexibleServer named(Expr name) {
        return new MySqlFlexibleServer(name);
    }

    public MySqlFlexibleServer sku(String name, String skuTier) {
        this.skuName = Objects.requireNonNull(name);
        this.tier = Objects.requireNonNull(skuTier);
        return this;
    }

    public MySqlFlexibleServer storageGiB(int gib) {
        if (gib < 20 || gib > 16384) {
            throw new IllegalArgumentException("MySQL flexible server storage of " + gib + " GiB is outside 20-16384");
        }
        this.storageGiB = gib;
        return this;
    }

    /** The administrator; the password must be a secure parameter ({@code parameters('...')}). */
    public MySqlFlexibleServer administrator(String login, Expr password) {
        if (!login.matches("[a-z][a-z0-9_]{0,31}") || login.equals("admin") || login.equals("root")) {
            throw new IllegalArgumentException("MySQL administrator login '" + login + "' must be 1-32 lowercase "
                    + "letters, digits and underscores, and not a reserved name");
        }
        this.administratorLogin = login;
        this.administratorPassword = Objects.requireNonNull(password);
        return this;
    }

    /** Private access: the delegated subnet and the private DNS zone the server registers its name in. */
    public MySqlFlexibleServer privateAccess(Ref<Subnet> delegatedSubnet, Ref<PrivateDnsZone> dnsZone) {
        this.subnet = delegatedSubnet;
        this.zone = dnsZone;
        return this;
    }

    @Override
    protected MySqlFlexibleServer self() {
        return this;
    }

    @Override
    public Resource toResource() {
        if (administratorLogin == null || subnet == null || zone == null) {
            throw new IllegalStateException("a MySQL flexible server needs an administrator and private access");
        }
        dependsOn(zone);
        return base(true).sku(Json.obj("name", skuName, "tier", tier)).properties(Json.obj(
                "version", VERSION,
                "administratorLogin", administratorLogin,
                "administratorLoginPassword", administratorPassword,
                "storage", Json.obj("storageSizeGB", storageGiB, "autoGrow", "Enabled"),
                "backup", Json.obj("backupRetentionDays", 7, "geoRedundantBackup", "Enabled"),
                "highAvailability", Json.obj("mode", "Disabled"),
                "network", Json.obj("delegatedSubnetResourceId", subnet.id(), "privateDnsZoneResourceId", zone.id(),
                        "publicNetworkAccess", "Disabled"))).build();
    }
}
