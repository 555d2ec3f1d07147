package io.github.hpcblueprints.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One resource as a deployment would create it: its full id, type, apiVersion and the evaluated declaration
 * (location, sku, properties, tags ...; not dependsOn, condition or copy). A value known only at deployment is the
 * text {@code (known at deployment: EXPRESSION)}.
 *
 * @param template the template file it comes from
 */
public record PlannedResource(String id, String type, String apiVersion, ObjectNode body, String template) {

    public PlannedResource {
        Objects.requireNonNull(id);
        Objects.requireNonNull(type);
        Objects.requireNonNull(apiVersion);
        Objects.requireNonNull(body);
        Objects.requireNonNull(template);
    }
}
