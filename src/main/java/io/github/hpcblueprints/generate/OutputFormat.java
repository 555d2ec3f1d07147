package io.github.hpcblueprints.generate;

import java.util.Locale;
import java.util.Optional;

/** Which deployment files {@code generate} writes: ARM JSON, Bicep, or both (the default). */
public enum OutputFormat {
    ARM, BICEP, BOTH;

    public boolean arm() {
        return this != BICEP;
    }

    public boolean bicep() {
        return this != ARM;
    }

    /** {@code arm}, {@code bicep} or {@code both}, any case. */
    public static Optional<OutputFormat> of(String text) {
        for (OutputFormat f : values()) {
            if (f.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
