package io.github.hpcblueprints.hpc;

import java.util.Locale;
import java.util.Optional;

/**
 * How strict an environment is. {@code BASELINE} refuses the clearly unsafe and warns about the rest;
 * {@code HARDENED} turns on private endpoints, Bastion, diagnostics and policy by default, refuses public IPs, and
 * makes every rule an error unless suppressed with a written reason.
 */
public enum SecurityProfile {
    BASELINE, HARDENED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SecurityProfile> of(String text) {
        for (SecurityProfile p : values()) {
            if (p.id().equalsIgnoreCase(text)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
