package io.github.hpcblueprints.rules;

import io.github.hpcblueprints.diagnostics.JsonPath;
import io.github.hpcblueprints.diagnostics.Location;
import java.util.Objects;

/**
 * A finding someone accepts, with the reason, from a blueprint, a template's metadata or a suppressions file.
 *
 * @param target what it is limited to: a JSON path prefix, a resource name (or part of one), or empty for all
 *     findings of the rule
 * @param file limited to files whose path ends with this; empty for any
 * @param origin where the suppression was written, for the report
 * @param at the suppression's own place (file, line, JSON path), where a suppression that matches nothing is
 *     reported; {@link Location#UNKNOWN} for those the tool derives itself
 */
public record Suppression(String rule, String reason, String target, String file, String origin, Location at) {

    public Suppression {
        Objects.requireNonNull(rule);
        Objects.requireNonNull(target);
        Objects.requireNonNull(file);
        Objects.requireNonNull(origin);
        Objects.requireNonNull(at);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("suppressing " + rule + " needs a reason");
        }
    }

    /** A suppression with no place of its own (derived from the domain, or from a template's metadata). */
    public Suppression(String rule, String reason, String target, String file, String origin) {
        this(rule, reason, target, file, origin, Location.UNKNOWN);
    }

    boolean matches(Finding f) {
        if (!f.ruleId().equals(rule)) {
            return false;
        }
        if (!file.isEmpty() && !f.location().source().replace('\\', '/').endsWith(file)) {
            return false;
        }
        return target.isEmpty() || within(f.location().jsonPath(), target) || f.resource().contains(target);
    }

    /** {@code $.resources[1]} covers {@code $.resources[1].sku} but not {@code $.resources[10]}. */
    static boolean within(String path, String prefix) {
        return prefix.startsWith("$") && JsonPath.isWithin(path, prefix);
    }
}
