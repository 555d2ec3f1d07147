package io.github.hpcblueprints.diagnostics;

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

    /**
     * Whether {@code path} is {@code prefix} or lies under it: {@code $.resources[1]} covers
     * {@code $.resources[1].sku} but not {@code $.resources[10]}.
     */
    public static boolean isWithin(String path, String prefix) {
        if (!path.startsWith(prefix)) {
            return false;
        }
        return path.length() == prefix.length() || path.charAt(prefix.length()) == '.'
                || path.charAt(prefix.length()) == '[';
    }

    /** The parent of a path ({@code $.a.b} -> {@code $.a}, {@code $.a[0]} -> {@code $.a}); "" for the root. */
    public static String parent(String path) {
        if (path.equals(ROOT) || path.isEmpty()) {
            return "";
        }
        if (path.endsWith("]")) {
            int open = path.endsWith("']") ? path.lastIndexOf("['") : path.lastIndexOf('[');
            return open > 0 ? path.substring(0, open) : ROOT;
        }
        int dot = path.lastIndexOf('.');
        return dot > 0 ? path.substring(0, dot) : ROOT;
    }

    /**
     * Appends a location reported by a JSON Schema validator ({@code $.a.b} or a JSON Pointer {@code /a/b}) to
     * {@code base}.
     */
    public static String append(String base, String instance) {
        if (instance == null || instance.isEmpty() || instance.equals("$") || instance.equals("/")) {
            return base;
        }
        if (instance.startsWith("$")) {
            return base + instance.substring(1);
        }
        String out = base;
        for (String part : instance.substring(instance.startsWith("/") ? 1 : 0).split("/")) {
            String key = part.replace("~1", "/").replace("~0", "~");
            out = key.matches("\\d+") ? index(out, Integer.parseInt(key)) : child(out, key);
        }
        return out;
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
