package io.github.hpcblueprints.diagnostics;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one unchecked exception of the library: it carries located {@link Problem}s. Callers (the CLI, the Maven
 * goals) print {@link #problems()} and never a stack trace.
 */
public final class BlueprintException extends RuntimeException {

    private final transient List<Problem> problems;

    public BlueprintException(List<Problem> problems) {
        super(summary(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a BlueprintException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public BlueprintException(Problem problem) {
        this(List.of(problem));
    }

    public BlueprintException(Problem problem, Throwable cause) {
        this(List.of(problem));
        initCause(cause);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        return problems.stream().map(Problem::describe).collect(Collectors.joining("\n"));
    }

    /**
     * A typed builder's refusal that surfaced after a blueprint was mapped, as a located problem (at the value the
     * message names) instead of a crash: exit code 3 is kept for our own bugs.
     */
    public static BlueprintException refusedValue(IllegalArgumentException e, String name,
            java.util.Optional<SourceTree> tree) {
        String message = String.valueOf(e.getMessage());
        Location at = tree.map(t -> t.locateValue(message)).orElse(Location.of(name, 0, 0));
        return new BlueprintException(Problem.of("BLUEPRINT-VALUE", message, at,
                "change this value (the blueprint schema and README list what Azure accepts)"));
    }
}
