package io.github.hpcblueprints.arm;

import java.util.regex.Pattern;

/** Builds the JSON paths used in every message: {@code $.resources[0].properties['odd-key']}. */
public final class JsonPath {

    public static final String ROOT = "$";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private JsonPath() {
    }

    public static String child(String parent, String key) {
        if (IDENTIFIER.matcher(key).matches()) {
            return parent + "." + key;
        }
        return parent + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    public static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }

    /** A path from a sequence of keys (String) and indexes (Integer), starting at the root. */
    public static String of(Object... parts) {
        String p = ROOT;
        for (Object part : parts) {
            p = part instanceof Integer i ? index(p, i) : child(p, part.toString());
        }
        return p;
    }
}
