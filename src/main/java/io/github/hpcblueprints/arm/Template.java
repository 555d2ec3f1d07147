package io.github.hpcblueprints.arm;

import io.github.hpcblueprints.json.JsonPrinter;
import io.github.hpcblueprints.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An ARM template: parameters, variables, resources, outputs, for one deployment scope.
 *
 * <p>Built with {@link #builder(Scope)}: {@link Builder#parameter(Parameter)} and {@link Builder#resource(Resource)}
 * return the expressions and handles that refer to what was declared, so typed code only ever refers to things the
 * template has. {@link Builder#build()} then adds the dependencies implied by {@code resourceId()} and
 * {@code reference()}, and refuses a template with a dangling reference (including one that came in through
 * {@link Expr#raw(String)} or raw JSON), a dependency cycle, or a size over ARM's limits.
 */
public final class Template {

    private final String schema;
    private final Scope scope;
    private final String contentVersion;
    private final ObjectNode metadata;
    private final List<Parameter> parameters;
    private final List<Variable> variables;
    private final List<Resource> resources;
    private final List<Resource> existingResources;
    private final List<Output> outputs;
    private final ObjectNode extra;
    /** The printed JSON, made once on first use (the template is immutable). */
    private String printed;

    private Template(Builder b) {
        this.schema = b.schema;
        this.scope = b.scope;
        this.contentVersion = b.contentVersion;
        this.metadata = b.metadata.deepCopy();
        this.parameters = List.copyOf(b.parameters);
        this.variables = List.copyOf(b.variables);
        this.resources = List.copyOf(b.resources);
        this.existingResources = List.copyOf(b.existing);
        this.outputs = List.copyOf(b.outputs);
        this.extra = b.extra.deepCopy();
    }

    public static Builder builder(Scope scope) {
        return new Builder(scope);
    }

    /** A builder holding everything this template holds, to derive a changed copy. */
    /** The printed JSON, made on first use and kept. */
    String printed() {
        if (printed == null) {
            printed = JsonPrinter.print(ArmJsonWriter.tree(this));
        }
        return printed;
    }

    public Builder toBuilder() {
        Builder b = new Builder(scope);
        b.schema = schema;
        b.contentVersion = contentVersion;
        b.metadata = metadata.deepCopy();
        b.parameters.addAll(parameters);
        b.variables.addAll(variables);
        b.resources.addAll(resources);
        b.existing.addAll(existingResources);
        b.outputs.addAll(outputs);
        b.extra = extra.deepCopy();
        return b;
    }

    /** The {@code $schema} URL. */
    public String schema() {
        return schema;
    }

    public Scope scope() {
        return scope;
    }

    public String contentVersion() {
        return contentVersion;
    }

    public ObjectNode metadata() {
        return metadata.deepCopy();
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    public List<Variable> variables() {
        return variables;
    }

    /** The resources this template deploys, in order. */
    public List<Resource> resources() {
        return resources;
    }

    /** Resources the template refers to but does not deploy. */
    public List<Resource> existingResources() {
        return existingResources;
    }

    public List<Output> outputs() {
        return outputs;
    }

    /** Other top-level keys ({@code functions}, {@code apiProfile} ...), in order. */
    public ObjectNode extra() {
        return extra.deepCopy();
    }

    /** The parameter with this name (ARM compares names case-insensitively). */
    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    public Optional<Variable> variable(String name) {
        return variables.stream().filter(v -> v.name().equalsIgnoreCase(name)).findFirst();
    }

    public Optional<Output> output(String name) {
        return outputs.stream().filter(o -> o.name().equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Template t)) {
            return false;
        }
        return schema.equals(t.schema) && scope == t.scope && contentVersion.equals(t.contentVersion)
                && metadata.equals(t.metadata) && parameters.equals(t.parameters) && variables.equals(t.variables)
                && resources.equals(t.resources) && existingResources.equals(t.existingResources)
                && outputs.equals(t.outputs) && extra.equals(t.extra);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schema, scope, contentVersion, metadata, parameters, variables, resources,
                existingResources, outputs, extra);
    }

    @Override
    public String toString() {
        return "Template[" + scope + ", " + parameters.size() + " parameters, " + resources.size() + " resources]";
    }

    /** Collects a template's parts; see the class comment for what {@link #build()} checks. */
    public static final class Builder {
        private final Scope scope;
        private String schema;
        private String contentVersion = "1.0.0.0";
        private ObjectNode metadata = JsonTrees.object();
        private final List<Parameter> parameters = new ArrayList<>();
        private final List<Variable> variables = new ArrayList<>();
        private final List<Resource> resources = new ArrayList<>();
        private final List<Resource> existing = new ArrayList<>();
        private final List<Output> outputs = new ArrayList<>();
        private ObjectNode extra = JsonTrees.object();

        private Builder(Scope scope) {
            this.scope = Objects.requireNonNull(scope, "scope");
            this.schema = scope.schema();
        }

        public Scope scope() {
            return scope;
        }

        /** Overrides {@code $schema} (templates read from files keep theirs). */
        public Builder schema(String value) {
            this.schema = Objects.requireNonNull(value);
            return this;
        }

        public Builder contentVersion(String value) {
            this.contentVersion = Objects.requireNonNull(value);
            return this;
        }

        public Builder metadata(String key, JsonNode value) {
            metadata.set(key, value);
            return this;
        }

        public Builder metadata(ObjectNode value) {
            this.metadata = value.deepCopy();
            return this;
        }

        /** Declares a parameter and returns {@code parameters('name')}. */
        public Expr parameter(Parameter p) {
            for (Parameter existingParam : parameters) {
                if (existingParam.name().equalsIgnoreCase(p.name())) {
                    if (existingParam.equals(p)) {
                        return p.ref();
                    }
                    throw new IllegalArgumentException("parameter '" + p.name() + "' is declared twice, differently");
                }
            }
            parameters.add(p);
            return p.ref();
        }

        /** True when a parameter of this name is declared. */
        public boolean hasParameter(String name) {
            return parameters.stream().anyMatch(p -> p.name().equalsIgnoreCase(name));
        }

        /** Declares a variable and returns {@code variables('name')}. */
        public Expr variable(String name, JsonNode value) {
            return variable(new Variable(name, value));
        }

        public Expr variable(Variable v) {
            if (variables.stream().anyMatch(x -> x.name().equalsIgnoreCase(v.name()))) {
                throw new IllegalArgumentException("variable '" + v.name() + "' is declared twice");
            }
            variables.add(v);
            return v.ref();
        }

        /** Adds a resource to deploy and returns a handle for its id and properties. */
        public ResourceRef resource(Resource r) {
            if (r.isExisting()) {
                return existing(r);
            }
            resources.add(r);
            return new ResourceRef(r, scope);
        }

        /** Declares a resource that already exists; the template refers to it but never deploys it. */
        public ResourceRef existing(Resource r) {
            Resource marked = r.isExisting() ? r : r.toBuilder().existing(true).build();
            existing.add(marked);
            return new ResourceRef(marked, scope);
        }

        /** The handles of every resource added so far (deployed ones first). */
        public List<Resource> resourcesSoFar() {
            return List.copyOf(resources);
        }

        public Builder output(Output o) {
            if (outputs.stream().anyMatch(x -> x.name().equalsIgnoreCase(o.name()))) {
                throw new IllegalArgumentException("output '" + o.name() + "' is declared twice");
            }
            outputs.add(o);
            return this;
        }

        /** Any other top-level key ({@code functions}, {@code apiProfile}...). */
        public Builder extra(String key, JsonNode value) {
            String lower = key.toLowerCase(Locale.ROOT);
            if (List.of("$schema", "contentversion", "metadata", "parameters", "variables", "resources", "outputs")
                    .contains(lower)) {
                throw new IllegalArgumentException("'" + key + "' has its own builder method");
            }
            extra.set(key, value);
            return this;
        }

        /**
         * The template with implied dependencies made explicit; throws a {@link BlueprintException} naming every
         * dangling reference, duplicate, cycle or exceeded limit.
         */
        public Template build() {
            Template assembled = buildUnchecked();
            // one tree, one parse of its expressions, one index of its resources: the checks and the implied
            // dependencies are made from the same graph
            JsonNode tree = ArmJsonWriter.tree(assembled);
            ExpressionIndex expressions = ExpressionIndex.of(tree);
            DependencyGraph graph = DependencyGraph.of(ResourceIndex.of(tree), expressions);
            List<Problem> problems = new ArrayList<>(TemplateChecks.check(assembled, tree, expressions, graph));
            Template withDependencies = Dependencies.addImplicit(assembled, graph);
            // the size is the written text's, printed here once and kept for whoever writes the template
            problems.addAll(TemplateChecks.size(withDependencies));
            if (!problems.isEmpty()) {
                throw new BlueprintException(problems);
            }
            return withDependencies;
        }

        /**
         * The template exactly as given, without checks or inferred dependencies: for templates read from files,
         * which are judged by the validator rather than refused.
         */
        public Template buildUnchecked() {
            return new Template(this);
        }

        Builder replaceResources(List<Resource> newResources) {
            resources.clear();
            resources.addAll(newResources);
            return this;
        }
    }
}
