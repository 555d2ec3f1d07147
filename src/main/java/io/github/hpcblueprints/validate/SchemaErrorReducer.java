package io.github.hpcblueprints.validate;

import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a JSON Schema validator's raw errors into the few a person needs. Where a value must match one of several
 * alternatives ({@code anyOf}/{@code oneOf}) and matches none, the validator reports every alternative's failures;
 * the alternative with the fewest failures is almost always the one meant, so only its errors are kept, recursively.
 * The combinator's own "no alternative matched" error is kept only when nothing more specific explains it.
 */
final class SchemaErrorReducer {

    private SchemaErrorReducer() {
    }

    /**
     * @param errors errors to reduce (expression-branch noise already removed)
     * @param benign evaluation paths of failures known to be harmless (a deprecated enum): a combinator whose only
     *     failure was benign has really passed
     */
    static List<Error> reduce(List<Error> errors, List<String> benign) {
        return reduce(errors, 0, benign);
    }

    private static List<Error> reduce(List<Error> errors, int from, List<String> benign) {
        List<Error> out = new ArrayList<>();
        Map<String, List<Error>> groups = new LinkedHashMap<>();
        Map<String, Integer> depth = new LinkedHashMap<>();
        for (Error e : errors) {
            String[] segs = segments(e);
            int at = firstCombinator(segs, from);
            if (at < 0) {
                out.add(e);
                continue;
            }
            String prefix = String.join("/", Arrays.copyOfRange(segs, 0, at + 1));
            groups.computeIfAbsent(prefix, k -> new ArrayList<>()).add(e);
            depth.put(prefix, at);
        }
        for (Map.Entry<String, List<Error>> g : groups.entrySet()) {
            int at = depth.get(g.getKey());
            List<Error> summaries = new ArrayList<>();
            Map<Integer, List<Error>> branches = new TreeMap<>();
            for (Error e : g.getValue()) {
                String[] segs = segments(e);
                if (segs.length == at + 1) {
                    summaries.add(e);
                } else {
                    branches.computeIfAbsent(Integer.parseInt(segs[at + 1]), k -> new ArrayList<>()).add(e);
                }
            }
            if (branches.isEmpty()) {
                boolean benignUnder = benign.stream().anyMatch(b -> b.startsWith(g.getKey() + "/"));
                if (!benignUnder) {
                    out.addAll(summaries);
                }
                continue;
            }
            List<Error> closest = null;
            for (List<Error> b : branches.values()) {
                if (closest == null || b.size() < closest.size()) {
                    closest = b;
                }
            }
            out.addAll(reduce(closest, at + 2, benign));
        }
        return out;
    }

    /** The index of the first {@code anyOf}/{@code oneOf} at or after {@code from}, or -1. */
    private static int firstCombinator(String[] segs, int from) {
        for (int i = Math.max(from, 0); i < segs.length; i++) {
            if (segs[i].equals("anyOf") || segs[i].equals("oneOf")) {
                boolean indexed = i + 1 < segs.length && segs[i + 1].matches("\\d+");
                if (indexed || i == segs.length - 1) {
                    return i;
                }
            }
        }
        return -1;
    }

    static String[] segments(Error e) {
        String p = String.valueOf(e.getEvaluationPath());
        return (p.startsWith("/") ? p.substring(1) : p).split("/", -1);
    }

    static String evaluationPath(Error e) {
        return String.join("/", segments(e));
    }
}
