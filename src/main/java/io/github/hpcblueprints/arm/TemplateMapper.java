package io.github.hpcblueprints.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.diagnostics.JsonPath;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns a template's JSON tree into the {@link Template} model, collecting (not throwing) what does not fit. */
final class TemplateMapper {

    private final List<Problem> problems = new ArrayList<>();

    List<Problem> problems() {
        return problems;
    }

    Template map(JsonNode root) {
        if (!root.isObject()) {
            problems.add(Problem.at("ARM-TEMPLATE", "$", "a template is a JSON object",
                    "start from {\"$schema\": ..., \"contentVersion\": \"1.0.0.0\", \"resources\": []}"));
            return Template.builder(Scope.RESOURCE_GROUP).buildUnchecked();
        }
        String schema = root.path("$schema").asText("");
        Scope scope = Scope.RESOURCE_GROUP;
        if (schema.isEmpty()) {
            problems.add(Problem.at("ARM-TEMPLATE", "$", "the template has no $schema",
                    "add \"$schema\": \"" + Scope.RESOURCE_GROUP.schema() + "\""));
        } else {
            Optional<Scope> s = Scope.fromSchema(schema);
            if (s.isEmpty()) {
                problems.add(Problem.at("ARM-TEMPLATE", "$['$schema']", "'" + schema
                        + "' is not an ARM deployment template schema", "use " + Scope.RESOURCE_GROUP.schema()));
            } else {
                scope = s.get();
            }
        }
        Template.Builder b = Template.builder(scope);
        if (!schema.isEmpty()) {
            b.schema(schema);
        }
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            String path = JsonPath.child(JsonPath.ROOT, key);
            switch (key.toLowerCase(Locale.ROOT)) {
                case "$schema" -> {
                    // handled above
                }
                case "contentversion" -> b.contentVersion(v.asText());
                case "metadata" -> metadata(v, path, b);
                case "parameters" -> each(v, path, (name, node, p) -> parameter(name, node, p).ifPresent(
                        param -> add(() -> b.parameter(param), p)));
                case "variables" -> each(v, path, (name, node, p) -> add(() -> b.variable(name, node), p));
                case "resources" -> resources(v, path).forEach(r -> add(() -> b.resource(r), path));
                case "outputs" -> each(v, path, (name, node, p) -> output(name, node, p).ifPresent(
                        o -> add(() -> b.output(o), p)));
                default -> b.extra(key, v);
            }
        }
        if (!root.has("resources")) {
            problems.add(Problem.at("ARM-TEMPLATE", "$", "the template has no 'resources'",
                    "add \"resources\": [] (ARM requires it)"));
        }
        return b.buildUnchecked();
    }

    private void metadata(JsonNode v, String path, Template.Builder b) {
        if (!v.isObject()) {
            problems.add(Problem.at("ARM-TEMPLATE", path, "metadata must be an object", ""));
            return;
        }
        ObjectNode m = (ObjectNode) v.deepCopy();
        JsonNode existing = m.remove(ArmJsonWriter.EXISTING_KEY);
        b.metadata(m);
        if (existing != null && existing.isArray()) {
            String epath = JsonPath.child(path, ArmJsonWriter.EXISTING_KEY);
            for (int i = 0; i < existing.size(); i++) {
                resource(existing.get(i), JsonPath.index(epath, i)).ifPresent(r -> b.existing(r));
            }
        }
    }

    private Optional<Parameter> parameter(String name, JsonNode n, String path) {
        if (!n.isObject()) {
            problems.add(Problem.at("ARM-PARAMETER", path, "parameter '" + name + "' must be an object", ""));
            return Optional.empty();
        }
        Optional<ParameterType> type = ParameterType.fromArm(n.path("type").asText(""));
        if (type.isEmpty()) {
            problems.add(Problem.at("ARM-PARAMETER", JsonPath.child(path, "type"), "parameter '" + name
                    + "' has no valid type", "use one of string, securestring, int, bool, object, secureObject, "
                    + "array"));
            return Optional.empty();
        }
        try {
            Parameter p = Parameter.of(name, type.get());
            if (n.has("defaultValue")) {
                p = p.withDefault(n.get("defaultValue"));
            }
            if (n.path("allowedValues").isArray()) {
                List<JsonNode> allowed = new ArrayList<>();
                n.get("allowedValues").forEach(allowed::add);
                p = p.withAllowedValues(allowed);
            }
            if (n.path("minValue").canConvertToLong()) {
                p = p.withMinValue(n.get("minValue").longValue());
            }
            if (n.path("maxValue").canConvertToLong()) {
                p = p.withMaxValue(n.get("maxValue").longValue());
            }
            if (n.path("minLength").canConvertToInt()) {
                p = p.withMinLength(n.get("minLength").intValue());
            }
            if (n.path("maxLength").canConvertToInt()) {
                p = p.withMaxLength(n.get("maxLength").intValue());
            }
            if (n.path("metadata").isObject()) {
                p = p.withMetadata((ObjectNode) n.get("metadata"));
            }
            return Optional.of(p);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.at("ARM-PARAMETER", path, e.getMessage(), ""));
            return Optional.empty();
        }
    }

    private Optional<Output> output(String name, JsonNode n, String path) {
        Optional<ParameterType> type = ParameterType.fromArm(n.path("type").asText(""));
        if (type.isEmpty()) {
            problems.add(Problem.at("ARM-OUTPUT", JsonPath.child(path, "type"), "output '" + name
                    + "' has no valid type", "use one of string, securestring, int, bool, object, secureObject, "
                    + "array"));
            return Optional.empty();
        }
        try {
            Output o = n.has("value") ? Output.of(name, type.get(), n.get("value"))
                    : Output.ofCopy(name, type.get(), n.path("copy").isMissingNode() ? null : n.get("copy"));
            if (n.has("condition")) {
                Optional<Expr> c = expr(n.get("condition"), JsonPath.child(path, "condition"));
                if (c.isPresent()) {
                    o = o.withCondition(c.get());
                }
            }
            if (n.path("metadata").isObject()) {
                o = o.withMetadata((ObjectNode) n.get("metadata"));
            }
            return Optional.of(o);
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(Problem.at("ARM-OUTPUT", path, "output '" + name + "' needs a value or a copy loop",
                    "add \"value\""));
            return Optional.empty();
        }
    }

    private List<Resource> resources(JsonNode v, String path) {
        List<Resource> out = new ArrayList<>();
        if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                resource(v.get(i), JsonPath.index(path, i)).ifPresent(out::add);
            }
        } else if (v.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                resource(e.getValue(), JsonPath.child(path, e.getKey())).ifPresent(out::add);
            }
        } else {
            problems.add(Problem.at("ARM-TEMPLATE", path, "'resources' must be an array", ""));
        }
        return out;
    }

    private Optional<Resource> resource(JsonNode n, String path) {
        if (!n.isObject()) {
            problems.add(Problem.at("ARM-RESOURCE", path, "a resource must be an object", ""));
            return Optional.empty();
        }
        String type = literal(n, "type", path);
        String apiVersion = literal(n, "apiVersion", path);
        JsonNode nameNode = n.get("name");
        if (nameNode == null || !nameNode.isTextual()) {
            problems.add(Problem.at("ARM-RESOURCE", path, "the resource has no name", "add \"name\""));
            return Optional.empty();
        }
        if (type.isEmpty() || apiVersion.isEmpty()) {
            return Optional.empty();
        }
        Optional<Expr> name = expr(nameNode, JsonPath.child(path, "name"));
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Resource.Builder b;
        try {
            b = Resource.builder(type, apiVersion, name.get());
        } catch (IllegalArgumentException e) {
            problems.add(Problem.at("ARM-RESOURCE", JsonPath.child(path, "apiVersion"), e.getMessage(),
                    "use an apiVersion such as 2024-01-01"));
            return Optional.empty();
        }
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            String p = JsonPath.child(path, key);
            switch (key.toLowerCase(Locale.ROOT)) {
                case "type", "apiversion", "name" -> {
                    // read above
                }
                case "location" -> expr(v, p).ifPresent(b::location);
                case "condition" -> expr(v, p).ifPresent(b::condition);
                case "scope" -> expr(v, p).ifPresent(b::scope);
                case "tags" -> b.tags(v);
                case "sku" -> b.sku(v);
                case "kind" -> b.kind(v);
                case "identity" -> b.identity(v);
                case "properties" -> b.properties(v);
                case "existing" -> b.existing(v.asBoolean(false));
                case "copy" -> copy(v, p).ifPresent(b::copy);
                case "dependson" -> {
                    if (!v.isArray()) {
                        // ARM takes a list here; an object or a string would otherwise be read as nothing
                        problems.add(Problem.at("ARM-RESOURCE", JsonPath.child(p, key), "dependsOn must be a list "
                                + "of resource names or ids", "write dependsOn: [\"...\"]"));
                    } else {
                        for (int i = 0; i < v.size(); i++) {
                            expr(v.get(i), JsonPath.index(p, i)).ifPresent(b::dependsOn);
                        }
                    }
                }
                case "resources" -> resources(v, p).forEach(b::child);
                default -> b.extra(key, v);
            }
        }
        return Optional.of(b.build());
    }

    private Optional<Copy> copy(JsonNode v, String path) {
        String name = v.path("name").asText("");
        Optional<Expr> count = v.has("count") ? expr(v.get("count"), JsonPath.child(path, "count")) : Optional.empty();
        if (name.isEmpty() || count.isEmpty()) {
            problems.add(Problem.at("ARM-RESOURCE", path, "a copy loop needs a name and a count", ""));
            return Optional.empty();
        }
        String mode = v.path("mode").asText("").toLowerCase(Locale.ROOT);
        Copy.Mode m = switch (mode) {
            case "serial" -> Copy.Mode.SERIAL;
            case "parallel" -> Copy.Mode.PARALLEL;
            default -> Copy.Mode.DEFAULT;
        };
        return Optional.of(new Copy(name, count.get(), m, Math.max(0, v.path("batchSize").asInt(0))));
    }

    private String literal(JsonNode n, String key, String path) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
            problems.add(Problem.at("ARM-RESOURCE", JsonPath.child(path, key), "the resource has no " + key,
                    "add \"" + key + "\" as a literal string"));
            return "";
        }
        if (ExprParser.isExpressionString(v.textValue())) {
            problems.add(Problem.at("ARM-RESOURCE", JsonPath.child(path, key), key
                    + " must be a literal string, not an expression: ARM needs it before evaluating anything",
                    "write the value itself"));
            return "";
        }
        return v.textValue();
    }

    private Optional<Expr> expr(JsonNode v, String path) {
        ExprParser.Result r = v.isTextual() ? ExprParser.tryParseArmString(v.textValue()) : null;
        if (r != null && !r.ok()) {
            // located by ArmDocument.addExpressionProblems; keep the text as a literal so the model is complete
            problems.add(Problem.of("ARM-EXPR", "invalid expression: " + r.error(),
                    Location.ofPath(path), "fix the expression"));
            return Optional.empty();
        }
        Optional<Expr> e = Json.toExpr(v);
        if (e.isEmpty()) {
            problems.add(Problem.at("ARM-RESOURCE", path, "expected a string, number or boolean", ""));
        }
        return e;
    }

    private interface Entry {
        void accept(String name, JsonNode node, String path);
    }

    private void each(JsonNode obj, String path, Entry entry) {
        if (!obj.isObject()) {
            problems.add(Problem.at("ARM-TEMPLATE", path, "expected an object", ""));
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            entry.accept(e.getKey(), e.getValue(), JsonPath.child(path, e.getKey()));
        }
    }

    private void add(Runnable r, String path) {
        try {
            r.run();
        } catch (IllegalArgumentException e) {
            problems.add(Problem.at("ARM-TEMPLATE", path, e.getMessage(), ""));
        }
    }
}
