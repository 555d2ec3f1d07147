package io.github.hpcblueprints.arm;

import java.util.List;
import java.util.Optional;

/**
 * One ARM template function as the {@link Evaluator} calls it: the evaluated arguments (known values or residuals) to
 * a value, or empty to leave the call as written. The deployment-context functions ({@code resourceGroup()},
 * {@code reference()}, the {@code resourceId} family) are given this way by whoever knows the context.
 */
@FunctionalInterface
public interface ArmFunction {
    Optional<Value> apply(List<Value> args);
}
