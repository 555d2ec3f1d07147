package io.github.hpcblueprints.arm;

import java.util.Locale;
import java.util.Optional;

/** The types an ARM parameter or output can have, spelled as ARM spells them. */
public enum ParameterType {
    STRING("string"),
    SECURE_STRING("securestring"),
    INT("int"),
    BOOL("bool"),
    OBJECT("object"),
    SECURE_OBJECT("secureObject"),
    ARRAY("array");

    private final String arm;

    ParameterType(String arm) {
        this.arm = arm;
    }

    /** The spelling in a template. */
    public String arm() {
        return arm;
    }

    /** True for the two types whose values ARM never logs or returns. */
    public boolean isSecure() {
        return this == SECURE_STRING || this == SECURE_OBJECT;
    }

    /** Reads ARM's spelling, case-insensitively. */
    public static Optional<ParameterType> fromArm(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        for (ParameterType type : values()) {
            if (type.arm.toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return arm;
    }
}
