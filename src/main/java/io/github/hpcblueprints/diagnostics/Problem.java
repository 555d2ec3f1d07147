package io.github.hpcblueprints.diagnostics;

import java.util.Objects;

/**
 * One error in some input: a stable code ({@code ARM-REF}, {@code YAML-SYNTAX}, ...), what is wrong, where, and how
 * to fix it. Problems are values; {@link BlueprintException} carries them across API boundaries.
 */
public record Problem(String code, String message, Location location, String hint) {

    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(hint, "hint");
    }

    public static Problem of(String code, String message, Location location, String hint) {
        return new Problem(code, message, location, hint);
    }

    public static Problem at(String code, String jsonPath, String message, String hint) {
        return new Problem(code, message, Location.ofPath(jsonPath), hint);
    }

    public Problem withLocation(Location newLocation) {
        return new Problem(code, message, newLocation, hint);
    }

    /** One line a person can act on: {@code where: message (fix: hint)}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        String where = location.toString();
        if (!where.isEmpty()) {
            sb.append(where).append(": ");
        }
        sb.append(message);
        if (!hint.isEmpty()) {
            sb.append("\n  fix: ").append(hint);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
