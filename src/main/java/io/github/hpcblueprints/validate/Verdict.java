package io.github.hpcblueprints.validate;

/** What a validate or lint run comes to, worst first: the CLI and the Maven goals turn it into exit codes or a build result. */
public enum Verdict {
    /** Some input could not be judged (a bad blueprint, an unreadable template): exit 2. */
    BAD_INPUT,
    /** Findings at or above the threshold: exit 1. */
    FINDINGS,
    /** Nothing at or above the threshold: exit 0. */
    CLEAN
}
