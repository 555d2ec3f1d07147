package io.github.hpcblueprints.hpc;

import java.util.Objects;

/**
 * The small always-on VM that runs CycleCloud and starts and stops the cluster's nodes. It has no public IP in a
 * hardened environment, a user-assigned identity with a custom least-privilege role on the cluster's resource group
 * (or an existing, pre-authorised identity), and no stored credentials: its administrator password lives in Key
 * Vault. It runs the cluster, so auto-shutdown applies only when the blueprint asks for it.
 *
 * @param version the CycleCloud release to install, pinned ({@code 8.9.1}, or a package build such as
 *     {@code 8.9.1-3507}); a floating version would let two servers of one blueprint run different releases
 * @param publicIp a public IP on the server (refused when hardened)
 * @param existingIdentityId a pre-authorised identity to use instead of creating one and assigning roles; empty
 *     for none
 * @param idleStop deallocate the server when no cluster node runs and nobody is signed in (off by default: users
 *     then start the server before the cluster)
 */
public record CycleCloudServer(String vmSize, String adminUser, String version, boolean publicIp,
        AutoShutdown autoShutdown, String existingIdentityId, IdleStop idleStop) {

    public CycleCloudServer {
        Objects.requireNonNull(vmSize);
        Objects.requireNonNull(adminUser);
        Objects.requireNonNull(version);
        Objects.requireNonNull(autoShutdown);
        Objects.requireNonNull(existingIdentityId);
        Objects.requireNonNull(idleStop);
        if (!version.matches("8\\.\\d+\\.\\d+(-\\d+)?")) {
            throw new IllegalArgumentException("CycleCloud version '" + version + "' is not a pinned CycleCloud 8 release "
                    + "such as " + Defaults.CYCLECLOUD_VERSION + " (or a package build such as "
                    + Defaults.CYCLECLOUD_VERSION + "-3507)");
        }
        if (!adminUser.matches("[a-z_][a-z0-9_-]{0,31}")) {
            throw new IllegalArgumentException("CycleCloud admin user '" + adminUser + "' must be a Linux user name");
        }
        io.github.hpcblueprints.azure.compute.AdminUsernames.check(adminUser);
        if (!existingIdentityId.isEmpty()) {
            io.github.hpcblueprints.azure.Names.resourceId("existing identity", existingIdentityId,
                    "Microsoft.ManagedIdentity/userAssignedIdentities");
        }
    }

    /** A server that stays on (no idle stop). */
    public CycleCloudServer(String vmSize, String adminUser, String version, boolean publicIp,
            AutoShutdown autoShutdown, String existingIdentityId) {
        this(vmSize, adminUser, version, publicIp, autoShutdown, existingIdentityId, IdleStop.off());
    }

    public static CycleCloudServer defaults() {
        return new CycleCloudServer(Defaults.VM_SIZE, Defaults.ADMIN_USER, Defaults.CYCLECLOUD_VERSION, false,
                AutoShutdown.never("CycleCloud schedules the cluster; it must be running to start and stop nodes"), "");
    }

    /** The apt version the server installs: the release's newest package build, or the build given. */
    public String packageVersion() {
        return version.contains("-") ? version : version + "-*";
    }

    public boolean usesExistingIdentity() {
        return !existingIdentityId.isEmpty();
    }
    public CycleCloudServer withVmSize(String size) {
        return new CycleCloudServer(size, adminUser, version, publicIp, autoShutdown, existingIdentityId, idleStop);
    }

    public CycleCloudServer withVersion(String v) {
        return new CycleCloudServer(vmSize, adminUser, v, publicIp, autoShutdown, existingIdentityId, idleStop);
    }

    /** Uses a pre-authorised identity (its resource id) instead of creating one and granting it roles. */
    public CycleCloudServer withExistingIdentity(String identityResourceId) {
        return new CycleCloudServer(vmSize, adminUser, version, publicIp, autoShutdown, identityResourceId, idleStop);
    }

    /** Lets the server deallocate itself when the cluster is stopped and nobody is signed in. */
    public CycleCloudServer withIdleStop(IdleStop stop) {
        return new CycleCloudServer(vmSize, adminUser, version, publicIp, autoShutdown, existingIdentityId, stop);
    }

}
