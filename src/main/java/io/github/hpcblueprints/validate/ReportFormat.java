package io.github.hpcblueprints.validate;

import java.util.Locale;
import java.util.Optional;

/** How a report is printed: for people, for programs, or for code-scanning tools. */
public enum ReportFormat {
    TEXT, JSON, SARIF;

    public static Optional<ReportFormat> of(String text) {
        for (ReportFormat f : values()) {
            if (f.name().equalsIgnoreCase(text)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
