package io.github.hpcblueprints.bicep;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.arm.ArmReader;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.ExprParser;
import io.github.hpcblueprints.json.JsonPrinter;
import io.github.hpcblueprints.arm.Output;
import io.github.hpcblueprints.arm.Parameter;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.arm.Scope;
import io.github.hpcblueprints.arm.Template;
import io.github.hpcblueprints.arm.Variable;
import io.github.hpcblueprints.bicep.BicepReader.Declaration;
import io.github.hpcblueprints.bicep.BicepReader.Node;
import io.github.hpcblueprints.bicep.Canonical.Id;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Bicep file back and compares it, declaration by declaration, with the ARM template it was written from:
 * target scope, metadata, parameters (type, secure, default, allowed values, bounds, description), variables,
 * resources (type, apiVersion, full name, scope, condition, loop, location, tags, sku, kind, identity, properties
 * and every other key), existing resources, modules (recursively) and outputs. Every ARM {@code dependsOn} must be
 * implied in Bicep (a symbolic reference, {@code parent:}, {@code scope:} or an explicit {@code dependsOn}), and no
 * explicit Bicep dependency may be one ARM does not have. Returns the differences; empty means equivalent.
 */
final class BicepEquivalence {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)\\}");
    private static final String DEPLOYMENTS = "microsoft.resources/deployments";

    private final List<String> differences = new ArrayList<>();
    private final Map<String, String> files;

    private BicepEquivalence(Map<String, String> files) {
        this.files = files;
    }

    /** Compares {@code template} with {@code files.get(mainFile)} and the modules it uses. */
    static List<String> compare(Template template, Map<String, String> files, String mainFile) {
        BicepEquivalence eq = new BicepEquivalence(files);
        eq.file(template, mainFile);
        return eq.differences;
    }

    private void differ(String where, String what) {
        differences.add(where + ": " + what);
    }

    // ---- one file ---------------------------------------------------------------------------------------------

    private void file(Template t, String fileName) {
        String text = files.get(fileName);
        if (text == null) {
            differ(fileName, "missing");
            return;
        }
        List<Declaration> decls;
        try {
            decls = BicepReader.read(text);
        } catch (IllegalArgumentException e) {
            differ(fileName, "does not read back: " + e.getMessage());
            return;
        }
        ArmSide arm = new ArmSide(t);
        // Bicep has one namespace and keywords: a parameter or variable may need another name there. Declarations
        // keep their order, so they pair up by position; a rename is only right where the ARM name cannot stand.
        Map<String, String> armNames = new HashMap<>();
        pair(fileName + " parameters", t.parameters().stream().map(Parameter::name).toList(),
                of(decls, "param").stream().map(Declaration::name).toList(), armNames);
        pair(fileName + " variables", t.variables().stream().map(Variable::name).toList(),
                of(decls, "var").stream().map(Declaration::name).toList(), armNames);
        BicepSide bicep = new BicepSide(decls, t.scope() == Scope.SUBSCRIPTION, armNames);

        String scope = switch (t.scope()) {
            case RESOURCE_GROUP -> "resourceGroup";
            case SUBSCRIPTION -> "subscription";
            case MANAGEMENT_GROUP -> "managementGroup";
            case TENANT -> "tenant";
        };
        Object declared = decls.stream().filter(d -> d.keyword().equals("targetScope")).findFirst()
                .map(d -> bicep.node(d.value())).orElse("resourceGroup");
        check(fileName + " targetScope", scope, declared);

        metadata(t, fileName, arm, bicep, decls);
        parameters(t, fileName, arm, bicep, decls);
        variables(t, fileName, arm, bicep, decls);
        resources(t, fileName, arm, bicep, decls);
        outputs(t, fileName, arm, bicep, decls);
    }

    private void pair(String where, List<String> arm, List<String> bicep, Map<String, String> armNames) {
        if (arm.size() != bicep.size()) {
            differ(where, "ARM declares " + arm + " but Bicep " + bicep);
            return;
        }
        for (int i = 0; i < arm.size(); i++) {
            String a = arm.get(i);
            String b = bicep.get(i);
            if (!a.equals(b) && BicepText.isIdentifier(a)
                    && !BicepText.RESERVED.contains(a.toLowerCase(Locale.ROOT))) {
                differ(where, "'" + a + "' is renamed '" + b + "' though Bicep accepts it as it is");
            }
            armNames.put(b, a);
        }
    }

    private void check(String where, Object armValue, Object bicepValue) {
        if (Objects.equals(armValue, bicepValue)) {
            return;
        }
        if (armValue instanceof Map<?, ?> a && bicepValue instanceof Map<?, ?> b) {
            Set<Object> keys = new LinkedHashSet<>(a.keySet());
            keys.addAll(b.keySet());
            for (Object k : keys) {
                check(where + "." + k, a.get(k), b.get(k));
            }
            return;
        }
        if (armValue instanceof List<?> a && bicepValue instanceof List<?> b && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                check(where + "[" + i + "]", a.get(i), b.get(i));
            }
            return;
        }
        differ(where, "ARM " + armValue + " but Bicep " + bicepValue);
    }

    private static List<Declaration> of(List<Declaration> decls, String keyword) {
        return decls.stream().filter(d -> d.keyword().equals(keyword)).toList();
    }

    private void metadata(Template t, String file, ArmSide arm, BicepSide bicep, List<Declaration> decls) {
        Map<String, Object> a = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = t.metadata().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            if (!m.getKey().equals("_generator") && !m.getKey().equals("_existingResources")) {
                // the writer gives non-string metadata as JSON text (scanners read string metadata only)
                a.put(m.getKey(), m.getValue().isTextual() ? arm.value(m.getValue()) : m.getValue().toString());
            }
        }
        Map<String, Object> b = new LinkedHashMap<>();
        of(decls, "metadata").forEach(d -> b.put(d.name(), bicep.node(d.value())));
        check(file + " metadata", a, b);
    }

    private void parameters(Template t, String file, ArmSide arm, BicepSide bicep, List<Declaration> decls) {
        Map<String, Declaration> byName = new HashMap<>();
        of(decls, "param").forEach(d -> byName.put(bicep.armName(d.name()), d));
        for (Parameter p : t.parameters()) {
            Declaration d = byName.get(p.name());
            if (d == null) {
                continue;
            }
            String where = file + " param " + p.name();
            String type = switch (p.type()) {
                case STRING, SECURE_STRING -> "string";
                case INT -> "int";
                case BOOL -> "bool";
                case OBJECT, SECURE_OBJECT -> "object";
                case ARRAY -> "array";
            };
            check(where + " type", type, d.type());
            check(where + " @secure", p.isSecure(), d.decorators().containsKey("secure"));
            check(where + " default", p.defaultValue().map(arm::value).orElse(null),
                    d.value() == null ? null : bicep.node(d.value()));
            check(where + " @allowed", p.allowedValues().isEmpty() ? null
                            : p.allowedValues().stream().map(arm::value).toList(),
                    decorator(bicep, d, "allowed"));
            check(where + " @minLength", p.minLength().map(Long::valueOf).orElse(null), decorator(bicep, d,
                    "minLength"));
            check(where + " @maxLength", p.maxLength().map(Long::valueOf).orElse(null), decorator(bicep, d,
                    "maxLength"));
            check(where + " @minValue", p.minValue().orElse(null), decorator(bicep, d, "minValue"));
            check(where + " @maxValue", p.maxValue().orElse(null), decorator(bicep, d, "maxValue"));
            check(where + " @description", p.description().orElse(null), decorator(bicep, d, "description"));
            JsonNode otherMetadata = p.metadata().deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) otherMetadata).remove("description");
            check(where + " @metadata", otherMetadata.isEmpty() ? null : arm.value(otherMetadata),
                    decorator(bicep, d, "metadata"));
        }
    }

    private static Object decorator(BicepSide bicep, Declaration d, String name) {
        List<Node> args = d.decorators().get(name);
        return args == null || args.isEmpty() ? null : bicep.node(args.get(0));
    }

    private void variables(Template t, String file, ArmSide arm, BicepSide bicep, List<Declaration> decls) {
        Map<String, Object> a = new LinkedHashMap<>();
        for (Variable v : t.variables()) {
            a.put(v.name(), arm.value(v.value()));
        }
        Map<String, Object> b = new LinkedHashMap<>();
        of(decls, "var").forEach(d -> b.put(bicep.armName(d.name()), bicep.node(d.value())));
        check(file + " variables", a, b);
    }

    private void outputs(Template t, String file, ArmSide arm, BicepSide bicep, List<Declaration> decls) {
        Map<String, Object> a = new LinkedHashMap<>();
        for (Output o : t.outputs()) {
            Object value;
            if (o.copy().isPresent()) {
                value = new Canonical.LoopValue(arm.value(o.copy().get().path("count")),
                        arm.value(o.copy().get().path("input")));
            } else {
                value = arm.value(o.value().orElseThrow());
                if (o.condition().isPresent()) {
                    value = Canonical.call("if", List.of(arm.expr(o.condition().get()), value, Canonical.NULL));
                }
            }
            String type = o.type().arm().toLowerCase(Locale.ROOT).replace("secure", "");
            a.put(o.name(), List.of(type, value, o.metadata().path("description").asText("")));
        }
        Map<String, Object> b = new LinkedHashMap<>();
        for (Declaration d : of(decls, "output")) {
            Object description = decorator(bicep, d, "description");
            b.put(d.name(), List.of(d.type(), bicep.node(d.value()), description == null ? "" : description));
        }
        check(file + " outputs", a, b);
    }

    // ---- resources and modules ----------------------------------------------------------------------------------

    private void resources(Template t, String file, ArmSide arm, BicepSide bicep, List<Declaration> decls) {
        Map<Id, Resource> armById = new LinkedHashMap<>();
        Map<Id, Boolean> armExisting = new LinkedHashMap<>();
        for (Resource r : t.existingResources()) {
            armById.put(arm.idOf(r, true), r);
            armExisting.put(arm.idOf(r, true), true);
        }
        List<Resource> deployed = new ArrayList<>();
        t.resources().forEach(r -> deployed.addAll(r.withChildrenAtTopLevel()));
        for (Resource r : deployed) {
            Id id = arm.idOf(r, false);
            if (armById.put(id, r) != null) {
                differ(file, "two ARM resources with the id " + id);
            }
            armExisting.put(id, false);
        }
        Map<Id, Declaration> bicepById = new LinkedHashMap<>();
        for (Declaration d : decls) {
            if (d.keyword().equals("resource") || d.keyword().equals("module")) {
                bicepById.put(bicep.idOfSymbol(d.name()), d);
            }
        }
        Set<Id> onlyArm = new LinkedHashSet<>(armById.keySet());
        onlyArm.removeAll(bicepById.keySet());
        Set<Id> onlyBicep = new LinkedHashSet<>(bicepById.keySet());
        onlyBicep.removeAll(armById.keySet());
        onlyArm.forEach(id -> differ(file, "resource only in ARM: " + id));
        onlyBicep.forEach(id -> differ(file, "resource only in Bicep: " + id));
        for (Map.Entry<Id, Resource> e : armById.entrySet()) {
            Declaration d = bicepById.get(e.getKey());
            if (d == null) {
                continue;
            }
            Resource r = e.getValue();
            String where = file + " " + d.keyword() + " " + d.name();
            if (d.keyword().equals("module")) {
                module(r, d, where, file, arm, bicep);
            } else {
                resource(r, armExisting.get(e.getKey()), d, where, arm, bicep);
            }
        }
    }

    private void resource(Resource r, boolean existing, Declaration d, String where, ArmSide arm, BicepSide bicep) {
        String[] typeApi = d.type().split("@", 2);
        check(where + " type", r.type(), typeApi[0]);
        check(where + " apiVersion", r.apiVersion(), typeApi.length > 1 ? typeApi[1] : null);
        check(where + " existing", existing, d.existing());
        BicepSide.Body body = bicep.body(d);
        arm.loop = r.copy().isPresent();
        check(where + " condition", r.condition().map(arm::expr).orElse(null), body.condition());
        check(where + " loop count", r.copy().map(c -> arm.expr(c.count())).orElse(null), body.count());
        check(where + " @batchSize", r.copy().filter(c -> c.mode() == io.github.hpcblueprints.arm.Copy.Mode.SERIAL)
                .map(c -> (Object) (long) Math.max(1, c.batchSize())).orElse(null), decorator(bicep, d, "batchSize"));
        if (existing) {
            arm.loop = false;
            return;
        }
        Map<String, Object> a = new LinkedHashMap<>();
        r.location().ifPresent(l -> a.put("location", arm.expr(l)));
        r.tags().ifPresent(v -> a.put("tags", arm.value(v)));
        r.sku().ifPresent(v -> a.put("sku", arm.value(v)));
        r.kind().ifPresent(v -> a.put("kind", arm.value(v)));
        r.identity().ifPresent(v -> a.put("identity", arm.value(v)));
        r.properties().ifPresent(v -> a.put("properties", arm.value(v)));
        for (Iterator<Map.Entry<String, JsonNode>> it = r.extra().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> x = it.next();
            if (!x.getKey().equals("comments") && !x.getKey().equals("resourceGroup")) {
                a.put(x.getKey(), arm.value(x.getValue()));
            }
        }
        Set<Id> armDeps = new LinkedHashSet<>();
        for (Expr dep : r.dependsOn()) {
            armDeps.add(arm.dependency(dep));
        }
        arm.loop = false;

        Map<String, Object> b = new LinkedHashMap<>(body.fields());
        check(where + " body", a, b);
        dependencies(where, armDeps, body);
    }

    private void dependencies(String where, Set<Id> armDeps, BicepSide.Body body) {
        for (Id dep : armDeps) {
            if (!body.implied().contains(dep) && !body.explicit().contains(dep)) {
                differ(where, "ARM depends on " + dep + " but Bicep neither references it nor lists it");
            }
        }
        for (Id dep : body.explicit()) {
            if (!armDeps.contains(dep)) {
                differ(where, "Bicep lists dependsOn " + dep + " which ARM does not have");
            }
            if (body.implied().contains(dep)) {
                differ(where, "Bicep lists dependsOn " + dep + " which a reference already implies");
            }
        }
    }

    private void module(Resource r, Declaration d, String where, String file, ArmSide arm, BicepSide bicep) {
        BicepSide.Body body = bicep.body(d);
        JsonNode p = r.properties().orElseThrow();
        check(where + " condition", r.condition().map(arm::expr).orElse(null), body.condition());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", arm.expr(r.name()));
        JsonNode group = r.extra().get("resourceGroup");
        if (group != null) {
            List<Object> args = new ArrayList<>();
            if (r.extra().has("subscriptionId")) {
                args.add(arm.value(r.extra().get("subscriptionId")));
            }
            args.add(arm.value(group));
            a.put("scope", new Canonical.Call("resourcegroup", args));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        p.path("parameters").fields().forEachRemaining(f -> params.put(f.getKey(), arm.value(f.getValue()
                .get("value"))));
        if (!params.isEmpty()) {
            a.put("params", params);
        }
        Set<Id> armDeps = new LinkedHashSet<>();
        r.dependsOn().forEach(dep -> armDeps.add(arm.dependency(dep)));
        check(where + " body", a, body.fields());
        dependencies(where, armDeps, body);
        String folder = file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
        Template inner = ArmReader.readTemplate(JsonPrinter.print(p.get("template")));
        file(inner, java.nio.file.Path.of(folder + d.type()).normalize().toString().replace('\\', '/'));
    }

    // ---- ARM to canonical -----------------------------------------------------------------------------------

    private static final class ArmSide {
        private final Template t;
        private final boolean subscription;
        private final Map<String, Id> byLiteralName = new HashMap<>();
        boolean loop;

        ArmSide(Template t) {
            this.t = t;
            this.subscription = t.scope() == Scope.SUBSCRIPTION;
            for (Resource r : t.resources()) {
                if (r.name() instanceof Expr.Str s) {
                    byLiteralName.putIfAbsent(s.value().toLowerCase(Locale.ROOT), idOf(r, false));
                }
            }
        }

        Id idOf(Resource r, boolean existing) {
            List<Object> names = r.nameSegments().stream().map(this::expr).toList();
            String type = r.type().toLowerCase(Locale.ROOT);
            if (r.scope().isPresent()) {
                // ARM takes a scope as a full or a relative id ('Microsoft.KeyVault/vaults/kv'): read either
                Object target = io.github.hpcblueprints.arm.ResourceId.parseScope(r.scope().get())
                        .map(this::id).orElseGet(() -> expr(r.scope().get()));
                return new Id("extension", List.of(target), type, names);
            }
            List<Object> scope = new ArrayList<>();
            if (existing && r.extra().has("resourceGroup")) {
                if (r.extra().has("subscriptionId")) {
                    scope.add(value(r.extra().get("subscriptionId")));
                }
                scope.add(value(r.extra().get("resourceGroup")));
            }
            return new Id(subscription && scope.isEmpty() ? "subscription" : "resourceGroup", List.copyOf(scope),
                    type, names);
        }

        Object id(io.github.hpcblueprints.arm.ResourceId rid) {
            List<Object> args = new ArrayList<>();
            rid.scopeArgs().forEach(a -> args.add(expr(a)));
            args.add(rid.type());
            rid.names().forEach(n -> args.add(expr(n)));
            return Canonical.id(rid.kind().function().toLowerCase(Locale.ROOT), args, subscription);
        }

        Id dependency(Expr dep) {
            Object v = expr(dep);
            if (v instanceof Id id) {
                return id;
            }
            if (v instanceof String name && byLiteralName.containsKey(name.toLowerCase(Locale.ROOT))) {
                return byLiteralName.get(name.toLowerCase(Locale.ROOT));
            }
            throw new IllegalArgumentException("dependsOn " + dep.toArmString() + " names no resource");
        }

        Object value(JsonNode n) {
            if (n == null || n.isNull()) {
                return Canonical.NULL;
            }
            if (n.isTextual()) {
                return expr(ExprParser.parseArmString(n.textValue()));
            }
            if (n.isBoolean()) {
                return n.booleanValue();
            }
            if (n.isIntegralNumber()) {
                return n.longValue();
            }
            if (n.isNumber()) {
                return Canonical.decimal(n.decimalValue().toPlainString());
            }
            if (n.isArray()) {
                List<Object> out = new ArrayList<>();
                n.forEach(x -> out.add(value(x)));
                return out;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            n.fields().forEachRemaining(f -> {
                Expr k = ExprParser.parseArmString(f.getKey());
                out.put(k instanceof Expr.Str s ? s.value() : Canonical.computedKey(expr(k)), value(f.getValue()));
            });
            return out;
        }

        Object expr(Expr e) {
            if (e instanceof Expr.Str s) {
                return s.value();
            }
            if (e instanceof Expr.Num n) {
                return n.value();
            }
            if (e instanceof Expr.Bool b) {
                return b.value();
            }
            if (e instanceof Expr.Null) {
                return Canonical.NULL;
            }
            if (e instanceof Expr.Member m) {
                return member(expr(m.target()), m.name());
            }
            if (e instanceof Expr.Index ix) {
                Object i = expr(ix.index());
                return i instanceof String s ? member(expr(ix.target()), s)
                        : new Canonical.Index(expr(ix.target()), i);
            }
            return call((Expr.Call) e);
        }

        private Object member(Object target, String name) {
            // reference(deployment).outputs.x.value is a module's output x
            if (name.equals("value") && target instanceof Canonical.Member x
                    && x.target() instanceof Canonical.Member outs && outs.name().equals("outputs")
                    && outs.target() instanceof Canonical.Props p && p.id().type().equals(DEPLOYMENTS)) {
                return new Canonical.Member(new Canonical.ModuleOutputs(String.valueOf(p.id().names().get(0))),
                        x.name());
            }
            return new Canonical.Member(target, name);
        }

        private Object call(Expr.Call c) {
            String fn = c.name().toLowerCase(Locale.ROOT);
            List<Expr> a = c.args();
            switch (fn) {
                case "parameters", "variables":
                    if (a.size() == 1 && a.get(0) instanceof Expr.Str n) {
                        return new Canonical.Ref(fn.equals("parameters") ? "param" : "var", n.value());
                    }
                    break;
                case "format":
                    if (!a.isEmpty() && a.get(0) instanceof Expr.Str f) {
                        Object joined = format(f.value(), a.subList(1, a.size()));
                        if (joined != null) {
                            return joined;
                        }
                    }
                    break;
                case "concat":
                    if (a.stream().anyMatch(x -> x instanceof Expr.Str)) {
                        return Canonical.concat(a.stream().map(this::expr).toList());
                    }
                    break;
                case "createobject": {
                    Map<String, Object> out = new LinkedHashMap<>();
                    for (int i = 0; i + 1 < a.size(); i += 2) {
                        Object k = expr(a.get(i));
                        out.put(k instanceof String s ? s : Canonical.computedKey(k), expr(a.get(i + 1)));
                    }
                    return out;
                }
                case "createarray":
                    return a.stream().map(this::expr).toList();
                case "null":
                    return a.isEmpty() ? Canonical.NULL : Canonical.call(fn, a.stream().map(this::expr).toList());
                case "true", "false":
                    if (a.isEmpty()) {
                        return fn.equals("true");
                    }
                    break;
                case "copyindex": {
                    List<Expr> rest = a.isEmpty() || !(a.get(0) instanceof Expr.Str) ? a : a.subList(1, a.size());
                    return rest.isEmpty() ? new Canonical.Loop()
                            : Canonical.call("add", List.of(new Canonical.Loop(), expr(rest.get(0))));
                }
                case "reference": {
                    Object target = expr(a.get(0));
                    Id id = target instanceof Id i ? i : target instanceof String name
                            ? byNameOrDeployment(name) : null;
                    if (id != null) {
                        boolean full = a.size() >= 3 && "full".equalsIgnoreCase(String.valueOf(expr(a.get(2))));
                        return full ? new Canonical.Full(id) : new Canonical.Props(id);
                    }
                    break;
                }
                default:
                    break;
            }
            List<Object> args = a.stream().map(this::expr).toList();
            if (fn.endsWith("resourceid")) {
                Id id = Canonical.id(fn, args, subscription);
                if (id != null) {
                    return id;
                }
            }
            return Canonical.call(fn, args);
        }

        private Id byNameOrDeployment(String name) {
            return byLiteralName.get(name.toLowerCase(Locale.ROOT));
        }

        private Object format(String fmt, List<Expr> args) {
            String bare = PLACEHOLDER.matcher(fmt).replaceAll("");
            if (bare.contains("{") || bare.contains("}")) {
                return null;
            }
            List<Object> pieces = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(fmt);
            int last = 0;
            while (m.find()) {
                int i = Integer.parseInt(m.group(1));
                if (i >= args.size()) {
                    return null;
                }
                pieces.add(fmt.substring(last, m.start()));
                pieces.add(expr(args.get(i)));
                last = m.end();
            }
            pieces.add(fmt.substring(last));
            return Canonical.concat(pieces);
        }
    }

    // ---- Bicep to canonical -----------------------------------------------------------------------------------

    static final class BicepSide {
        /** A resource or module body as compared: the envelope and properties, its condition, loop and deps. */
        record Body(Map<String, Object> fields, Object condition, Object count, Set<Id> implied, Set<Id> explicit) {
        }

        private final Map<String, Declaration> symbols = new LinkedHashMap<>();
        private final Set<String> params = new LinkedHashSet<>();
        private final Set<String> vars = new LinkedHashSet<>();
        private final Map<String, Id> ids = new HashMap<>();
        private final boolean subscription;
        private final Map<String, String> armNames;
        private String loopVariable = "";
        private Set<Id> referenced = new LinkedHashSet<>();

        BicepSide(List<Declaration> decls, boolean subscription, Map<String, String> armNames) {
            this.subscription = subscription;
            this.armNames = armNames;
            for (Declaration d : decls) {
                switch (d.keyword()) {
                    case "resource", "module" -> symbols.put(d.name(), d);
                    case "param" -> params.add(d.name());
                    case "var" -> vars.add(d.name());
                    default -> {
                    }
                }
            }
        }

        /** The object of a resource or module, whatever wraps it (a loop, a condition). */
        private static BicepReader.Obj object(Declaration d) {
            Node v = d.value();
            if (v instanceof BicepReader.ForLoop f) {
                v = f.body();
            }
            if (v instanceof BicepReader.IfBody i) {
                v = i.body();
            }
            if (v instanceof BicepReader.Obj o) {
                return o;
            }
            throw new IllegalArgumentException(d.name() + " has no object body");
        }

        private static String loopVariable(Declaration d) {
            return d.value() instanceof BicepReader.ForLoop f ? f.variable() : "";
        }

        Id idOfSymbol(String symbol) {
            Id known = ids.get(symbol);
            if (known != null) {
                return known;
            }
            Declaration d = symbols.get(symbol);
            if (d == null) {
                throw new IllegalArgumentException("no resource or module " + symbol);
            }
            BicepReader.Obj o = object(d);
            String saved = loopVariable;
            Set<Id> savedRefs = referenced;
            loopVariable = loopVariable(d);
            referenced = new LinkedHashSet<>();
            try {
                Object name = node(o.get("name"));
                Id id;
                if (d.keyword().equals("module")) {
                    id = new Id(subscription ? "subscription" : "resourceGroup", List.of(), DEPLOYMENTS,
                            List.of(name));
                } else {
                    String type = d.type().split("@", 2)[0].toLowerCase(Locale.ROOT);
                    Node parent = o.get("parent");
                    Node scope = o.get("scope");
                    if (parent instanceof BicepReader.Ident p) {
                        Id pid = idOfSymbol(p.name());
                        List<Object> names = new ArrayList<>(pid.names());
                        names.add(name);
                        id = new Id(pid.kind(), pid.scope(), type, List.copyOf(names));
                    } else if (scope instanceof BicepReader.Ident s) {
                        id = new Id("extension", List.of(idOfSymbol(s.name())), type, List.of(name));
                    } else if (scope instanceof BicepReader.Call c && c.name().equals("resourceGroup")) {
                        id = new Id("resourceGroup", c.args().stream().map(this::node).toList(), type,
                                List.of(name));
                    } else {
                        id = new Id(subscription ? "subscription" : "resourceGroup", List.of(), type, List.of(name));
                    }
                }
                ids.put(symbol, id);
                return id;
            } finally {
                loopVariable = saved;
                referenced = savedRefs;
            }
        }

        Body body(Declaration d) {
            BicepReader.Obj o = object(d);
            String saved = loopVariable;
            Set<Id> savedRefs = referenced;
            referenced = new LinkedHashSet<>();
            Object condition = null;
            Object count = null;
            Node v = d.value();
            if (v instanceof BicepReader.ForLoop f) {
                if (!(f.iterable() instanceof BicepReader.Call r) || !r.name().equals("range") || r.args().size() != 2
                        || !Long.valueOf(0).equals(node(r.args().get(0)))) {
                    throw new IllegalArgumentException(d.name() + ": loops are over range(0, count)");
                }
                count = node(r.args().get(1));
                v = f.body();
            }
            loopVariable = loopVariable(d);
            if (v instanceof BicepReader.IfBody i) {
                condition = node(i.condition());
            }
            // Bicep infers dependencies from every reference in the declaration, loop and condition included
            Map<String, Object> fields = new LinkedHashMap<>();
            Set<Id> explicit = new LinkedHashSet<>();
            for (Map.Entry<Object, Node> e : o.entries()) {
                String key = (String) e.getKey();
                switch (key) {
                    case "parent", "scope" -> {
                        if (d.keyword().equals("module") && key.equals("scope")) {
                            fields.put(key, node(e.getValue()));
                        } else if (e.getValue() instanceof BicepReader.Ident s) {
                            referenced.add(idOfSymbol(s.name()));
                        } else {
                            node(e.getValue());
                        }
                    }
                    case "dependsOn" -> {
                        for (Node dep : ((BicepReader.Arr) e.getValue()).items()) {
                            explicit.add(idOfSymbol(((BicepReader.Ident) dep).name()));
                        }
                    }
                    case "name" -> {
                        Object name = node(e.getValue());
                        if (d.keyword().equals("module")) {
                            fields.put("name", name);
                        }
                    }
                    default -> fields.put(key, node(e.getValue()));
                }
            }
            Set<Id> implied = referenced;
            if (d.existing()) {
                implied = Set.of();
            }
            loopVariable = saved;
            referenced = savedRefs;
            return new Body(fields, condition, count, implied, explicit);
        }

        Object node(Node n) {
            if (n instanceof BicepReader.Str s) {
                if (s.isLiteral()) {
                    return s.literal();
                }
                List<Object> pieces = new ArrayList<>();
                for (Object p : s.parts()) {
                    pieces.add(p instanceof String lit ? lit : node((Node) p));
                }
                return Canonical.concat(pieces);
            }
            if (n instanceof BicepReader.Int i) {
                return i.value();
            }
            if (n instanceof BicepReader.Bool b) {
                return b.value();
            }
            if (n instanceof BicepReader.Null) {
                return Canonical.NULL;
            }
            if (n instanceof BicepReader.Ident id) {
                return ident(id.name());
            }
            if (n instanceof BicepReader.Member m) {
                if (m.target() instanceof BicepReader.Ident id && symbols.containsKey(id.name())
                        && symbols.get(id.name()).keyword().equals("resource")) {
                    Id rid = idOfSymbol(id.name());
                    note(id.name(), rid);
                    return switch (m.name()) {
                        case "id" -> rid;
                        case "properties" -> new Canonical.Props(rid);
                        default -> new Canonical.Member(new Canonical.Full(rid), m.name());
                    };
                }
                return member(node(m.target()), m.name());
            }
            if (n instanceof BicepReader.IndexAt ix) {
                Object i = node(ix.index());
                return i instanceof String s ? member(node(ix.target()), s) : new Canonical.Index(node(ix.target()), i);
            }
            if (n instanceof BicepReader.Call c) {
                return call(c);
            }
            if (n instanceof BicepReader.Obj o) {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<Object, Node> e : o.entries()) {
                    String key;
                    if (e.getKey() instanceof String s) {
                        key = s;
                    } else {
                        BicepReader.Str s = (BicepReader.Str) e.getKey();
                        key = Canonical.computedKey(s.parts().size() == 1 ? node((Node) s.parts().get(0)) : node(s));
                    }
                    out.put(key, node(e.getValue()));
                }
                return out;
            }
            if (n instanceof BicepReader.Arr a) {
                return a.items().stream().map(this::node).toList();
            }
            if (n instanceof BicepReader.Unary u) {
                return u.op().equals("!") ? Canonical.call("not", List.of(node(u.operand())))
                        : Canonical.call("neg", List.of(node(u.operand())));
            }
            if (n instanceof BicepReader.Binary b) {
                Object l = node(b.left());
                Object r = node(b.right());
                return switch (b.op()) {
                    case "==" -> Canonical.call("equals", List.of(l, r));
                    case "!=" -> Canonical.call("not", List.of(Canonical.call("equals", List.of(l, r))));
                    case "&&" -> Canonical.call("and", List.of(l, r));
                    case "||" -> Canonical.call("or", List.of(l, r));
                    case "+" -> Canonical.call("add", List.of(l, r));
                    case "-" -> Canonical.call("sub", List.of(l, r));
                    case "*" -> Canonical.call("mul", List.of(l, r));
                    case "/" -> Canonical.call("div", List.of(l, r));
                    case "%" -> Canonical.call("mod", List.of(l, r));
                    case "<" -> Canonical.call("less", List.of(l, r));
                    case ">" -> Canonical.call("greater", List.of(l, r));
                    case "<=" -> Canonical.call("lessorequals", List.of(l, r));
                    case ">=" -> Canonical.call("greaterorequals", List.of(l, r));
                    case "??" -> Canonical.call("coalesce", List.of(l, r));
                    default -> throw new IllegalArgumentException("operator " + b.op());
                };
            }
            if (n instanceof BicepReader.Ternary t) {
                return Canonical.call("if", List.of(node(t.condition()), node(t.whenTrue()), node(t.whenFalse())));
            }
            if (n instanceof BicepReader.ForLoop f) {
                if (!(f.iterable() instanceof BicepReader.Call r) || !r.name().equals("range") || r.args().size() != 2) {
                    throw new IllegalArgumentException("value loops are over range(0, count)");
                }
                String saved = loopVariable;
                loopVariable = f.variable();
                try {
                    return new Canonical.LoopValue(node(r.args().get(1)), node(f.body()));
                } finally {
                    loopVariable = saved;
                }
            }
            throw new IllegalArgumentException("cannot compare " + n);
        }

        private void note(String symbol, Id id) {
            if (!symbols.get(symbol).existing()) {
                referenced.add(id);
            }
        }

        String armName(String bicepName) {
            return armNames.getOrDefault(bicepName, bicepName);
        }

        private Object ident(String name) {
            if (!loopVariable.isEmpty() && name.equals(loopVariable)) {
                return new Canonical.Loop();
            }
            if (params.contains(name)) {
                return new Canonical.Ref("param", armName(name));
            }
            if (vars.contains(name)) {
                return new Canonical.Ref("var", armName(name));
            }
            Declaration d = symbols.get(name);
            if (d != null) {
                Id id = idOfSymbol(name);
                note(name, id);
                return d.keyword().equals("module") ? new Canonical.Props(id) : new Canonical.Full(id);
            }
            throw new IllegalArgumentException("'" + name + "' is not declared");
        }

        private Object member(Object target, String name) {
            // module.outputs.x
            if (target instanceof Canonical.Member outs && outs.name().equals("outputs")
                    && outs.target() instanceof Canonical.Props p && p.id().type().equals(DEPLOYMENTS)) {
                return new Canonical.Member(new Canonical.ModuleOutputs(String.valueOf(p.id().names().get(0))), name);
            }
            return new Canonical.Member(target, name);
        }

        private Object call(BicepReader.Call c) {
            String fn = c.name().toLowerCase(Locale.ROOT);
            if (fn.equals("json") && c.args().size() == 1 && c.args().get(0) instanceof BicepReader.Str s
                    && s.isLiteral() && s.literal().matches("-?\\d+\\.\\d+")) {
                return Canonical.decimal(s.literal());
            }
            List<Object> args = c.args().stream().map(this::node).toList();
            if (fn.endsWith("resourceid")) {
                Id id = Canonical.id(fn, args, subscription);
                if (id != null) {
                    return id;
                }
            }
            return Canonical.call(fn, args);
        }
    }
}
