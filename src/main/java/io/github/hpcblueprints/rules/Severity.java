package io.github.hpcblueprints.rules;

import java.util.Locale;
import java.util.Optional;

/** How much a finding matters; {@code --fail-on} picks the lowest that fails a build. */
public enum Severity {
    INFO, WARNING, ERROR;

    /** SARIF's level for this severity. */
    public String sarifLevel() {
        return switch (this) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> of(String text) {
        for (Severity s : values()) {
            if (s.label().equalsIgnoreCase(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
