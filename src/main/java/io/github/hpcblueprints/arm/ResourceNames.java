package io.github.hpcblueprints.arm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits resource names into their segments: {@code vnet/subnet}, {@code format('{0}/{1}', a, 'b')} and
 * {@code concat(a, '/b')} all name a child by its parent's name and its own. Other expressions are one segment.
 */
public final class ResourceNames {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)\\}");

    private ResourceNames() {
    }

    /** The segments of a name; a name that cannot be split is one segment. */
    public static List<Expr> segments(Expr name) {
        if (name instanceof Expr.Str s) {
            List<Expr> out = new ArrayList<>();
            for (String part : s.value().split("/", -1)) {
                out.add(Expr.str(part));
            }
            return out;
        }
        if (name instanceof Expr.Call c && c.is("format") && !c.args().isEmpty()
                && c.arg(0) instanceof Expr.Str fmt && fmt.value().contains("/")) {
            return formatSegments(fmt.value(), c.args().subList(1, c.args().size()));
        }
        if (name instanceof Expr.Call c && c.is("concat") && !c.args().isEmpty()) {
            return concatSegments(c.args());
        }
        return List.of(name);
    }

    /** Joins segments back into one name: a literal where all are literal, else {@code format('{0}/{1}', ...)}. */
    public static Expr join(List<Expr> segments) {
        if (segments.size() == 1) {
            return segments.get(0);
        }
        if (segments.stream().allMatch(s -> s instanceof Expr.Str)) {
            StringBuilder sb = new StringBuilder();
            for (Expr s : segments) {
                if (sb.length() > 0) {
                    sb.append('/');
                }
                sb.append(((Expr.Str) s).value());
            }
            return Expr.str(sb.toString());
        }
        StringBuilder fmt = new StringBuilder();
        List<Expr> args = new ArrayList<>();
        for (Expr s : segments) {
            if (fmt.length() > 0) {
                fmt.append('/');
            }
            if (s instanceof Expr.Str lit && !lit.value().contains("{") && !lit.value().contains("}")) {
                fmt.append(lit.value());
            } else if (s instanceof Expr.Call c && c.is("format") && !c.args().isEmpty()
                    && c.arg(0) instanceof Expr.Str inner && !inner.value().contains("/")) {
                // inline a segment's own format string, shifting its placeholders past the arguments so far
                fmt.append(renumber(inner.value(), c.args().subList(1, c.args().size()), args));
            } else {
                fmt.append('{').append(args.size()).append('}');
                args.add(s);
            }
        }
        return Expr.format(fmt.toString(), args.toArray(Expr[]::new));
    }

    /**
     * Rewrites the placeholders of {@code part} to index into {@code into}, appending the arguments it uses in order
     * of first use (so {@code '{1}-{2}'} over {@code [a, b, c]} becomes {@code '{0}-{1}'} over {@code [b, c]}).
     */
    private static String renumber(String part, List<Expr> args, List<Expr> into) {
        Matcher m = PLACEHOLDER.matcher(part);
        StringBuilder sb = new StringBuilder();
        Map<Integer, Integer> mapped = new HashMap<>();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            Integer n = mapped.get(i);
            if (n == null) {
                n = into.size();
                into.add(i < args.size() ? args.get(i) : Expr.str(m.group()));
                mapped.put(i, n);
            }
            m.appendReplacement(sb, "{" + n + "}");
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A key for the whole name, comparable across spellings (see {@link ResourceId#key()}). */
    public static String key(Expr name) {
        StringBuilder sb = new StringBuilder();
        for (Expr s : segments(name)) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append(ResourceId.keyOf(s));
        }
        return sb.toString();
    }

    /** The last segment, lower-cased when literal: the resource's own short name. */
    public static String lastSegmentKey(Expr name) {
        List<Expr> segs = segments(name);
        return ResourceId.keyOf(segs.get(segs.size() - 1)).toLowerCase(Locale.ROOT);
    }

    private static List<Expr> formatSegments(String fmt, List<Expr> args) {
        List<Expr> out = new ArrayList<>();
        for (String part : fmt.split("/", -1)) {
            Matcher whole = PLACEHOLDER.matcher(part);
            if (whole.matches()) {
                int i = Integer.parseInt(whole.group(1));
                out.add(i < args.size() ? args.get(i) : Expr.format(part));
            } else if (!part.contains("{")) {
                out.add(Expr.str(part));
            } else {
                List<Expr> used = new ArrayList<>();
                String renumbered = renumber(part, args, used);
                List<Expr> all = new ArrayList<>();
                all.add(Expr.str(renumbered));
                all.addAll(used);
                out.add(Expr.call("format", all));
            }
        }
        return out;
    }

    private static List<Expr> concatSegments(List<Expr> pieces) {
        List<Expr> out = new ArrayList<>();
        List<Expr> current = new ArrayList<>();
        for (Expr piece : pieces) {
            if (piece instanceof Expr.Str s && s.value().contains("/")) {
                String[] parts = s.value().split("/", -1);
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) {
                        out.add(close(current));
                        current = new ArrayList<>();
                    }
                    if (!parts[i].isEmpty()) {
                        current.add(Expr.str(parts[i]));
                    }
                }
            } else {
                current.add(piece);
            }
        }
        out.add(close(current));
        return out;
    }

    /** One segment from its pieces; adjacent literals merge so {@code concat('a', 'b')} keys like {@code 'ab'}. */
    private static Expr close(List<Expr> pieces) {
        List<Expr> merged = mergeLiterals(pieces);
        if (merged.isEmpty()) {
            return Expr.str("");
        }
        return merged.size() == 1 ? merged.get(0) : Expr.call("concat", merged);
    }

    /** The pieces of a concatenation with each run of adjacent string literals joined into one. */
    static List<Expr> mergeLiterals(List<Expr> pieces) {
        List<Expr> merged = new ArrayList<>();
        for (Expr p : pieces) {
            int last = merged.size() - 1;
            if (p instanceof Expr.Str s && last >= 0 && merged.get(last) instanceof Expr.Str prev) {
                merged.set(last, Expr.str(prev.value() + s.value()));
            } else {
                merged.add(p);
            }
        }
        return merged;
    }
}
