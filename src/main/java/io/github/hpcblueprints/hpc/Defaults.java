package io.github.hpcblueprints.hpc;

/**
 * The values an environment takes where its description says nothing, declared once: the Java DSL's builders and
 * the blueprint format ({@code blueprint.BlueprintDocument}, whose schema publishes them) both read them from here.
 * Defaults that depend on other settings (the profile, the environment's name) stay with the code that derives them.
 */
public final class Defaults {

    private Defaults() {
    }

    public static final String PROFILE = "hardened";
    /** VM size of the CycleCloud server, the scheduler and the login nodes. */
    public static final String VM_SIZE = "Standard_D4as_v5";
    public static final String ADMIN_USER = "hpcadmin";
    /** The CycleCloud release the official CycleCloud Workspace for Slurm deploys (its image 8.9.1, June 2026). */
    public static final String CYCLECLOUD_VERSION = "8.9.1";
    public static final String SLURM_VERSION = "25.11.5";
    /** The image of every cluster node that names none. */
    public static final String NODE_IMAGE = "cycle.image.ubuntu22";
    public static final String RESEARCH_IMAGE = "ubuntu2404";
    public static final int LOGIN_COUNT = 1;
    public static final int IDLE_RELEASE_MINUTES = 15;
    public static final String SHUTDOWN_TIME = "1900";
    /** The accounting database: the smallest MySQL flexible server, which slurmdbd's load fits. */
    public static final String ACCOUNTING_SKU = "Standard_B1ms";
    public static final int ACCOUNTING_STORAGE_GIB = 20;
    /** Minutes a job may run when it gives no time limit (accounting needs one to keep within a budget). */
    public static final int DEFAULT_JOB_MINUTES = 60;
    /** A research instance deallocates itself after this many idle minutes. */
    public static final int IDLE_STOP_MINUTES = 60;
    /** Below this CPU or GPU use (percent) a VM counts as idle. */
    public static final int IDLE_STOP_PERCENT = 10;
    public static final String SHUTDOWN_TIME_ZONE = "UTC";
    public static final String LUSTRE_MOUNT_POINT = "/lustre";
    public static final String LUSTRE_CONTAINER = "lustre-data";
    public static final String LUSTRE_IMPORT_PREFIX = "/";
    public static final String LUSTRE_EXPORT = "auto";
    public static final String LUSTRE_ZONE = "1";
    public static final String SHARED_MOUNT_POINT = "/shared";
    /** The Azure Files share and the NetApp volume (and its export path). */
    public static final String SHARED_NAME = "shared";
    public static final String NETAPP_SERVICE_LEVEL = "Premium";
    public static final String SIGN_IN = "entra";
    /** Tags governance requires, and cost is traced by. */
    public static final java.util.List<String> REQUIRED_TAGS = java.util.List.of("project", "owner", "environment");
    /** Log retention in days of a hardened environment (a baseline one keeps no logs unless asked). */
    public static final int HARDENED_LOG_RETENTION_DAYS = 90;
}
