package io.github.hpcblueprints.hpc;

import io.github.hpcblueprints.arm.Expr;
import java.util.Objects;

/**
 * A project's managed identity as compiled: the principal its jobs run as, and the one data scope it may reach.
 *
 * @param project the project's name
 * @param principalId the identity's principal id, exactly as role assignments name it
 * @param ownContainer the scope of the project's own Blob container, exactly as role assignments write it
 */
public record ProjectIdentity(String project, Expr principalId, Expr ownContainer) {

    public ProjectIdentity {
        Objects.requireNonNull(project);
        Objects.requireNonNull(principalId);
        Objects.requireNonNull(ownContainer);
    }
}
