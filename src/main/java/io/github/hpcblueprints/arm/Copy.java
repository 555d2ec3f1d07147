package io.github.hpcblueprints.arm;

import java.util.Objects;

/**
 * A resource copy loop: {@code count} instances, named {@code name} for {@code copyIndex('name')}, run in parallel
 * (ARM's default) or serially in batches.
 *
 * @param batchSize instances deployed at once in serial mode; 0 leaves it to ARM
 */
public record Copy(String name, Expr count, Mode mode, int batchSize) {

    /** How instances are deployed; {@code DEFAULT} writes no {@code mode} and means parallel. */
    public enum Mode { DEFAULT, PARALLEL, SERIAL }

    public Copy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(count, "count");
        Objects.requireNonNull(mode, "mode");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a copy loop needs a name");
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("batchSize must be 0 (unset) or positive");
        }
    }

    public static Copy of(String name, Expr count) {
        return new Copy(name, count, Mode.DEFAULT, 0);
    }

    public static Copy of(String name, int count) {
        return of(name, Expr.num(count));
    }

    public static Copy serial(String name, Expr count, int batchSize) {
        return new Copy(name, count, Mode.SERIAL, batchSize);
    }

    /** {@code copyIndex('name')}, the 0-based index of the current instance. */
    public Expr index() {
        return Expr.call("copyIndex", Expr.str(name));
    }
}
