package io.github.hpcblueprints.rules;

import io.github.hpcblueprints.diagnostics.Location;
import java.util.Objects;

/**
 * One thing a rule found, where (file, line, column, JSON path), how much it matters, and, when the blueprint or a
 * suppressions file accepts it, the written reason.
 *
 * @param resource the resource it concerns (its type and name as written), or empty
 * @param unknown the rule could not decide because a value is only known at deployment; the message says which
 * @param suppressedBecause the reason it is accepted, or empty when it is not
 */
public record Finding(String ruleId, Severity severity, String message, Location location, String resource,
        boolean unknown, String suppressedBecause) {

    public Finding {
        Objects.requireNonNull(ruleId);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(message);
        Objects.requireNonNull(location);
        Objects.requireNonNull(resource);
        Objects.requireNonNull(suppressedBecause);
    }

    public boolean suppressed() {
        return !suppressedBecause.isEmpty();
    }

    public Finding suppress(String reason) {
        return new Finding(ruleId, severity, message, location, resource, unknown, reason);
    }
}
