package io.github.hpcblueprints.blueprint;

import static io.github.hpcblueprints.blueprint.Spec.arr;
import static io.github.hpcblueprints.blueprint.Spec.bool;
import static io.github.hpcblueprints.blueprint.Spec.integer;
import static io.github.hpcblueprints.blueprint.Spec.mapOf;
import static io.github.hpcblueprints.blueprint.Spec.obj;
import static io.github.hpcblueprints.blueprint.Spec.oneOf;
import static io.github.hpcblueprints.blueprint.Spec.opt;
import static io.github.hpcblueprints.blueprint.Spec.req;
import static io.github.hpcblueprints.blueprint.Spec.str;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.json.JsonPrinter;

/**
 * The blueprint format: every key a blueprint (or organisation profile) may use, its type and what it means. The
 * published JSON Schema ({@code blueprints/schema/blueprint.schema.json}) is {@link #schemaText()}.
 */
public final class BlueprintFormat {

    /** The schema's {@code $id}. */
    public static final String SCHEMA_ID =
            "https://hpcblueprints.github.io/schema/blueprint.schema.json";

    private static final String CIDR = "^(\\d{1,3}\\.){3}\\d{1,3}/\\d{1,2}$";
    private static final String GUID = "^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$";
    private static final String HHMM = "^([01][0-9]|2[0-3])[0-5][0-9]$";
    private static final String PATH = "^/[A-Za-z0-9._/-]+$";

    private static final Spec.Obj AUTO_SHUTDOWN = obj(
            opt("time", str(HHMM, "1900"), "Daily shutdown time, HHmm (24 h)."),
            opt("timeZone", str("", "GMT Standard Time"), "Windows time zone id of the shutdown time (default UTC)."),
            opt("alwaysOnReason", str(), "Why this VM has no daily shutdown (required when time is not given)."));

    private static final Spec.Obj SUBNETS = obj(
            opt("admin", str(CIDR, "10.40.1.0/27"), "The CycleCloud server's subnet."),
            opt("compute", str(CIDR, "10.40.16.0/20"), "Cluster nodes and research instances."),
            opt("storage", str(CIDR, "10.40.2.0/28"), "Delegated to Azure NetApp Files."),
            opt("lustre", str(CIDR, "10.40.3.0/24"), "Azure Managed Lustre (sized for its capacity; fixed later)."),
            opt("endpoints", str(CIDR, "10.40.4.0/27"), "Private endpoints of storage and Key Vault."),
            opt("bastion", str(CIDR, "10.40.5.0/26"), "AzureBastionSubnet (/26 or larger)."));

    private static final Spec.Obj DNS_ZONES = obj(
            opt("blob", str("^/subscriptions/.+", ""), "Existing privatelink.blob.core.windows.net zone id."),
            opt("file", str("^/subscriptions/.+", ""), "Existing privatelink.file.core.windows.net zone id."),
            opt("keyVault", str("^/subscriptions/.+", ""), "Existing privatelink.vaultcore.azure.net zone id."));

    private static final Spec.Obj EXISTING_SUBNETS = obj(
            opt("admin", str(), "Subnet name for the CycleCloud server."),
            opt("compute", str(), "Subnet name for cluster nodes and research instances."),
            opt("storage", str(), "Subnet name delegated to Azure NetApp Files."),
            opt("lustre", str(), "Subnet name for Azure Managed Lustre."),
            opt("endpoints", str(), "Subnet name for private endpoints."));

    private static final Spec.Obj NETWORK = obj(
            opt("addressSpace", str(CIDR, "10.40.0.0/16"), "Address space of the new virtual network."),
            opt("subnets", SUBNETS, "Subnet ranges; those not given are planned inside the address space."),
            opt("bastion", oneOf("none", "basic", "standard"), "Azure Bastion SKU (default: standard when hardened, "
                    + "basic otherwise)."),
            opt("natGateway", bool(), "Outbound internet through a NAT gateway (default true)."),
            opt("privateEndpoints", bool(), "Reach storage and Key Vault through private endpoints (default: true "
                    + "when hardened)."),
            opt("privateDnsZones", DNS_ZONES, "Existing private DNS zones to use instead of creating them."),
            opt("publicAddressSpaceReason", str(), "Why addressSpace may be outside the private ranges (RFC 1918 "
                    + "or 100.64.0.0/10): your organisation owns and routes it privately."),
            opt("existing", obj(
                    req("vnet", str(), "Name of the existing virtual network."),
                    opt("resourceGroup", str(), "Its resource group (default: the deployment's)."),
                    req("subnets", EXISTING_SUBNETS, "Which existing subnet plays which role."),
                    opt("ranges", SUBNETS, "Ranges of those subnets, to check the cluster fits.")),
                    "Use an existing virtual network (bring your own) instead of creating one."));

    private static final Spec.Obj NODE = obj(
            req("vmSize", str("^(Standard|Basic)_[A-Za-z0-9_]+$", "Standard_D4as_v5"), "Azure VM size."),
            opt("image", str(), "Image: CycleCloud name (cycle.image.ubuntu22), URN or custom image id."));

    private static final Spec.Obj PARTITION = obj(
            req("name", str("^[a-z][a-z0-9]{0,14}$", "htc"), "Slurm partition name."),
            req("vmSize", str("^(Standard|Basic)_[A-Za-z0-9_]+$", "Standard_F4s_v2"), "Azure VM size of its nodes."),
            req("maxNodes", integer(1, 10000), "Most nodes it can scale to (per project using it)."),
            opt("spot", bool(), "Azure Spot VMs (evictable, cheaper)."),
            opt("infiniband", bool(), "InfiniBand placement groups for tightly coupled MPI."),
            opt("image", str(), "Image of its nodes (default: the cluster's)."),
            opt("default", bool(), "The partition jobs go to when they name none."),
            opt("alwaysOnReason", str(), "Keep nodes up (never released when idle), and why."));

    private static final Spec.Obj CLUSTER = obj(
            opt("name", str("^[a-z][a-z0-9-]{1,30}$", "genomics"), "Cluster name in CycleCloud (default: the "
                    + "blueprint's name)."),
            opt("slurmVersion", str("^\\d+\\.\\d+\\.\\d+$", "25.11.5"), "Slurm release to install."),
            opt("image", str(), "Default image of all nodes (default cycle.image.ubuntu22)."),
            opt("scheduler", NODE, "The scheduler node."),
            opt("login", obj(
                    req("vmSize", str("^(Standard|Basic)_[A-Za-z0-9_]+$", "Standard_D4as_v5"), "Azure VM size."),
                    opt("count", integer(0, 100), "Login nodes started with the cluster (default 1)."),
                    opt("max", integer(0, 100), "Most login nodes (default 2).")), "Login nodes."),
            opt("idleReleaseMinutes", integer(1, 1440), "Release a node after this many idle minutes (Slurm "
                    + "SuspendTime; default 15)."),
            opt("nodeTags", mapOf(str()), "Extra tags on every node."),
            req("partitions", arr(PARTITION), "Slurm partitions (CycleCloud node arrays)."));

    private static final Spec.Obj ROOT = obj(
            opt("extends", str(), "Organisation profile this blueprint builds on: a relative path, classpath:..., "
                    + "or https://...#sha256=<hex>."),
            req("name", str("^[a-z][a-z0-9]{1,9}$", "genomics"), "Environment name (2-10 lowercase letters and "
                    + "digits); part of every resource name."),
            opt("description", str(), "What the environment is for."),
            req("region", str("^[a-z][a-z0-9]{2,29}$", "uksouth"), "Azure region."),
            opt("profile", oneOf("baseline", "hardened"), "Security profile (default hardened)."),
            opt("tags", mapOf(str()), "Tags on every resource; owner is required."),
            opt("network", NETWORK, "The virtual network."),
            opt("cycleCloud", obj(
                    opt("vmSize", str("^(Standard|Basic)_[A-Za-z0-9_]+$", "Standard_D4as_v5"), "Server VM size."),
                    opt("adminUser", str("^[a-z_][a-z0-9_-]{0,31}$", "hpcadmin"), "Break-glass admin user."),
                    opt("version", str(), "CycleCloud 8 package version (default 8.*: the newest)."),
                    opt("publicIp", bool(), "Give the server a public IP (refused when hardened)."),
                    opt("autoShutdown", AUTO_SHUTDOWN, "Daily shutdown (default: none; it runs the cluster)."),
                    opt("existingIdentityId", str("^/subscriptions/.+", ""), "A pre-authorised managed identity to "
                            + "use instead of creating one and assigning roles.")), "The CycleCloud server."),
            opt("cluster", CLUSTER, "The Slurm cluster."),
            opt("projects", arr(obj(
                    req("name", str("^[a-z][a-z0-9]{1,11}$", "alpha"), "Project name."),
                    req("owner", str(), "Who is responsible for the project's use and cost."),
                    opt("groupObjectId", str(GUID, ""), "Object id of the project's Entra ID group."),
                    opt("budget", integer(0, 100_000_000), "Monthly budget (billing currency)."),
                    opt("partitions", arr(str()), "Partitions its jobs may use."),
                    opt("members", arr(str("^[a-z_][a-z0-9_-]{0,31}$", "alice")), "Linux user names on the cluster "
                            + "whose jobs may use the project's partitions (others are refused there)."))),
                    "Research projects."),
            opt("storage", obj(
                    opt("lustre", obj(
                            req("sku", oneOf("AMLFS-Durable-Premium-40", "AMLFS-Durable-Premium-125",
                                    "AMLFS-Durable-Premium-250", "AMLFS-Durable-Premium-500"), "Throughput tier."),
                            req("capacityTiB", integer(4, 10000), "Capacity; a multiple of the SKU's step."),
                            opt("mountPoint", str(PATH, "/lustre"), "Mount point (default /lustre)."),
                            opt("container", str(), "Linked Blob container (default lustre-data)."),
                            opt("importPrefix", str("^/[A-Za-z0-9._/-]*$", "/"), "Blob prefix imported at creation "
                                    + "(default /)."),
                            opt("export", oneOf("auto", "archive-jobs"), "How results reach Blob (default auto)."),
                            opt("zone", oneOf("1", "2", "3"), "Availability zone (default 1).")),
                            "Azure Managed Lustre linked to Blob."),
                    opt("azureFiles", obj(
                            opt("share", str(), "Share name (default shared)."),
                            req("quotaGiB", integer(100, 102400), "Provisioned size."),
                            opt("mountPoint", str(PATH, "/shared"), "Mount point (default /shared)."),
                            opt("zoneRedundant", bool(), "Zone-redundant (default true)."),
                            opt("encryptionInTransit", bool(), "TLS for NFS via AZNFS (default true).")),
                            "NFS share on premium Azure Files."),
                    opt("netApp", obj(
                            opt("volume", str(), "Volume name and export path (default shared)."),
                            opt("serviceLevel", oneOf("Standard", "Premium", "Ultra"), "Service level."),
                            req("poolTiB", integer(1, 2048), "Capacity pool size."),
                            req("quotaGiB", integer(50, 102400), "Volume size."),
                            opt("mountPoint", str(PATH, "/shared"), "Mount point (default /shared).")),
                            "NFS volume on Azure NetApp Files."),
                    opt("blob", obj(req("containers", arr(str()), "Containers for data in and out.")),
                            "Blob containers for data in and out.")), "Shared storage."),
            opt("access", obj(
                    opt("admins", obj(opt("groupObjectId", str(GUID, ""), "Object id.")), "Administrators' group."),
                    opt("researchers", obj(opt("groupObjectId", str(GUID, ""), "Object id.")), "Researchers' group."),
                    opt("entraSshLogin", bool(), "Entra ID sign-in over SSH (default true)."),
                    opt("cycleCloud", obj(
                            opt("signIn", oneOf("entra", "local"), "How users sign in to CycleCloud (default entra)."),
                            opt("entraClientId", str(GUID, ""), "Client id of the app registration for Entra ID "
                                    + "sign-in (else supplied at deployment)."),
                            opt("localSignInReason", str(), "Why CycleCloud keeps local accounts (signIn: local).")),
                            "CycleCloud web sign-in.")), "Who gets in."),
            opt("cost", obj(
                    opt("budget", integer(0, 100_000_000), "Monthly budget of the environment (billing currency)."),
                    opt("scope", oneOf("resourceGroup", "subscription"), "Where the budget lives."),
                    opt("thresholds", obj(
                            opt("actual", arr(integer(1, 1000)), "Percent of actual spend (default 80, 100)."),
                            opt("forecast", arr(integer(1, 1000)), "Percent of forecast spend (default 100).")),
                            "Notification thresholds."),
                    opt("contactEmails", arr(str()), "Who hears about budgets."),
                    opt("autoShutdown", AUTO_SHUTDOWN, "Default daily shutdown of research instances.")),
                    "Budgets and spend guard rails."),
            opt("researchInstances", arr(obj(
                    req("name", str("^[a-z][a-z0-9-]{1,14}$", "viz01"), "VM name."),
                    req("vmSize", str("^(Standard|Basic)_[A-Za-z0-9_]+$", "Standard_D8as_v5"), "VM size."),
                    opt("image", str(), "ubuntu2404, ubuntu2204, ubuntu-hpc, almalinux-hpc, a URN or an image id."),
                    opt("project", str(), "Owning project (its identity and data)."),
                    opt("mounts", arr(str(PATH, "/shared")), "Mount points of shared storage to mount."),
                    opt("autoShutdown", AUTO_SHUTDOWN, "Daily shutdown (default: cost.autoShutdown)."))),
                    "Single research VMs beside the cluster."),
            opt("governance", obj(
                    opt("allowedLocations", arr(str()), "Allowed regions (default: region)."),
                    opt("allowedVmSizes", arr(str()), "Allowed VM sizes (default: those the blueprint uses)."),
                    opt("requiredTags", arr(str()), "Tags resources must carry."),
                    opt("enforceRequiredTags", bool(), "Deny (not only audit) untagged resources."),
                    opt("logRetentionDays", integer(0, 730), "Log Analytics retention; 0 turns logging off."),
                    opt("policy", bool(), "Assign the policies (default: true when hardened).")),
                    "Guard rails after deployment."),
            opt("suppressions", arr(obj(
                    req("rule", str("^HPCB-[A-Z]+-\\d{3}$", "HPCB-NET-004"), "Rule id."),
                    req("reason", str(), "Why breaking the rule is acceptable here."),
                    opt("target", str(), "JSON path or resource name the suppression is limited to."))),
                    "Rules this blueprint accepts breaking, each with a reason."));

    private BlueprintFormat() {
    }

    static Spec.Obj root() {
        return ROOT;
    }

    /** The blueprint JSON Schema as a tree. */
    public static ObjectNode schema() {
        return Spec.schema(ROOT, SCHEMA_ID, "hpc-blueprints blueprint", "A secure research HPC environment on Azure, "
                + "or an organisation profile that blueprints extend.");
    }

    /** The schema of organisation profiles: the same keys, none required. */
    public static ObjectNode profileSchema() {
        ObjectNode s = Spec.withoutRequired(schema());
        s.put("$id", SCHEMA_ID.replace("blueprint.schema.json", "profile.schema.json"));
        s.put("title", "hpc-blueprints organisation profile");
        return s;
    }

    public static String profileSchemaText() {
        return JsonPrinter.print(profileSchema());
    }

    /** The blueprint JSON Schema as published in {@code blueprints/schema/blueprint.schema.json}. */
    public static String schemaText() {
        return JsonPrinter.print(schema());
    }
}
