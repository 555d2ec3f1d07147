package io.github.hpcblueprints.arm;

import io.github.hpcblueprints.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One resource of a template: type, apiVersion and name, the envelope ARM reads (location, tags, sku, kind,
 * identity, condition, copy, scope, dependsOn), {@code properties} as a JSON tree, nested child resources, and any
 * other top-level keys (zones, plan ...) kept in order. A resource marked {@link #isExisting() existing} is only
 * referred to, never deployed.
 *
 * <p>Immutable; build one with {@link #builder(String, String, Expr)}.
 */
public final class Resource {

    private static final Pattern API_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-[A-Za-z0-9.]+)?");

    private final String type;
    private final String apiVersion;
    private final Expr name;
    private final Expr location;
    private final JsonNode tags;
    private final JsonNode sku;
    private final JsonNode kind;
    private final JsonNode identity;
    private final Expr condition;
    private final Copy copy;
    private final Expr scope;
    private final List<Expr> dependsOn;
    private final JsonNode properties;
    private final List<Resource> children;
    private final ObjectNode extra;
    private final boolean existing;

    private Resource(Builder b) {
        this.type = b.type;
        this.apiVersion = b.apiVersion;
        this.name = b.name;
        this.location = b.location;
        this.tags = copyOf(b.tags);
        this.sku = copyOf(b.sku);
        this.kind = copyOf(b.kind);
        this.identity = copyOf(b.identity);
        this.condition = b.condition;
        this.copy = b.copy;
        this.scope = b.scope;
        this.dependsOn = List.copyOf(b.dependsOn);
        this.properties = copyOf(b.properties);
        this.children = List.copyOf(b.children);
        this.extra = b.extra.deepCopy();
        this.existing = b.existing;
    }

    public static Builder builder(String type, String apiVersion, Expr name) {
        return new Builder(type, apiVersion, name);
    }

    public static Builder builder(String type, String apiVersion, String literalName) {
        return new Builder(type, apiVersion, Expr.str(literalName));
    }

    public Builder toBuilder() {
        Builder b = new Builder(type, apiVersion, name);
        b.location = location;
        b.tags = tags;
        b.sku = sku;
        b.kind = kind;
        b.identity = identity;
        b.condition = condition;
        b.copy = copy;
        b.scope = scope;
        b.dependsOn.addAll(dependsOn);
        b.properties = properties;
        b.children.addAll(children);
        b.extra = extra.deepCopy();
        b.existing = existing;
        return b;
    }

    // ---- accessors ----------------------------------------------------------------------------------------

    /** The type as written: fully qualified for a top-level resource, short ({@code subnets}) for a nested child. */
    public String type() {
        return type;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public Expr name() {
        return name;
    }

    public Optional<Expr> location() {
        return Optional.ofNullable(location);
    }

    public Optional<JsonNode> tags() {
        return Optional.ofNullable(tags).map(JsonNode::deepCopy);
    }

    public Optional<JsonNode> sku() {
        return Optional.ofNullable(sku).map(JsonNode::deepCopy);
    }

    public Optional<JsonNode> kind() {
        return Optional.ofNullable(kind).map(JsonNode::deepCopy);
    }

    public Optional<JsonNode> identity() {
        return Optional.ofNullable(identity).map(JsonNode::deepCopy);
    }

    public Optional<Expr> condition() {
        return Optional.ofNullable(condition);
    }

    public Optional<Copy> copy() {
        return Optional.ofNullable(copy);
    }

    /** The resource an extension resource (role assignment, lock, diagnostic setting) applies to. */
    public Optional<Expr> scope() {
        return Optional.ofNullable(scope);
    }

    public List<Expr> dependsOn() {
        return dependsOn;
    }

    public Optional<JsonNode> properties() {
        return Optional.ofNullable(properties).map(JsonNode::deepCopy);
    }

    /** Child resources declared inside this one (their type and name are relative to this resource). */
    public List<Resource> children() {
        return children;
    }

    /** Other top-level keys (zones, plan, comments, ...), in order. */
    public ObjectNode extra() {
        return extra.deepCopy();
    }

    public boolean isExisting() {
        return existing;
    }

    /** The name split into segments ({@code vnet/subnet} is two). */
    public List<Expr> nameSegments() {
        return ResourceNames.segments(name);
    }

    /**
     * This resource and, after it, every child declared inside it (recursively) as the top-level resource it is:
     * full type ({@code Microsoft.Network/virtualNetworks/subnets}) and full name ({@code vnet/compute}). Each keeps
     * its own dependsOn; the first element is this resource, children removed.
     */
    public List<Resource> withChildrenAtTopLevel() {
        List<Resource> out = new ArrayList<>();
        out.add(children.isEmpty() ? this : toBuilder().childrenExactly(List.of()).build());
        for (Resource c : children) {
            List<Expr> names = new ArrayList<>(nameSegments());
            names.addAll(c.nameSegments());
            String fullType = c.type.contains("/") ? c.type : type + "/" + c.type;
            Builder b = new Builder(fullType, c.apiVersion, ResourceNames.join(names));
            Builder copy = c.toBuilder();
            b.location = copy.location;
            b.tags = copy.tags;
            b.sku = copy.sku;
            b.kind = copy.kind;
            b.identity = copy.identity;
            b.condition = copy.condition;
            b.copy = copy.copy;
            b.scope = copy.scope;
            b.dependsOn.addAll(copy.dependsOn);
            b.properties = copy.properties;
            b.children.addAll(copy.children);
            b.extra = copy.extra;
            b.existing = copy.existing;
            out.addAll(b.build().withChildrenAtTopLevel());
        }
        return out;
    }

    /** The id of this resource when deployed at {@code deploymentScope} (top-level resources only). */
    public ResourceId id(Scope deploymentScope) {
        Expr[] names = nameSegments().toArray(Expr[]::new);
        if (scope != null) {
            return ResourceId.extension(scope, type, names);
        }
        if (deploymentScope == Scope.SUBSCRIPTION) {
            return ResourceId.atSubscription(type, names);
        }
        return ResourceId.of(type, names);
    }

    /** The id of this resource in a resource-group deployment. */
    public ResourceId id() {
        return id(Scope.RESOURCE_GROUP);
    }

    /** True when {@code typeName} is this resource's type (case-insensitively). */
    public boolean isType(String typeName) {
        return type.equalsIgnoreCase(typeName);
    }

    private static JsonNode copyOf(JsonNode n) {
        return n == null ? null : n.deepCopy();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Resource r)) {
            return false;
        }
        return type.equals(r.type) && apiVersion.equals(r.apiVersion) && name.equals(r.name)
                && Objects.equals(location, r.location) && Objects.equals(tags, r.tags)
                && Objects.equals(sku, r.sku) && Objects.equals(kind, r.kind) && Objects.equals(identity, r.identity)
                && Objects.equals(condition, r.condition) && Objects.equals(copy, r.copy)
                && Objects.equals(scope, r.scope) && dependsOn.equals(r.dependsOn)
                && Objects.equals(properties, r.properties) && children.equals(r.children) && extra.equals(r.extra)
                && existing == r.existing;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, apiVersion, name, location, tags, sku, kind, identity, condition, copy, scope,
                dependsOn, properties, children, extra, existing);
    }

    @Override
    public String toString() {
        return type + "@" + apiVersion + " " + name.toArmString();
    }

    /** Collects the parts of a {@link Resource}. */
    public static final class Builder {
        private final String type;
        private final String apiVersion;
        private final Expr name;
        private Expr location;
        private JsonNode tags;
        private JsonNode sku;
        private JsonNode kind;
        private JsonNode identity;
        private Expr condition;
        private Copy copy;
        private Expr scope;
        private final List<Expr> dependsOn = new ArrayList<>();
        private JsonNode properties;
        private final List<Resource> children = new ArrayList<>();
        private ObjectNode extra = JsonTrees.object();
        private boolean existing;

        private Builder(String type, String apiVersion, Expr name) {
            this.type = Objects.requireNonNull(type, "type");
            this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
            this.name = Objects.requireNonNull(name, "name");
            if (type.isBlank() || type.startsWith("/") || type.endsWith("/")) {
                throw new IllegalArgumentException("'" + type + "' is not a resource type");
            }
            if (!API_VERSION.matcher(apiVersion).matches()) {
                throw new IllegalArgumentException("apiVersion '" + apiVersion + "' of " + type
                        + " is not of the form yyyy-mm-dd[-preview]");
            }
        }

        public Builder location(Expr value) {
            this.location = value;
            return this;
        }

        public Builder tags(JsonNode value) {
            this.tags = value;
            return this;
        }

        public Builder sku(JsonNode value) {
            this.sku = value;
            return this;
        }

        public Builder kind(String value) {
            this.kind = Json.literal(value);
            return this;
        }

        public Builder kind(JsonNode value) {
            this.kind = value;
            return this;
        }

        public Builder identity(JsonNode value) {
            this.identity = value;
            return this;
        }

        public Builder condition(Expr value) {
            this.condition = value;
            return this;
        }

        public Builder copy(Copy value) {
            this.copy = value;
            return this;
        }

        /**
         * Makes this an extension resource applied to another resource: pass {@link ResourceId#scopeRef()} (the
         * relative form for a resource of the same resource group) or a full resource id.
         */
        public Builder scope(Expr value) {
            this.scope = value;
            return this;
        }

        public Builder dependsOn(Expr... values) {
            dependsOn.addAll(Arrays.asList(values));
            return this;
        }

        public Builder dependsOn(List<Expr> values) {
            dependsOn.addAll(values);
            return this;
        }

        /** Replaces the whole dependsOn list. */
        public Builder dependsOnExactly(List<Expr> values) {
            dependsOn.clear();
            dependsOn.addAll(values);
            return this;
        }

        public Builder properties(JsonNode value) {
            this.properties = value;
            return this;
        }

        public Builder child(Resource value) {
            children.add(value);
            return this;
        }

        /** Replaces all nested children. */
        public Builder childrenExactly(List<Resource> values) {
            children.clear();
            children.addAll(values);
            return this;
        }

        /** Any other top-level key ({@code zones}, {@code plan}, {@code comments}...). */
        public Builder extra(String key, JsonNode value) {
            String lower = key.toLowerCase(Locale.ROOT);
            if (Resource.KNOWN_KEYS.contains(lower)) {
                throw new IllegalArgumentException("'" + key + "' has its own builder method");
            }
            extra.set(key, value);
            return this;
        }

        public Builder existing(boolean value) {
            this.existing = value;
            return this;
        }

        public Resource build() {
            return new Resource(this);
        }
    }

    /** Keys the model holds in fields; everything else is kept in {@link #extra()}. */
    static final List<String> KNOWN_KEYS = List.of("type", "apiversion", "name", "location", "tags", "sku", "kind",
            "identity", "condition", "copy", "scope", "dependson", "properties", "resources", "existing");
}
