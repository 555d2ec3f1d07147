package io.github.hpcblueprints.arm;

import java.util.Objects;

/**
 * A handle on a resource declared in a template: the only typed way to get its id or read its runtime values, so
 * a typed reference always points at something the template has.
 */
public record ResourceRef(Resource resource, Scope deploymentScope) {

    public ResourceRef {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(deploymentScope, "deploymentScope");
    }

    public ResourceId resourceId() {
        return resource.id(deploymentScope);
    }

    /** The expression for the resource's id. */
    public Expr id() {
        return resourceId().expr();
    }

    /** The resource's name as written in the template. */
    public Expr name() {
        return resource.name();
    }

    /** {@code reference(id, apiVersion)}: the resource's runtime {@code properties}. */
    public Expr properties() {
        return Expr.reference(id(), resource.apiVersion());
    }

    /** {@code reference(id, apiVersion).a.b}: one runtime property. */
    public Expr property(String dottedPath) {
        return properties().path(dottedPath);
    }

    /** {@code reference(id, apiVersion, 'Full')}: the whole runtime resource (identity, sku ...). */
    public Expr full() {
        return Expr.referenceFull(id(), resource.apiVersion());
    }

    /** The principal id of the resource's system-assigned identity. */
    public Expr systemPrincipalId() {
        return full().path("identity.principalId");
    }
}
