package io.github.hpcblueprints.hpc;

import java.util.Objects;

/**
 * A rule the blueprint accepts breaking, with the written reason a reviewer will read in the report.
 *
 * @param target a JSON path or resource name the suppression is limited to; empty for the whole environment
 */
public record Suppression(String ruleId, String reason, String target) {

    public Suppression {
        Objects.requireNonNull(ruleId);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(target);
        if (reason.isBlank()) {
            throw new IllegalArgumentException("suppressing " + ruleId + " needs a written reason");
        }
    }
}
