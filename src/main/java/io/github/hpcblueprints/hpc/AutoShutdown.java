package io.github.hpcblueprints.hpc;

import java.util.Objects;

/**
 * The daily shutdown of a fixed VM, or the written reason it has none.
 *
 * @param time {@code HHmm}, empty when the VM stays on
 * @param timeZone a Windows time zone id
 * @param alwaysOnReason why the VM stays on (required when {@code time} is empty)
 */
public record AutoShutdown(String time, String timeZone, String alwaysOnReason) {

    public AutoShutdown {
        Objects.requireNonNull(time);
        Objects.requireNonNull(timeZone);
        Objects.requireNonNull(alwaysOnReason);
        if (time.isEmpty() && alwaysOnReason.isBlank()) {
            throw new IllegalArgumentException("a VM without auto-shutdown needs a written reason");
        }
        if (!time.isEmpty() && !time.matches("([01][0-9]|2[0-3])[0-5][0-9]")) {
            throw new IllegalArgumentException("shutdown time '" + time + "' is not HHmm");
        }
        io.github.hpcblueprints.azure.compute.WindowsTimeZones.check(timeZone);
    }

    public static AutoShutdown at(String time, String timeZone) {
        return new AutoShutdown(time, timeZone, "");
    }

    public static AutoShutdown never(String reason) {
        return new AutoShutdown("", "UTC", reason);
    }

    public boolean enabled() {
        return !time.isEmpty();
    }
}
