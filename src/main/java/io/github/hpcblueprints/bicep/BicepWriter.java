package io.github.hpcblueprints.bicep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.ArmJsonWriter;
import io.github.hpcblueprints.arm.ArmReader;
import io.github.hpcblueprints.arm.Copy;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.json.JsonPrinter;
import io.github.hpcblueprints.arm.Output;
import io.github.hpcblueprints.arm.Parameter;
import io.github.hpcblueprints.arm.ParameterType;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.arm.ResourceId;
import io.github.hpcblueprints.arm.Template;
import io.github.hpcblueprints.arm.Variable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The same {@link Template} as idiomatic Bicep: decorated parameters, variables, resources with symbolic names,
 * {@code parent:} for children, {@code scope:} for extension resources, {@code existing} declarations, loops and
 * conditions, and only the {@code dependsOn} that symbolic references do not already imply. A nested deployment
 * becomes a module in {@code modules/}. Output is deterministic: same template, same text.
 */
public final class BicepWriter {

    static final String RESOURCE_GROUP_DEPLOYMENT = "Microsoft.Resources/deployments";

    private final Template template;
    private final SymbolTable symbols;
    private final String header;
    /** The module files this file uses (and theirs), by path: {@code modules/<name>.bicep}. */
    private final Map<String, String> files = new LinkedHashMap<>();
    /** True for a file in modules/: the modules it uses are its neighbours. */
    private final boolean inModules;

    private BicepWriter(Template template, String header, boolean inModules) {
        this.template = template;
        this.symbols = new SymbolTable(template);
        this.header = header;
        this.inModules = inModules;
    }

    /**
     * Writes {@code fileName} ({@code main.bicep}) and the modules it uses ({@code modules/<name>.bicep}); the map is
     * file → text, the main file first.
     *
     * @param header a comment line (without {@code //}) on top of every file, or empty
     */
    public static Map<String, String> write(Template t, String fileName, String header) {
        BicepWriter w = new BicepWriter(t, header, false);
        String main = w.render(); // fills w.files with the modules it uses
        Map<String, String> out = new LinkedHashMap<>();
        out.put(fileName, main);
        out.putAll(w.files);
        return out;
    }

    /** The symbol each resource of the template has in the Bicep file (for mapping findings to it). */
    public static Map<Resource, String> symbols(Template t) {
        Map<Resource, String> out = new LinkedHashMap<>();
        new SymbolTable(t).entries().forEach(e -> out.put(e.resource(), e.symbol()));
        return out;
    }

    /** The file a nested deployment is written to as a module ({@code modules/<name>.bicep}), if it is one. */
    public static Optional<String> moduleFile(Resource r) {
        return isModule(r) ? Optional.of("modules/" + moduleBaseName(r) + ".bicep") : Optional.empty();
    }

    private static String moduleBaseName(Resource r) {
        return ((Expr.Str) r.name()).value().replaceAll("[^A-Za-z0-9_.-]", "-");
    }

    static boolean isModule(Resource r) {
        if (!r.isType(RESOURCE_GROUP_DEPLOYMENT) || r.isExisting()) {
            return false;
        }
        JsonNode p = r.properties().orElse(null);
        return p != null && p.path("template").isObject()
                && p.path("expressionEvaluationOptions").path("scope").asText("").equalsIgnoreCase("inner")
                && r.name() instanceof Expr.Str;
    }

    // ---- the file ---------------------------------------------------------------------------------------------

    private String render() {
        List<String> blocks = new ArrayList<>();
        StringBuilder top = new StringBuilder();
        if (!header.isEmpty()) {
            top.append("// ").append(header).append('\n');
        }
        String scope = switch (template.scope()) {
            case RESOURCE_GROUP -> "resourceGroup";
            case SUBSCRIPTION -> "subscription";
            case MANAGEMENT_GROUP -> "managementGroup";
            case TENANT -> "tenant";
        };
        top.append("targetScope = '").append(scope).append('\'');
        blocks.add(top.toString());
        BicepExpressions ex = new BicepExpressions(symbols, Map.of());
        for (Iterator<Map.Entry<String, JsonNode>> it = template.metadata().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            // the generator is this comment's header; Bicep writes its own _generator when it compiles
            if (m.getKey().equals("_generator") || m.getKey().equals(ArmJsonWriter.EXISTING_KEY)
                    || !BicepText.isIdentifier(m.getKey())) {
                continue;
            }
            // Bicep allows any value here, but the Bicep readers in scanners (pycep-parser, which checkov uses) take
            // only strings: other values are written as their JSON text, which hpcb reads back either way
            JsonNode v = m.getValue();
            blocks.add("metadata " + m.getKey() + " = " + (v.isTextual() ? ex.value(v, 0, new LinkedHashSet<>())
                    : BicepText.literal(v.toString())));
        }
        for (Parameter p : template.parameters()) {
            blocks.add(parameter(p, ex));
        }
        for (Variable v : template.variables()) {
            blocks.add("var " + symbols.variable(v.name()) + " = " + ex.value(v.value(), 0, new LinkedHashSet<>()));
        }
        for (SymbolTable.Entry e : symbols.entries()) {
            blocks.add(e.module() ? module(e) : resource(e));
        }
        for (Output o : template.outputs()) {
            blocks.add(output(o, ex));
        }
        return String.join("\n\n", blocks) + "\n";
    }

    private String parameter(Parameter p, BicepExpressions ex) {
        StringBuilder sb = new StringBuilder();
        p.description().ifPresent(d -> sb.append("@description(").append(BicepText.literal(d)).append(")\n"));
        ObjectNode otherMetadata = p.metadata().deepCopy();
        otherMetadata.remove("description");
        if (!otherMetadata.isEmpty()) {
            sb.append("@metadata(").append(ex.value(otherMetadata, 0, new LinkedHashSet<>())).append(")\n");
        }
        if (p.isSecure()) {
            sb.append("@secure()\n");
        }
        if (!p.allowedValues().isEmpty()) {
            sb.append("@allowed(").append(ex.value(io.github.hpcblueprints.arm.Json.arrOf(p.allowedValues()), 0,
                    new LinkedHashSet<>())).append(")\n");
        }
        p.minLength().ifPresent(v -> sb.append("@minLength(").append(v).append(")\n"));
        p.maxLength().ifPresent(v -> sb.append("@maxLength(").append(v).append(")\n"));
        p.minValue().ifPresent(v -> sb.append("@minValue(").append(v).append(")\n"));
        p.maxValue().ifPresent(v -> sb.append("@maxValue(").append(v).append(")\n"));
        sb.append("param ").append(symbols.parameter(p.name())).append(' ').append(type(p.type()));
        p.defaultValue().ifPresent(d -> sb.append(" = ").append(ex.value(d, 0, new LinkedHashSet<>())));
        return sb.toString();
    }

    private static String type(ParameterType t) {
        return switch (t) {
            case STRING, SECURE_STRING -> "string";
            case INT -> "int";
            case BOOL -> "bool";
            case OBJECT, SECURE_OBJECT -> "object";
            case ARRAY -> "array";
        };
    }

    private String output(Output o, BicepExpressions ex) {
        if (symbols.isParameter(o.name())) {
            throw new IllegalArgumentException("output '" + o.name() + "' has a parameter's name, which Bicep "
                    + "does not allow; rename one of them");
        }
        Set<SymbolTable.Entry> refs = new LinkedHashSet<>();
        StringBuilder sb = new StringBuilder();
        String description = o.metadata().path("description").asText("");
        if (!description.isEmpty()) {
            sb.append("@description(").append(BicepText.literal(description)).append(")\n");
        }
        sb.append("output ").append(o.name()).append(' ').append(type(o.type()));
        if (o.copy().isPresent()) {
            JsonNode copy = o.copy().get();
            Map<String, String> loop = Map.of("", "i");
            BicepExpressions inLoop = new BicepExpressions(symbols, loop);
            sb.append(" = [for i in range(0, ").append(ex.value(copy.path("count"), 0, refs)).append("): ")
                    .append(inLoop.value(copy.path("input"), 0, refs)).append(']');
            return sb.toString();
        }
        String value = ex.value(o.value().orElseThrow(), 0, refs);
        if (o.condition().isPresent()) {
            // Bicep has no conditional output: the value is null when the condition is false
            sb.insert(sb.length(), "?");
            sb.append(" = ").append(ex.expr(o.condition().get(), 0, refs)).append(" ? ").append(value)
                    .append(" : null");
            return sb.toString();
        }
        return sb.append(" = ").append(value).toString();
    }

    // ---- resources ----------------------------------------------------------------------------------------------

    private String resource(SymbolTable.Entry e) {
        Resource r = e.resource();
        Set<SymbolTable.Entry> refs = new LinkedHashSet<>();
        Map<String, String> loops = new LinkedHashMap<>();
        Optional<Copy> copy = r.copy();
        copy.ifPresent(c -> loops.put(c.name().toLowerCase(Locale.ROOT), "i"));
        BicepExpressions ex = new BicepExpressions(symbols, loops);
        int bodyIndent = 1;
        // loop and condition first: what they reference counts before the explicit dependsOn is worked out
        String loopHead = copy.map(c -> "[for i in range(0, " + ex.expr(c.count(), 0, refs) + "): ").orElse("");
        String ifHead = r.condition().map(c -> "if (" + ex.expr(c, 0, refs) + ") ").orElse("");

        List<String> lines = new ArrayList<>();
        Optional<SymbolTable.Entry> parent = symbols.parentOf(e.id());
        List<Expr> segs = r.nameSegments();
        if (parent.isPresent() && segs.size() > 1) {
            refs.add(parent.get());
            lines.add("parent: " + parent.get().symbol());
            lines.add("name: " + ex.expr(segs.get(segs.size() - 1), bodyIndent, refs));
        } else {
            lines.add("name: " + ex.expr(r.name(), bodyIndent, refs));
        }
        r.scope().ifPresent(s -> lines.add(0, "scope: " + scope(s, ex, bodyIndent, refs)));
        JsonNode otherGroup = r.extra().get("resourceGroup");
        if (otherGroup != null && e.existing()) {
            lines.add(0, "scope: resourceGroup(" + ex.value(otherGroup, bodyIndent, refs) + ")");
        }
        if (!e.existing()) {
            r.location().ifPresent(l -> lines.add("location: " + ex.expr(l, bodyIndent, refs)));
            r.tags().ifPresent(t -> lines.add("tags: " + ex.value(t, bodyIndent, refs)));
            r.sku().ifPresent(s -> lines.add("sku: " + ex.value(s, bodyIndent, refs)));
            r.kind().ifPresent(k -> lines.add("kind: " + ex.value(k, bodyIndent, refs)));
            r.identity().ifPresent(i -> lines.add("identity: " + ex.value(i, bodyIndent, refs)));
            for (Iterator<Map.Entry<String, JsonNode>> it = r.extra().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> x = it.next();
                if (!x.getKey().equals("resourceGroup") && !x.getKey().equals("comments")) {
                    lines.add(BicepText.key(x.getKey()) + ": " + ex.value(x.getValue(), bodyIndent, refs));
                }
            }
            r.properties().ifPresent(p -> lines.add("properties: " + ex.value(p, bodyIndent, refs)));
            List<String> explicit = explicitDependsOn(r, refs);
            if (!explicit.isEmpty()) {
                lines.add("dependsOn: " + BicepExpressions.block("[", explicit, bodyIndent, "]"));
            }
        }

        StringBuilder sb = new StringBuilder();
        r.extra().path("comments").asText("").lines().forEach(c -> sb.append("// ").append(c).append('\n'));
        copy.ifPresent(c -> {
            if (c.mode() == Copy.Mode.SERIAL) {
                sb.append("@batchSize(").append(Math.max(1, c.batchSize())).append(")\n");
            }
        });
        sb.append("resource ").append(e.symbol()).append(" '").append(r.type()).append('@').append(r.apiVersion())
                .append("' ");
        if (e.existing()) {
            sb.append("existing ");
        }
        sb.append("= ").append(loopHead).append(ifHead).append(BicepExpressions.block("{", lines, 0, "}"));
        if (copy.isPresent()) {
            sb.append(']');
        }
        return sb.toString();
    }

    /** An extension resource's scope: the symbol of the resource it applies to, when this file declares it. */
    private String scope(Expr s, BicepExpressions ex, int indent, Set<SymbolTable.Entry> refs) {
        Optional<ResourceId> target = ResourceId.parseScope(s);
        if (target.isPresent()) {
            Optional<SymbolTable.Entry> e = symbols.resolve(target.get());
            if (e.isPresent()) {
                refs.add(e.get());
                return e.get().symbol();
            }
        }
        throw new IllegalArgumentException("the scope " + s.toArmString() + " is not a resource of this template; "
                + "Bicep needs the resource it applies to declared (add it as an existing resource)");
    }

    /** The ARM dependsOn that symbolic references do not already give. */
    private List<String> explicitDependsOn(Resource r, Set<SymbolTable.Entry> refs) {
        List<String> out = new ArrayList<>();
        for (Expr d : r.dependsOn()) {
            Optional<ResourceId> id = ResourceId.parse(d);
            Optional<SymbolTable.Entry> e = id.flatMap(symbols::resolve);
            if (e.isEmpty() && d instanceof Expr.Str s) {
                e = symbols.entries().stream().filter(x -> x.resource().name() instanceof Expr.Str n
                        && n.value().equalsIgnoreCase(s.value())).findFirst();
            }
            if (e.isEmpty()) {
                throw new IllegalArgumentException("dependsOn " + d.toArmString() + " names no resource of this "
                        + "template");
            }
            if (!refs.contains(e.get()) && !e.get().existing() && !out.contains(e.get().symbol())) {
                out.add(e.get().symbol());
            }
        }
        return out;
    }

    // ---- nested deployments as modules ----------------------------------------------------------------------

    private void addModuleFile(String path, String text) {
        if (files.putIfAbsent(path, text) != null) {
            throw new IllegalArgumentException("two nested deployments would both be written to " + path
                    + "; give them different names");
        }
    }

    private String module(SymbolTable.Entry e) {
        Resource r = e.resource();
        JsonNode p = r.properties().orElseThrow();
        String name = ((Expr.Str) r.name()).value();
        String file = moduleFile(r).orElseThrow();
        Template inner = ArmReader.readTemplate(JsonPrinter.print(p.get("template")));
        BicepWriter nested = new BicepWriter(inner, header, true);
        addModuleFile(file, nested.render());
        nested.files.forEach(this::addModuleFile);

        Set<SymbolTable.Entry> refs = new LinkedHashSet<>();
        BicepExpressions ex = new BicepExpressions(symbols, Map.of());
        String ifHead = r.condition().map(c -> "if (" + ex.expr(c, 0, refs) + ") ").orElse("");
        List<String> lines = new ArrayList<>();
        lines.add("name: " + BicepText.literal(name));
        JsonNode group = r.extra().get("resourceGroup");
        JsonNode sub = r.extra().get("subscriptionId");
        if (group != null) {
            lines.add("scope: resourceGroup(" + (sub != null ? ex.value(sub, 1, refs) + ", " : "")
                    + ex.value(group, 1, refs) + ")");
        }
        List<String> params = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = p.path("parameters").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getValue().has("value")) {
                throw new IllegalArgumentException("module " + name + ": parameter " + f.getKey()
                        + " is not passed by value (a Key Vault reference needs getSecret in Bicep)");
            }
            params.add(BicepText.key(f.getKey()) + ": " + ex.value(f.getValue().get("value"), 2, refs));
        }
        if (!params.isEmpty()) {
            lines.add("params: " + BicepExpressions.block("{", params, 1, "}"));
        }
        List<String> explicit = explicitDependsOn(r, refs);
        if (!explicit.isEmpty()) {
            lines.add("dependsOn: " + BicepExpressions.block("[", explicit, 1, "]"));
        }
        String path = inModules ? file.substring("modules/".length()) : file;
        return "module " + e.symbol() + " '" + path + "' = " + ifHead + BicepExpressions.block("{", lines, 0, "}");
    }
}
