package io.github.hpcblueprints.cyclecloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reader for CycleCloud's cluster template format, enough to compare structure: sections ({@code [cluster x]},
 * {@code [[node defaults]]}, {@code [[[configuration cyclecloud.mounts.y]]]} ...) with their depth, and
 * {@code key = value} / {@code key := value} attributes with the line they are on. It does not evaluate
 * expressions.
 */
public final class TemplateText {

    private static final Pattern SECTION = Pattern.compile("^\\s*(\\[+)\\s*([^\\[\\]]+?)\\s*(\\]+)\\s*$");
    private static final Pattern ATTRIBUTE = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_.\\-]*)\\s*:?=\\s*(.*?)\\s*$");

    /**
     * A section.
     *
     * @param depth 1 for {@code [cluster]}, 2 for {@code [[node]]}, 3 for {@code [[[configuration]]]}
     * @param kind the first word of the header ({@code node}, {@code nodearray}, {@code configuration} ...)
     * @param name the rest of the header ({@code defaults}, {@code cyclecloud.mounts.lustre}), possibly empty
     */
    public record Section(int depth, String kind, String name, int line, List<Attribute> attributes) {
    }

    public record Attribute(String key, String value, int line) {
    }

    private TemplateText() {
    }

    /** The sections in file order; attributes before the first section are left out (there are none in practice). */
    public static List<Section> parse(String text) {
        List<Section> out = new ArrayList<>();
        List<Attribute> current = null;
        String[] lines = text.split("\n", -1);
        boolean inTripleQuote = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            // Config.Template = '''...''' may span lines
            if (inTripleQuote) {
                if (line.contains("'''")) {
                    inTripleQuote = false;
                }
                continue;
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Matcher s = SECTION.matcher(line);
            if (s.matches() && s.group(1).length() == s.group(3).length()) {
                String header = s.group(2);
                int space = header.indexOf(' ');
                String kind = (space < 0 ? header : header.substring(0, space)).toLowerCase(Locale.ROOT);
                String name = space < 0 ? "" : header.substring(space + 1).strip();
                current = new ArrayList<>();
                out.add(new Section(s.group(1).length(), kind, name, i + 1, current));
                continue;
            }
            Matcher a = ATTRIBUTE.matcher(line);
            if (a.matches() && current != null) {
                current.add(new Attribute(a.group(1), a.group(2), i + 1));
                int quotes = a.group(2).split("'''", -1).length - 1;
                if (quotes % 2 == 1) {
                    inTripleQuote = true;
                }
            }
        }
        return out;
    }
}
