package io.github.hpcblueprints.deploy;

import java.util.Objects;

/**
 * One preflight check's verdict: what was checked, whether the subscription is ready for it, and when not, the
 * request to make or command to run.
 *
 * @param check the check's short name ({@code providers}, {@code quota}, ...)
 */
public record PreflightResult(String check, boolean ok, String message, String fix) {

    public PreflightResult {
        Objects.requireNonNull(check);
        Objects.requireNonNull(message);
        Objects.requireNonNull(fix);
    }

    static PreflightResult pass(String check, String message) {
        return new PreflightResult(check, true, message, "");
    }

    static PreflightResult fail(String check, String message, String fix) {
        return new PreflightResult(check, false, message, fix);
    }
}
