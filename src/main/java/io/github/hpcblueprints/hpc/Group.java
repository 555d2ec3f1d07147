package io.github.hpcblueprints.hpc;

import java.util.Objects;

/**
 * An Entra ID group the environment grants access to: the template takes its object id as a parameter (object ids
 * are not secret, but differ per tenant); the blueprint may give the value for the parameters file.
 */
public record Group(String role, String parameter, String objectId) {

    public Group {
        Objects.requireNonNull(role);
        Objects.requireNonNull(parameter);
        Objects.requireNonNull(objectId);
        if (!objectId.isEmpty() && !objectId.matches("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")) {
            throw new IllegalArgumentException("group '" + role + "': object id '" + objectId + "' is not a GUID");
        }
    }
}
