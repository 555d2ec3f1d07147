package io.github.hpcblueprints.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Prints JSON the way every file of this project looks: two-space indent, {@code "key": value}, one element per
 * line, {@code []}/{@code {}} for empty containers, {@code \n} line ends and a final newline. Keys stay in the
 * tree's order, so the same tree always gives the same bytes.
 */
public final class JsonPrinter {

    private JsonPrinter() {
    }

    public static String print(JsonNode node) {
        StringBuilder sb = new StringBuilder(4096);
        write(node, 0, sb);
        sb.append('\n');
        return sb.toString();
    }

    private static void write(JsonNode node, int indent, StringBuilder sb) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                pad(indent + 1, sb);
                string(e.getKey(), sb);
                sb.append(": ");
                write(e.getValue(), indent + 1, sb);
                if (it.hasNext()) {
                    sb.append(',');
                }
                sb.append('\n');
            }
            pad(indent, sb);
            sb.append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                pad(indent + 1, sb);
                write(node.get(i), indent + 1, sb);
                if (i < node.size() - 1) {
                    sb.append(',');
                }
                sb.append('\n');
            }
            pad(indent, sb);
            sb.append(']');
        } else if (node.isTextual()) {
            string(node.textValue(), sb);
        } else if (node.isFloatingPointNumber()) {
            BigDecimal d = node.decimalValue();
            sb.append(d.toString());
        } else if (node.isNumber() || node.isBoolean() || node.isNull()) {
            sb.append(node.asText());
        } else {
            throw new IllegalArgumentException("cannot print a " + node.getNodeType() + " node");
        }
    }

    private static void pad(int indent, StringBuilder sb) {
        for (int i = 0; i < indent; i++) {
            sb.append("  ");
        }
    }

    /** A JSON string literal; only what JSON requires is escaped, so non-ASCII text stays readable. */
    static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (ch < 0x20 || ch == '\u2028' || ch == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        sb.append('"');
    }
}
