package io.github.hpcblueprints.azure.compute;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Windows time zone ids, which DevTestLab auto-shutdown schedules take ({@code GMT Standard Time}, {@code UTC}),
 * from a shipped copy of CLDR's Windows-to-IANA table. An IANA id ({@code Europe/London}) is refused with the
 * Windows id to use instead.
 */
public final class WindowsTimeZones {

    /** Windows id to the IANA zone it stands for. */
    private static final Map<String, String> ZONES = load();

    private WindowsTimeZones() {
    }

    /** Refuses an id Azure's schedules do not take, saying which to use. */
    public static void check(String id) {
        if (ZONES.containsKey(id)) {
            return;
        }
        String hint = "";
        for (String windows : ZONES.keySet()) {
            if (windows.equalsIgnoreCase(id)) {
                hint = " (write it as '" + windows + "')";
            }
        }
        if (hint.isEmpty()) {
            hint = windowsIdFor(id).map(w -> " ('" + id + "' is an IANA zone; the Windows id for it is '" + w + "')")
                    .orElse("; use one such as 'UTC', 'GMT Standard Time' or 'W. Europe Standard Time'");
        }
        throw new IllegalArgumentException("time zone '" + id + "' is not a Windows time zone id, which auto-shutdown "
                + "schedules need" + hint);
    }

    /** The Windows id of an IANA zone: the one CLDR maps to it, else one with the same rules. */
    static java.util.Optional<String> windowsIdFor(String iana) {
        ZoneId zone;
        try {
            zone = ZoneId.of(iana);
        } catch (java.time.DateTimeException e) {
            return java.util.Optional.empty();
        }
        for (Map.Entry<String, String> e : ZONES.entrySet()) {
            if (e.getValue().equals(zone.getId())) {
                return java.util.Optional.of(e.getKey());
            }
        }
        for (Map.Entry<String, String> e : ZONES.entrySet()) {
            try {
                if (ZoneId.of(e.getValue()).getRules().equals(zone.getRules())) {
                    return java.util.Optional.of(e.getKey());
                }
            } catch (java.time.DateTimeException ignored) {
                // a CLDR zone this JDK does not know; skip it
            }
        }
        return java.util.Optional.empty();
    }

    private static Map<String, String> load() {
        Map<String, String> out = new LinkedHashMap<>();
        ShippedData.lines("windows-time-zones.tsv").stream().map(l -> l.split("\t")).forEach(p -> out.put(p[0], p[1]));
        return out;
    }
}
