package io.github.hpcblueprints.hpc;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Parameter;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.database.MySqlConfiguration;
import io.github.hpcblueprints.azure.database.MySqlFlexibleServer;
import io.github.hpcblueprints.azure.keyvault.KeyVaultSecret;
import io.github.hpcblueprints.azure.network.PrivateDnsZone;
import io.github.hpcblueprints.azure.network.PrivateDnsZoneLink;

/**
 * Slurm's accounting database: a MySQL flexible server with private access in the environment's delegated database
 * subnet, its name in a private DNS zone linked to the network, TLS required, and its administrator password a
 * secure parameter that the template also puts into Key Vault, where the CycleCloud server reads it when it creates
 * the cluster. The server name and user reach the cluster through the facts; the password never does.
 */
final class AccountingPart {

    /** The database administrator slurmdbd connects as. */
    static final String DATABASE_USER = "slurmdbd";
    /** The Key Vault secret holding its password. */
    static final String PASSWORD_SECRET = "slurm-accounting-password";
    static final String PASSWORD_PARAMETER = "accountingDatabasePassword";

    private AccountingPart() {
    }

    static void compile(CompileContext c, NetworkResources net, Identities ids) {
        SlurmAccounting a = c.env.cluster().flatMap(SlurmCluster::accounting).orElse(null);
        if (a == null) {
            return;
        }
        // a flexible server with private access registers its name in a zone ending in .mysql.database.azure.com
        Ref<PrivateDnsZone> zone = c.d.add(PrivateDnsZone.named(c.env.name() + ".private.mysql.database.azure.com")
                .tags(c.names.tags(Naming.SHARED)));
        c.d.add(PrivateDnsZoneLink.of(zone, c.names.name("vnet", ""), net.vnet()).tags(c.names.tags(Naming.SHARED)));
        Expr password = c.param(Parameter.secureString(PASSWORD_PARAMETER).withDescription("Password of the Slurm "
                + "accounting database's administrator (" + DATABASE_USER + "); 8-128 characters of three kinds. "
                + "Kept in Key Vault as " + PASSWORD_SECRET + "."));
        Ref<MySqlFlexibleServer> server = c.d.add(c.place(MySqlFlexibleServer.named(
                Naming.variable(c.d, "accountingServerName", c.names.mysqlServer()))
                .sku(a.sku(), a.tier()).storageGiB(a.storageGiB())
                .administrator(DATABASE_USER, password)
                .privateAccess(net.subnets().get(SubnetRole.DATABASE), zone)));
        // refuse unencrypted connections (slurmdbd connects with the CA bundle the Slurm project installs)
        c.d.add(MySqlConfiguration.of(server, "require_secure_transport", "ON"));
        c.d.add(KeyVaultSecret.of(ids.keyVault(), PASSWORD_SECRET, password, "password of the Slurm accounting "
                + "database administrator " + DATABASE_USER));
        c.facts.put("accountingHost", server.property("fullyQualifiedDomainName"));
        c.facts.put("accountingUser", Expr.str(DATABASE_USER));
        c.facts.put("accountingSecret", Expr.str(PASSWORD_SECRET));
    }
}
