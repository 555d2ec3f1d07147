package io.github.hpcblueprints.azure;

/**
 * Azure's tag limits: names up to 512 characters (128 on storage accounts, which every environment has), values up
 * to 256, and no {@code < > % & \ ? /} in a name; names starting with {@code microsoft}, {@code azure} or
 * {@code windows} are reserved for Azure.
 */
public final class Tags {

    /** The name limit that holds on every resource type we tag (storage accounts allow the fewest). */
    public static final int MAX_NAME = 128;
    public static final int MAX_VALUE = 256;

    private Tags() {
    }

    public static void check(String name, String value) {
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("tag name '" + abbreviate(name) + "' must be 1-" + MAX_NAME
                    + " characters (Azure's limit on storage accounts)");
        }
        if (name.matches(".*[<>%&\\\\?/].*")) {
            throw new IllegalArgumentException("tag name '" + name + "' may not contain < > % & \\ ? or /");
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("microsoft") || lower.startsWith("azure") || lower.startsWith("windows")) {
            throw new IllegalArgumentException("tag name '" + name + "' starts with a prefix Azure reserves "
                    + "(microsoft, azure, windows)");
        }
        if (value.length() > MAX_VALUE) {
            throw new IllegalArgumentException("tag '" + name + "' has a value of " + value.length()
                    + " characters; Azure allows at most " + MAX_VALUE);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
