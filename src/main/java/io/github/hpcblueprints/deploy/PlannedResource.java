package io.github.hpcblueprints.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One resource as a deployment would create it: its full id, type, apiVersion and the evaluated declaration
 * (location, sku, properties, tags ...; not dependsOn, condition or copy). A value known only at deployment is the
 * text {@code (known at deployment: EXPRESSION)}.
 *
 * @param template the template file it comes from
 * @param dependsOn the ids of the resources of the same deployment it waits for (not part of its state)
 */
public record PlannedResource(String id, String type, String apiVersion, ObjectNode body, String template,
        java.util.List<String> dependsOn) {

    public PlannedResource {
        Objects.requireNonNull(id);
        Objects.requireNonNull(type);
        Objects.requireNonNull(apiVersion);
        Objects.requireNonNull(body);
        Objects.requireNonNull(template);
        dependsOn = java.util.List.copyOf(dependsOn);
    }

    /** True for a VM, or a scale set's VM model, that asks for encryption at the host. */
    public boolean encryptsAtHost() {
        return body.path("properties").path("securityProfile").path("encryptionAtHost").asBoolean(false)
                || body.path("properties").path("virtualMachineProfile").path("securityProfile")
                        .path("encryptionAtHost").asBoolean(false);
    }

    /** The last segment of the name: {@code vnet-teaching}, {@code default}. */
    public String name() {
        return id.substring(id.lastIndexOf('/') + 1);
    }
}
