package io.github.hpcblueprints.diagnostics;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" suggestions: the closest candidate by edit distance, if close enough to be a likely typo. */
public final class Suggest {

    private Suggest() {
    }

    /** The candidate closest to {@code word} (case-insensitive), or "" when none is within a third of its length. */
    public static String closest(String word, Collection<String> candidates) {
        String best = "";
        int bestDistance = Integer.MAX_VALUE;
        String w = word.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance || (d == bestDistance && c.compareTo(best) < 0)) {
                bestDistance = d;
                best = c;
            }
        }
        int allowed = Math.max(1, Math.max(word.length(), 3) / 3);
        return bestDistance <= allowed ? best : "";
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
