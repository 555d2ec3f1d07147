package io.github.hpcblueprints.deploy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A what-if: the changes a deployment of an environment would make, against what was recorded, and the resources
 * as they would be afterwards (what {@code apply} records).
 *
 * @param state where the environment's state is (or would be) recorded: a state file, or a subscription and group
 * @param local true for the local plan (no Azure account), false for ARM's own what-if
 * @param resources by id, what the environment consists of after the changes
 */
public record Plan(String environment, String state, boolean local, List<Change> changes,
        Map<String, PlannedResource> resources) {

    public Plan {
        Objects.requireNonNull(environment);
        Objects.requireNonNull(state);
        changes = List.copyOf(changes);
        resources = Map.copyOf(resources);
    }

    public long count(Change.Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }

    /** True when applying would change something. */
    public boolean hasChanges() {
        return changes.stream().anyMatch(c -> c.action() != Change.Action.NO_CHANGE);
    }
}
