package io.github.hpcblueprints.bicep;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Bicep's lexical rules: string literals, identifiers, object keys. */
final class BicepText {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Keywords and the functions our templates call: a symbol with one of these names would shadow or clash. */
    static final Set<String> RESERVED = Set.of("resource", "param", "var", "output", "module", "targetscope",
            "existing", "if", "for", "in", "true", "false", "null", "import", "metadata", "type", "func", "using",
            "az", "sys", "resourcegroup", "subscription", "tenant", "managementgroup", "format", "guid",
            "uniquestring", "concat", "reference", "resourceid", "subscriptionresourceid", "extensionresourceid",
            "tenantresourceid", "string", "json", "take", "substring", "utcnow", "tolower", "toupper", "empty",
            "union", "contains", "length", "range", "environment", "deployment", "base64", "split", "replace");

    private BicepText() {
    }

    static boolean isIdentifier(String s) {
        return IDENTIFIER.matcher(s).matches();
    }

    /** A single-quoted Bicep string with {@code \}, {@code '}, {@code ${} and control characters escaped. */
    static String literal(String value) {
        StringBuilder sb = new StringBuilder("'");
        appendEscaped(value, sb);
        return sb.append('\'').toString();
    }

    /** The inside of a Bicep string literal (for the literal pieces of an interpolation). */
    static void appendEscaped(String value, StringBuilder sb) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("\\'");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '$' -> sb.append(i + 1 < value.length() && value.charAt(i + 1) == '{' ? "\\$" : "$");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u{").append(Integer.toHexString(c).toUpperCase(Locale.ROOT)).append('}');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }

    /** An object key: bare when it is an identifier, quoted otherwise. */
    static String key(String key) {
        return isIdentifier(key) ? key : literal(key);
    }

    /** lowerCamelCase of the letters and digits of {@code text} ({@code vnet-genomics} → {@code vnetGenomics}). */
    static String camel(String text) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : text.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128) {
                if (sb.length() == 0) {
                    sb.append(Character.toLowerCase(c));
                } else {
                    sb.append(upper ? Character.toUpperCase(c) : c);
                }
                upper = false;
            } else {
                upper = true;
            }
        }
        return sb.toString();
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
