package io.github.hpcblueprints.azure;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.ResourceId;
import java.util.Objects;
import java.util.Optional;

/**
 * A typed handle on a resource a {@link Deployment} deploys or refers to. Setters that point at another resource
 * take a {@code Ref} of the right type ({@code Subnet.networkSecurityGroup(Ref<NetworkSecurityGroup>)}), so a
 * reference to the wrong kind of resource cannot be written.
 *
 * @param <T> the kind of resource
 */
public final class Ref<T> {

    private final Class<T> kind;
    private final String type;
    private final String apiVersion;
    private final Expr name;
    private final Expr id;
    private final ResourceId resourceId;
    private final boolean existing;

    private Ref(Class<T> kind, String type, String apiVersion, Expr name, Expr id, ResourceId resourceId,
            boolean existing) {
        this.kind = Objects.requireNonNull(kind);
        this.type = Objects.requireNonNull(type);
        this.apiVersion = Objects.requireNonNull(apiVersion);
        this.name = Objects.requireNonNull(name);
        this.id = Objects.requireNonNull(id);
        this.resourceId = resourceId;
        this.existing = existing;
    }

    static <T> Ref<T> of(Class<T> kind, String apiVersion, ResourceId id, boolean existing) {
        return new Ref<>(kind, id.type(), apiVersion, id.names().get(id.names().size() - 1), id.expr(), id, existing);
    }

    /**
     * A resource known only by its full id (a parameter holding a subnet id, say). Its name and parent are not
     * known at build time, so only {@link #id()} and runtime reads are available.
     */
    public static <T> Ref<T> ofId(Class<T> kind, String type, String apiVersion, Expr fullId) {
        return new Ref<>(kind, type, apiVersion, Expr.call("last", Expr.call("split", fullId, Expr.str("/"))),
                fullId, null, true);
    }

    /** A child of an existing (or deployed) parent, such as a subnet of a bring-your-own virtual network. */
    public static <T> Ref<T> existingChild(Ref<?> parent, Class<T> kind, String childType, String apiVersion,
            Expr name) {
        ResourceId parentId = parent.resourceId().orElseThrow(() -> new IllegalArgumentException(
                "the parent " + parent + " is known only by id; refer to the child by its full id instead"));
        return of(kind, apiVersion, parentId.child(childType, name), true);
    }

    public Class<T> kind() {
        return kind;
    }

    public String type() {
        return type;
    }

    public String apiVersion() {
        return apiVersion;
    }

    /** The resource's own (last) name segment. */
    public Expr name() {
        return name;
    }

    /** The expression for the resource's id. */
    public Expr id() {
        return id;
    }

    /** The structured id, where the resource is known by type and names (not for {@link #ofId}). */
    public Optional<ResourceId> resourceId() {
        return Optional.ofNullable(resourceId);
    }

    public boolean isExisting() {
        return existing;
    }

    /** The value an extension resource's {@code scope} takes to apply to this resource. */
    public Expr scopeRef() {
        return resourceId != null ? resourceId.scopeRef() : id;
    }

    /** {@code reference(id, apiVersion)}: the runtime properties. */
    public Expr properties() {
        return Expr.reference(id, apiVersion);
    }

    /** One runtime property, by dotted path under {@code properties}. */
    public Expr property(String dottedPath) {
        return properties().path(dottedPath);
    }

    /** {@code reference(id, apiVersion, 'Full')}: the runtime resource, identity and sku included. */
    public Expr full() {
        return Expr.referenceFull(id, apiVersion);
    }

    @Override
    public String toString() {
        return "Ref[" + type + " " + id.toArmString() + "]";
    }
}
