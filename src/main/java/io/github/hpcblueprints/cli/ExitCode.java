package io.github.hpcblueprints.cli;

/** Exit codes, as in the CLI contract (../shared/cli.md). */
public final class ExitCode {

    /** Success; no findings at or above --fail-on; a plan with no changes. */
    public static final int OK = 0;
    /** Findings at or above --fail-on; for plan with --detailed-exitcode, changes pending. */
    public static final int FINDINGS = 1;
    /** Usage error or bad input; nothing was written. */
    public static final int INPUT = 2;
    /** Deployment or remote failure. */
    public static final int REMOTE = 3;
    /**
     * A bug in hpcb itself (an unexpected exception); bad input never gets this. Shares 3 with remote failures, as
     * the CLI contract has no other code for it, and the message says which it is.
     */
    public static final int INTERNAL = 3;

    private ExitCode() {
    }
}
