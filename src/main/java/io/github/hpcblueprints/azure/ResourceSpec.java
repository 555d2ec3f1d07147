package io.github.hpcblueprints.azure;

import io.github.hpcblueprints.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Shared parts of the typed resources: name, location, tags, condition and explicit dependencies. Subclasses are
 * fluent builders: configure one, then add it to a {@link Deployment}.
 *
 * @param <S> the concrete type, so fluent calls keep it
 */
public abstract class ResourceSpec<S extends ResourceSpec<S>> implements AzureResource {

    protected final Expr name;
    private final String resourceType;
    private final String apiVersion;
    protected Expr location;
    protected final Map<String, Object> tags = new LinkedHashMap<>();
    protected JsonNode tagsExpression;
    protected Expr condition;
    protected final List<Expr> dependsOn = new ArrayList<>();

    /** A resource of {@code resourceType}, written with {@code apiVersion} (each subclass passes its constants). */
    protected ResourceSpec(Expr name, String resourceType, String apiVersion) {
        this.name = Objects.requireNonNull(name, "name");
        this.resourceType = Objects.requireNonNull(resourceType, "resourceType");
        this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
    }

    @Override
    public final String resourceType() {
        return resourceType;
    }

    @Override
    public final String apiVersion() {
        return apiVersion;
    }

    protected abstract S self();

    public Expr name() {
        return name;
    }

    /**
     * Where the resource goes. Unset, a tracked resource goes to its resource group's region
     * ({@code resourceGroup().location}): a template never hard-codes a region.
     */
    public S location(Expr value) {
        this.location = value;
        return self();
    }

    /** Adds one tag; values may be expressions. */
    public S tag(String key, Object value) {
        tags.put(key, value);
        return self();
    }

    public S tags(Map<String, ?> values) {
        tags.putAll(values);
        return self();
    }

    /** Tags from an expression (an object parameter, a union of objects). */
    public S tags(Expr value) {
        this.tagsExpression = Json.expr(value);
        return self();
    }

    /** Deploys the resource only when {@code value} is true. */
    public S condition(Expr value) {
        this.condition = value;
        return self();
    }

    /** An explicit dependency ARM cannot infer from references. */
    public S dependsOn(Ref<?> other) {
        dependsOn.add(other.id());
        return self();
    }

    /** The location to write: the one set, or the resource group's. */
    protected Expr locationOrDefault() {
        return location != null ? location : Expr.resourceGroupLocation();
    }

    /** A resource builder with name, tags, condition and dependencies filled in; {@code tracked} adds location. */
    protected Resource.Builder base(boolean tracked) {
        Resource.Builder b = Resource.builder(resourceType(), apiVersion(), name);
        if (tracked) {
            b.location(locationOrDefault());
        }
        JsonNode t = tagsNode();
        if (t != null) {
            b.tags(t);
        }
        if (condition != null) {
            b.condition(condition);
        }
        b.dependsOn(dependsOn);
        return b;
    }

    private JsonNode tagsNode() {
        if (tagsExpression != null) {
            return tagsExpression;
        }
        if (tags.isEmpty()) {
            return null;
        }
        ObjectNode o = JsonTrees.object();
        tags.forEach((k, v) -> o.set(k, Json.node(v)));
        return o;
    }

    @Override
    public String toString() {
        return resourceType() + " " + name.toArmString();
    }
}
