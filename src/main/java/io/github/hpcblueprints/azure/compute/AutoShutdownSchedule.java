package io.github.hpcblueprints.azure.compute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The daily auto-shutdown of a VM ({@code Microsoft.DevTestLab/schedules}), named {@code shutdown-computevm-<vm>} as
 * the portal names it so the VM's Auto-shutdown blade shows it. A VM left running overnight is the commonest
 * surprise on a research bill. Default: 19:00 UTC, with an email 30 minutes before when a recipient is given.
 */
public final class AutoShutdownSchedule extends ResourceSpec<AutoShutdownSchedule> {

    public static final String TYPE = "Microsoft.DevTestLab/schedules";
    public static final String API_VERSION = "2018-09-15";
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3])[0-5][0-9]");

    private final Expr vmId;
    private String time = "1900";
    private String timeZone = "UTC";
    private Expr email;
    private int notifyMinutesBefore = 30;

    private AutoShutdownSchedule(Expr name, Expr vmId) {
        super(name, TYPE, API_VERSION);
        this.vmId = Objects.requireNonNull(vmId);
    }

    /** The schedule for {@code vm}; its name follows from the VM's. */
    public static AutoShutdownSchedule forVm(Ref<LinuxVirtualMachine> vm) {
        Expr name = vm.name() instanceof Expr.Str s ? Expr.str("shutdown-computevm-" + s.value())
                : Expr.format("shutdown-computevm-{0}", vm.name());
        return new AutoShutdownSchedule(name, vm.id());
    }

    /** Daily time as {@code HHmm} (24 h), in {@link #timeZone(String)}. */
    public AutoShutdownSchedule at(String hhmm) {
        if (!TIME.matcher(hhmm).matches()) {
            throw new IllegalArgumentException("shutdown time '" + hhmm + "' is not HHmm between 0000 and 2359");
        }
        this.time = hhmm;
        return this;
    }

    /** A Windows time zone id ({@code UTC}, {@code GMT Standard Time}, {@code W. Europe Standard Time} ...). */
    public AutoShutdownSchedule timeZone(String windowsTimeZoneId) {
        if (windowsTimeZoneId.isBlank()) {
            throw new IllegalArgumentException("time zone is empty");
        }
        this.timeZone = windowsTimeZoneId;
        return this;
    }

    /** Emails {@code recipient} before shutting down, so work in progress can be saved or the shutdown delayed. */
    public AutoShutdownSchedule notify(Expr recipient, int minutesBefore) {
        if (minutesBefore < 15 || minutesBefore > 120) {
            throw new IllegalArgumentException("notification lead time " + minutesBefore
                    + " minutes is outside 15-120");
        }
        this.email = recipient;
        this.notifyMinutesBefore = minutesBefore;
        return this;
    }

    @Override
    protected AutoShutdownSchedule self() {
        return this;
    }

    @Override
    public Resource toResource() {
        ObjectNode notification = email == null ? Json.obj("status", "Disabled")
                : Json.obj("status", "Enabled", "timeInMinutes", notifyMinutesBefore, "emailRecipient", email,
                        "notificationLocale", "en");
        return base(true).properties(Json.obj(
                "status", "Enabled",
                "taskType", "ComputeVmShutdownTask",
                "dailyRecurrence", Json.obj("time", time),
                "timeZoneId", timeZone,
                "targetResourceId", vmId,
                "notificationSettings", notification)).build();
    }
}
