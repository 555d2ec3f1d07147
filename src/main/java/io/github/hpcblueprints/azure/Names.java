package io.github.hpcblueprints.azure;

import io.github.hpcblueprints.arm.Expr;
import java.util.regex.Pattern;

/**
 * Azure's naming rules, checked where a name is a literal. A computed name ({@code format(...)}) is unknown at build
 * time and is left to Azure.
 */
public final class Names {

    private static final Pattern STORAGE = Pattern.compile("[a-z0-9]{3,24}");
    private static final Pattern KEY_VAULT = Pattern.compile("[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]");
    private static final Pattern GENERAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private Names() {
    }

    /** Storage accounts: 3-24 lowercase letters and digits, globally unique. */
    public static void storageAccount(Expr name) {
        if (name instanceof Expr.Str s && !STORAGE.matcher(s.value()).matches()) {
            throw new IllegalArgumentException("storage account name '" + s.value() + "' must be 3-24 lowercase "
                    + "letters and digits (no hyphens); it is part of a public DNS name");
        }
    }

    /** Key vaults: 3-24 letters, digits and hyphens, starting with a letter, no double hyphen. */
    public static void keyVault(Expr name) {
        if (name instanceof Expr.Str s && (!KEY_VAULT.matcher(s.value()).matches() || s.value().contains("--"))) {
            throw new IllegalArgumentException("key vault name '" + s.value() + "' must be 3-24 letters, digits "
                    + "and hyphens, start with a letter, end with a letter or digit, and have no '--'");
        }
    }

    /** A general resource name of at most {@code max} characters. */
    public static void general(String what, Expr name, int max) {
        if (name instanceof Expr.Str s) {
            if (s.value().isEmpty() || s.value().length() > max) {
                throw new IllegalArgumentException(what + " name '" + s.value() + "' must be 1-" + max
                        + " characters");
            }
            if (!GENERAL.matcher(s.value()).matches() || s.value().endsWith(".")) {
                throw new IllegalArgumentException(what + " name '" + s.value() + "' may use letters, digits, '-', "
                        + "'_' and '.', start with a letter or digit, and not end with '.'");
            }
        }
    }

    /**
     * Resource groups: 1-90 letters, digits, '_', '-', '.', '(' and ')', not ending in '.' (Azure's naming rules;
     * letters and digits may be any Unicode ones).
     */
    public static void resourceGroup(String name) {
        if (name.isEmpty() || name.length() > 90 || !name.matches("[\\p{L}\\p{Nd}_().-]+") || name.endsWith(".")) {
            throw new IllegalArgumentException("resource group name '" + name + "' must be 1-90 letters, digits, "
                    + "'_', '-', '.', '(' and ')', not ending in '.'");
        }
    }

    /**
     * A resource id of {@code type} ({@code Microsoft.Network/privateDnsZones}):
     * {@code /subscriptions/<guid>/resourceGroups/<group>/providers/<type>/<name>}.
     */
    public static void resourceId(String what, String id, String type) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)/subscriptions/([0-9a-f]{8}-[0-9a-f]{4}-"
                + "[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/resourceGroups/([^/]+)/providers/"
                + java.util.regex.Pattern.quote(type) + "/([^/]+)").matcher(id);
        if (!m.matches()) {
            throw new IllegalArgumentException(what + " '" + id + "' is not a resource id of the form /subscriptions/"
                    + "<subscription guid>/resourceGroups/<group>/providers/" + type + "/<name>");
        }
        resourceGroup(m.group(2));
    }

    /** The last segment of a resource id (its name). */
    public static String lastSegment(String id) {
        return id.substring(id.lastIndexOf('/') + 1);
    }
}
