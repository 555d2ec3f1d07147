package io.github.hpcblueprints.blueprint;

import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.SourceTree;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.SecurityProfile;
import java.util.Objects;

/**
 * A loaded blueprint: the environment it describes and the merged tree it came from (with every node's file, line
 * and column, so later checks can point back into the YAML).
 */
public record Blueprint(ClusterEnvironment environment, SourceTree tree) {

    public Blueprint {
        Objects.requireNonNull(environment);
        Objects.requireNonNull(tree);
    }

    /**
     * The same blueprint under another security profile (the CLI's {@code --profile}); settings the blueprint wrote
     * that the profile refuses are reported where they are written.
     */
    public Blueprint withProfile(SecurityProfile profile) {
        try {
            return new Blueprint(environment.withProfile(profile), tree);
        } catch (BlueprintException e) {
            throw new BlueprintException(e.problems().stream().map(tree::locate).toList());
        }
    }
}
