package io.github.hpcblueprints.blueprint;

import static io.github.hpcblueprints.hpc.Defaults.ACCOUNTING_SKU;
import static io.github.hpcblueprints.hpc.Defaults.ACCOUNTING_STORAGE_GIB;
import static io.github.hpcblueprints.hpc.Defaults.ADMIN_USER;
import static io.github.hpcblueprints.hpc.Defaults.CYCLECLOUD_VERSION;
import static io.github.hpcblueprints.hpc.Defaults.IDLE_RELEASE_MINUTES;
import static io.github.hpcblueprints.hpc.Defaults.LOGIN_COUNT;
import static io.github.hpcblueprints.hpc.Defaults.LUSTRE_CONTAINER;
import static io.github.hpcblueprints.hpc.Defaults.LUSTRE_EXPORT;
import static io.github.hpcblueprints.hpc.Defaults.LUSTRE_IMPORT_PREFIX;
import static io.github.hpcblueprints.hpc.Defaults.LUSTRE_MOUNT_POINT;
import static io.github.hpcblueprints.hpc.Defaults.LUSTRE_ZONE;
import static io.github.hpcblueprints.hpc.Defaults.NETAPP_SERVICE_LEVEL;
import static io.github.hpcblueprints.hpc.Defaults.NODE_IMAGE;
import static io.github.hpcblueprints.hpc.Defaults.PROFILE;
import static io.github.hpcblueprints.hpc.Defaults.RESEARCH_IMAGE;
import static io.github.hpcblueprints.hpc.Defaults.SHARED_MOUNT_POINT;
import static io.github.hpcblueprints.hpc.Defaults.SHARED_NAME;
import static io.github.hpcblueprints.hpc.Defaults.SIGN_IN;
import static io.github.hpcblueprints.hpc.Defaults.SLURM_VERSION;
import static io.github.hpcblueprints.hpc.Defaults.VM_SIZE;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The blueprint format as records: Jackson binds a blueprint (after the schema check, with defaults filled in) to
 * {@link Root}, and {@link BlueprintFormat} makes the published JSON Schema from the same records and their
 * {@link Key}s. An absent optional key without a default is null; defaults that depend on other keys are the
 * mapper's.
 */
final class BlueprintDocument {

    private BlueprintDocument() {
    }

    static final String CIDR = "^(\\d{1,3}\\.){3}\\d{1,3}/\\d{1,2}$";
    static final String GUID = "^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$";
    static final String HHMM = "^([01][0-9]|2[0-3])[0-5][0-9]$";
    static final String PATH = "^/[A-Za-z0-9._/-]+$";
    static final String VM = "^(Standard|Basic)_[A-Za-z0-9_]+$";
    static final String ZONE_ID = "^/subscriptions/.+";

    record Root(
            @JsonProperty("extends") @Key(doc = "Organisation profile this blueprint builds on: a relative path, "
                    + "classpath:..., or https://...#sha256=<hex>.") String extendsProfile,
            @Key(doc = "Environment name (2-10 lowercase letters and digits); part of every resource name.",
                    required = true, pattern = "^[a-z][a-z0-9]{1,9}$", example = "genomics") String name,
            @Key(doc = "What the environment is for.") String description,
            @Key(doc = "Azure region.", required = true, pattern = "^[a-z][a-z0-9]{2,29}$", example = "uksouth")
            String region,
            @Key(doc = "Security profile.", values = {"baseline", "hardened"}, byDefault = PROFILE) String profile,
            @Key(doc = "Tags on every resource; owner is required.") Map<String, String> tags,
            @Key(doc = "The virtual network.") Network network,
            @Key(doc = "The CycleCloud server.") CycleCloud cycleCloud,
            @Key(doc = "The Slurm cluster.") Cluster cluster,
            @Key(doc = "Research projects.") List<Project> projects,
            @Key(doc = "Shared storage.") Storage storage,
            @Key(doc = "Who gets in.") Access access,
            @Key(doc = "Budgets and spend guard rails.") Cost cost,
            @Key(doc = "Single research VMs beside the cluster.") List<ResearchInstance> researchInstances,
            @Key(doc = "Guard rails after deployment.") Governance governance,
            @Key(doc = "Rules this blueprint accepts breaking, each with a reason.") List<Suppression> suppressions) {
    }

    record AutoShutdown(
            @Key(doc = "Daily shutdown time, HHmm (24 h).", pattern = HHMM, example = "1900") String time,
            @Key(doc = "Windows time zone id of the shutdown time (default UTC).", example = "GMT Standard Time")
            String timeZone,
            @Key(doc = "Why this VM has no daily shutdown (required when time is not given).") String alwaysOnReason) {
    }

    record IdleStop(
            @Key(doc = "Deallocate the VM after this many minutes with nobody signed in, no marked process and low "
                    + "CPU and GPU use (0: never).", min = 0, max = 1440, example = "60") Integer minutes,
            @Key(doc = "CPU use (five-minute load over the vCPUs, percent) below which the VM counts as idle.",
                    min = 1, max = 100, example = "10") Integer cpuPercent,
            @Key(doc = "GPU use (busiest GPU, percent) below which the VM counts as idle.", min = 1, max = 100,
                    example = "10") Integer gpuPercent) {
    }

    record Subnets(
            @Key(doc = "The CycleCloud server's subnet.", pattern = CIDR, example = "10.40.1.0/27") String admin,
            @Key(doc = "Cluster nodes and research instances.", pattern = CIDR, example = "10.40.16.0/20")
            String compute,
            @Key(doc = "Delegated to Azure NetApp Files.", pattern = CIDR, example = "10.40.2.0/28") String storage,
            @Key(doc = "Azure Managed Lustre (sized for its capacity; fixed later).", pattern = CIDR,
                    example = "10.40.3.0/24") String lustre,
            @Key(doc = "Private endpoints of storage and Key Vault.", pattern = CIDR, example = "10.40.4.0/27")
            String endpoints,
            @Key(doc = "Delegated to the accounting database (MySQL flexible server).", pattern = CIDR,
                    example = "10.40.6.0/28") String database,
            @Key(doc = "AzureBastionSubnet (/26 or larger).", pattern = CIDR, example = "10.40.5.0/26")
            String bastion) {
    }

    record DnsZones(
            @Key(doc = "Existing privatelink.blob.core.windows.net zone id.", pattern = ZONE_ID) String blob,
            @Key(doc = "Existing privatelink.file.core.windows.net zone id.", pattern = ZONE_ID) String file,
            @Key(doc = "Existing privatelink.vaultcore.azure.net zone id.", pattern = ZONE_ID) String keyVault) {
    }

    record ExistingSubnets(
            @Key(doc = "Subnet name for the CycleCloud server.") String admin,
            @Key(doc = "Subnet name for cluster nodes and research instances.") String compute,
            @Key(doc = "Subnet name delegated to Azure NetApp Files.") String storage,
            @Key(doc = "Subnet name for Azure Managed Lustre.") String lustre,
            @Key(doc = "Subnet name for private endpoints.") String endpoints,
            @Key(doc = "Subnet name delegated to the accounting database (MySQL flexible server).")
            String database) {
    }

    record ExistingNetwork(
            @Key(doc = "Name of the existing virtual network.", required = true) String vnet,
            @Key(doc = "Its resource group (default: the deployment's).") String resourceGroup,
            @Key(doc = "Which existing subnet plays which role.", required = true) ExistingSubnets subnets,
            @Key(doc = "Ranges of those subnets, to check the cluster fits.") Subnets ranges) {
    }

    record Network(
            @Key(doc = "Address space of the new virtual network.", pattern = CIDR, example = "10.40.0.0/16")
            String addressSpace,
            @Key(doc = "Subnet ranges; those not given are planned inside the address space.") Subnets subnets,
            @Key(doc = "Azure Bastion SKU (default: standard when hardened, basic otherwise).",
                    values = {"none", "basic", "standard"}) String bastion,
            @Key(doc = "Outbound internet through a NAT gateway.", byDefault = "true") boolean natGateway,
            @Key(doc = "Reach storage and Key Vault through private endpoints (default: true when hardened).")
            Boolean privateEndpoints,
            @Key(doc = "Existing private DNS zones to use instead of creating them.") DnsZones privateDnsZones,
            @Key(doc = "Why addressSpace may be outside the private ranges (RFC 1918 or 100.64.0.0/10): your "
                    + "organisation owns and routes it privately.") String publicAddressSpaceReason,
            @Key(doc = "Use an existing virtual network (bring your own) instead of creating one.")
            ExistingNetwork existing) {
    }

    record Node(
            @Key(doc = "Azure VM size.", required = true, pattern = VM, example = VM_SIZE) String vmSize,
            @Key(doc = "Image: CycleCloud name (cycle.image.ubuntu22), URN or custom image id.") String image) {
    }

    record Login(
            @Key(doc = "Azure VM size.", required = true, pattern = VM, example = VM_SIZE) String vmSize,
            @Key(doc = "Login nodes started with the cluster.", min = 0, max = 100, byDefault = "" + LOGIN_COUNT)
            int count,
            @Key(doc = "Most login nodes (default: count, at least 2).", min = 0, max = 100) Integer max) {
    }

    record Partition(
            @Key(doc = "Slurm partition name.", required = true, pattern = "^[a-z][a-z0-9]{0,14}$", example = "htc")
            String name,
            @Key(doc = "Azure VM size of its nodes.", required = true, pattern = VM, example = "Standard_F4s_v2")
            String vmSize,
            @Key(doc = "Most nodes it can scale to (per project using it).", required = true, min = 1, max = 10000)
            int maxNodes,
            @Key(doc = "Azure Spot VMs (evictable, cheaper).", byDefault = "false") boolean spot,
            @Key(doc = "InfiniBand placement groups for tightly coupled MPI.", byDefault = "false") boolean infiniband,
            @Key(doc = "Image of its nodes (default: the cluster's).") String image,
            @JsonProperty("default") @Key(doc = "The partition jobs go to when they name none.", byDefault = "false")
            boolean isDefault,
            @Key(doc = "Keep nodes up (never released when idle), and why.") String alwaysOnReason) {
    }

    record Cluster(
            @Key(doc = "Cluster name in CycleCloud (default: the blueprint's name).", pattern = "^[a-z][a-z0-9-]{1,30}$",
                    example = "genomics") String name,
            @Key(doc = "Slurm release to install.", pattern = "^\\d+\\.\\d+\\.\\d+$", example = SLURM_VERSION,
                    byDefault = SLURM_VERSION) String slurmVersion,
            @Key(doc = "Default image of all nodes.", byDefault = NODE_IMAGE) String image,
            @Key(doc = "The scheduler node.") Node scheduler,
            @Key(doc = "Login nodes.") Login login,
            @Key(doc = "Release a node after this many idle minutes (Slurm SuspendTime).", min = 1, max = 1440,
                    byDefault = "" + IDLE_RELEASE_MINUTES) int idleReleaseMinutes,
            @Key(doc = "Extra tags on every node.") Map<String, String> nodeTags,
            @Key(doc = "Slurm job accounting on a private MySQL flexible server; each project's budget becomes a "
                    + "limit Slurm enforces.") Accounting accounting,
            @Key(doc = "Slurm partitions (CycleCloud node arrays).", required = true) List<Partition> partitions) {
    }

    record Accounting(
            @Key(doc = "MySQL flexible server size.", pattern = "^Standard_[BDE][0-9a-z_]+$",
                    example = ACCOUNTING_SKU, byDefault = ACCOUNTING_SKU) String sku,
            @Key(doc = "Database storage (it grows by itself).", min = 20, max = 16384,
                    byDefault = "" + ACCOUNTING_STORAGE_GIB) int storageGiB) {
    }

    record CycleCloud(
            @Key(doc = "Server VM size.", pattern = VM, example = VM_SIZE, byDefault = VM_SIZE) String vmSize,
            @Key(doc = "Break-glass admin user.", pattern = "^[a-z_][a-z0-9_-]{0,31}$", example = ADMIN_USER,
                    byDefault = ADMIN_USER) String adminUser,
            @Key(doc = "CycleCloud release to install, pinned (a package build such as 8.9.1-3507 may be given).",
                    pattern = "^8\\.\\d+\\.\\d+(-\\d+)?$", example = CYCLECLOUD_VERSION,
                    byDefault = CYCLECLOUD_VERSION) String version,
            @Key(doc = "Give the server a public IP (refused when hardened).", byDefault = "false") boolean publicIp,
            @Key(doc = "Daily shutdown (default: none; it runs the cluster).") AutoShutdown autoShutdown,
            @Key(doc = "A pre-authorised managed identity to use instead of creating one and assigning roles.",
                    pattern = ZONE_ID) String existingIdentityId,
            @Key(doc = "Deallocate the server when no cluster node runs and nobody is signed in (default: never; "
                    + "users then start the server before the cluster).") IdleStop idleStop) {
    }

    record Project(
            @Key(doc = "Project name.", required = true, pattern = "^[a-z][a-z0-9]{1,11}$", example = "alpha")
            String name,
            @Key(doc = "Who is responsible for the project's use and cost.", required = true) String owner,
            @Key(doc = "Object id of the project's Entra ID group.", pattern = GUID) String groupObjectId,
            @Key(doc = "Monthly budget (billing currency).", min = 0, max = 100_000_000, byDefault = "0") long budget,
            @Key(doc = "Partitions its jobs may use.") List<String> partitions,
            @Key(doc = "Linux user names on the cluster whose jobs may use the project's partitions (others are "
                    + "refused there).", pattern = "^[a-z_][a-z0-9_-]{0,31}$", example = "alice")
            List<String> members,
            @Key(doc = "With cluster accounting: the most core-hours one job may use (0: no cap).", min = 0,
                    max = 10_000_000, byDefault = "0") int maxJobCoreHours) {
    }

    record Lustre(
            @Key(doc = "Throughput tier.", required = true, values = {"AMLFS-Durable-Premium-40",
                    "AMLFS-Durable-Premium-125", "AMLFS-Durable-Premium-250", "AMLFS-Durable-Premium-500"}) String sku,
            @Key(doc = "Capacity; a multiple of the SKU's step.", required = true, min = 4, max = 10000)
            int capacityTiB,
            @Key(doc = "Mount point.", pattern = PATH, example = LUSTRE_MOUNT_POINT, byDefault = LUSTRE_MOUNT_POINT)
            String mountPoint,
            @Key(doc = "Linked Blob container.", byDefault = LUSTRE_CONTAINER) String container,
            @Key(doc = "Blob prefix imported at creation.", pattern = "^/[A-Za-z0-9._/-]*$", example = "/",
                    byDefault = LUSTRE_IMPORT_PREFIX) String importPrefix,
            @Key(doc = "How results reach Blob.", values = {"auto", "archive-jobs"}, byDefault = LUSTRE_EXPORT)
            String export,
            @Key(doc = "Availability zone.", values = {"1", "2", "3"}, byDefault = LUSTRE_ZONE) String zone) {
    }

    record AzureFiles(
            @Key(doc = "Share name.", byDefault = SHARED_NAME) String share,
            @Key(doc = "Provisioned size.", required = true, min = 100, max = 102400) int quotaGiB,
            @Key(doc = "Mount point.", pattern = PATH, example = SHARED_MOUNT_POINT, byDefault = SHARED_MOUNT_POINT)
            String mountPoint,
            @Key(doc = "Zone-redundant.", byDefault = "true") boolean zoneRedundant,
            @Key(doc = "TLS for NFS via AZNFS.", byDefault = "true") boolean encryptionInTransit) {
    }

    record NetApp(
            @Key(doc = "Volume name and export path.", byDefault = SHARED_NAME) String volume,
            @Key(doc = "Service level.", values = {"Standard", "Premium", "Ultra"}, byDefault = NETAPP_SERVICE_LEVEL)
            String serviceLevel,
            @Key(doc = "Capacity pool size.", required = true, min = 1, max = 2048) int poolTiB,
            @Key(doc = "Volume size.", required = true, min = 50, max = 102400) int quotaGiB,
            @Key(doc = "Mount point.", pattern = PATH, example = SHARED_MOUNT_POINT, byDefault = SHARED_MOUNT_POINT)
            String mountPoint) {
    }

    record Blob(@Key(doc = "Containers for data in and out.", required = true) List<String> containers) {
    }

    record Storage(
            @Key(doc = "Azure Managed Lustre linked to Blob.") Lustre lustre,
            @Key(doc = "NFS share on premium Azure Files.") AzureFiles azureFiles,
            @Key(doc = "NFS volume on Azure NetApp Files.") NetApp netApp,
            @Key(doc = "Blob containers for data in and out.") Blob blob) {
    }

    record GroupRef(@Key(doc = "Object id.", pattern = GUID) String groupObjectId) {
    }

    record CycleCloudSignIn(
            @Key(doc = "How users sign in to CycleCloud.", values = {"entra", "local"}, byDefault = SIGN_IN)
            String signIn,
            @Key(doc = "Client id of the app registration for Entra ID sign-in (else supplied at deployment).",
                    pattern = GUID) String entraClientId,
            @Key(doc = "Why CycleCloud keeps local accounts (signIn: local).") String localSignInReason) {
    }

    record Access(
            @Key(doc = "Administrators' group.") GroupRef admins,
            @Key(doc = "Researchers' group.") GroupRef researchers,
            @Key(doc = "Entra ID sign-in over SSH.", byDefault = "true") boolean entraSshLogin,
            @Key(doc = "CycleCloud web sign-in.") CycleCloudSignIn cycleCloud) {
    }

    record Thresholds(
            @Key(doc = "Percent of actual spend (default 80, 100).", min = 1, max = 1000) List<Integer> actual,
            @Key(doc = "Percent of forecast spend (default 100).", min = 1, max = 1000) List<Integer> forecast) {
    }

    record Cost(
            @Key(doc = "Monthly budget of the environment (billing currency).", min = 0, max = 100_000_000,
                    byDefault = "0") long budget,
            @Key(doc = "Where the budget lives.", values = {"resourceGroup", "subscription"},
                    byDefault = "resourceGroup") String scope,
            @Key(doc = "Notification thresholds.") Thresholds thresholds,
            @Key(doc = "Who hears about budgets.") List<String> contactEmails,
            @Key(doc = "Default daily shutdown of research instances.") AutoShutdown autoShutdown,
            @Key(doc = "Default idle stop of research instances (default: after 60 minutes below 10% CPU and GPU).")
            IdleStop idleStop) {
    }

    record ResearchInstance(
            @Key(doc = "VM name.", required = true, pattern = "^[a-z][a-z0-9-]{1,14}$", example = "viz01") String name,
            @Key(doc = "VM size.", required = true, pattern = VM, example = "Standard_D8as_v5") String vmSize,
            @Key(doc = "ubuntu2404, ubuntu2204, ubuntu-hpc, almalinux-hpc, a URN or an image id.",
                    byDefault = RESEARCH_IMAGE) String image,
            @Key(doc = "Owning project (its identity and data).") String project,
            @Key(doc = "Mount points of shared storage to mount.", pattern = PATH, example = SHARED_MOUNT_POINT)
            List<String> mounts,
            @Key(doc = "Daily shutdown (default: cost.autoShutdown).") AutoShutdown autoShutdown,
            @Key(doc = "Deallocate itself when idle (default: cost.idleStop).") IdleStop idleStop) {
    }

    record Governance(
            @Key(doc = "Allowed regions (default: region).") List<String> allowedLocations,
            @Key(doc = "Allowed VM sizes (default: those the blueprint uses).") List<String> allowedVmSizes,
            @Key(doc = "Tags resources must carry (default: project, owner, environment).") List<String> requiredTags,
            @Key(doc = "Deny (not only audit) untagged resources.", byDefault = "false") boolean enforceRequiredTags,
            @Key(doc = "Log Analytics retention; 0 turns logging off (default: 90 when hardened, else 0).", min = 0,
                    max = 730) Integer logRetentionDays,
            @Key(doc = "Assign the policies (default: true when hardened).") Boolean policy) {
    }

    record Suppression(
            @Key(doc = "Rule id.", required = true, pattern = "^HPCB-[A-Z]+-\\d{3}$", example = "HPCB-NET-004")
            String rule,
            @Key(doc = "Why breaking the rule is acceptable here.", required = true) String reason,
            @Key(doc = "JSON path or resource name the suppression is limited to.") String target) {
    }
}
