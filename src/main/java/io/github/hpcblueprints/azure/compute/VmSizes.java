package io.github.hpcblueprints.azure.compute;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Azure VM size names this tool knows, from a shipped, dated list ({@code vm-sizes.txt}, from Azure's size
 * documentation). A size Azure does not offer fails the deployment only when the VM is created; this catches the
 * typo at build time. A size newer than the list is accepted where the user vouches for it (the blueprint's
 * {@code governance.allowedVmSizes}).
 */
public final class VmSizes {

    private static final Map<String, String> KNOWN = load();

    private VmSizes() {
    }

    /** Whether Azure offers a size of this name (names compare case-insensitively, as Azure does). */
    public static boolean known(String size) {
        return KNOWN.containsKey(size.toLowerCase(Locale.ROOT));
    }

    /** The known size nearest to a misspelt one, or empty. */
    public static String closest(String size) {
        return io.github.hpcblueprints.diagnostics.Suggest.closest(size, KNOWN.values());
    }

    /**
     * The vCPUs of a size, read from its name as Azure's naming convention writes them: family and sub-family
     * letters, then the vCPU count, then (for constrained-core sizes) a dash and the active vCPUs, then features
     * ({@code Standard_F16s_v2}: 16; {@code Standard_HB176rs_v4}: 176; {@code Standard_E8-4as_v5}: 4). Empty for a
     * name that does not follow it. Source: "Virtual machine sizes overview", naming conventions
     * (learn.microsoft.com/azure/virtual-machines/sizes/overview).
     */
    public static java.util.OptionalInt vcpus(String size) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:Standard|Basic)_[A-Z]+(\\d+)(?:-(\\d+))?"
                + "[a-z]*(?:_.*)?").matcher(size);
        if (!m.matches()) {
            return java.util.OptionalInt.empty();
        }
        int n = Integer.parseInt(m.group(m.group(2) != null ? 2 : 1));
        return n > 0 ? java.util.OptionalInt.of(n) : java.util.OptionalInt.empty();
    }

    /** The date of the shipped list, as its header states it. */
    public static final String LIST_DATE = "2026-12-03";

    private static Map<String, String> load() {
        Map<String, String> out = new TreeMap<>();
        ShippedData.lines("vm-sizes.txt").forEach(l -> out.put(l.strip().toLowerCase(Locale.ROOT), l.strip()));
        return out;
    }
}
