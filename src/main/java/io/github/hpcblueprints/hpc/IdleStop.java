package io.github.hpcblueprints.hpc;

/**
 * A VM that deallocates itself when nobody uses it: after {@code minutes} in a row with no signed-in session, no
 * process marked {@code HPCB_KEEP_AWAKE=1}, and CPU and GPU use below their thresholds. Deallocated, not shut down:
 * a VM stopped from inside its operating system is still allocated, and still billed.
 *
 * @param minutes how long the VM must have been idle; 0 turns the agent off
 * @param cpuPercent CPU use (the five-minute load average over the vCPUs) below which the VM counts as idle
 * @param gpuPercent GPU use (the busiest GPU, from nvidia-smi) below which the VM counts as idle
 */
public record IdleStop(int minutes, int cpuPercent, int gpuPercent) {

    public IdleStop {
        if (minutes != 0 && (minutes < 15 || minutes > 1440)) {
            throw new IllegalArgumentException("idle stop after " + minutes + " minutes: give 15 to 1440 minutes "
                    + "(the agent looks every 5 minutes), or 0 to turn it off");
        }
        for (int p : new int[] {cpuPercent, gpuPercent}) {
            if (p < 1 || p > 100) {
                throw new IllegalArgumentException("idle stop threshold " + p + "% is outside 1-100%");
            }
        }
    }

    /** The default for research instances: an hour below 10% CPU and GPU with nobody signed in. */
    public static IdleStop defaults() {
        return new IdleStop(Defaults.IDLE_STOP_MINUTES, Defaults.IDLE_STOP_PERCENT, Defaults.IDLE_STOP_PERCENT);
    }

    public static IdleStop off() {
        return new IdleStop(0, Defaults.IDLE_STOP_PERCENT, Defaults.IDLE_STOP_PERCENT);
    }

    /** After {@code minutes} idle, with the default thresholds. */
    public static IdleStop after(int minutes) {
        return new IdleStop(minutes, Defaults.IDLE_STOP_PERCENT, Defaults.IDLE_STOP_PERCENT);
    }

    public boolean enabled() {
        return minutes > 0;
    }
}
