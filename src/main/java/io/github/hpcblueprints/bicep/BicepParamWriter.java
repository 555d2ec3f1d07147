package io.github.hpcblueprints.bicep;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.arm.Parameter;
import io.github.hpcblueprints.arm.ParametersFile;
import io.github.hpcblueprints.arm.Template;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code .bicepparam} file: the same values as {@code azuredeploy.parameters.json}, for the Bicep file beside it.
 * A Key Vault reference becomes {@code az.getSecret(...)}, which Bicep resolves at deployment time, so the file
 * never holds a secret either.
 */
public final class BicepParamWriter {

    private static final Pattern VAULT_ID = Pattern.compile(
            "/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.KeyVault/vaults/([^/]+)",
            Pattern.CASE_INSENSITIVE);

    private BicepParamWriter() {
    }

    /**
     * @param template   the template the values are for (its parameter names and which are secure)
     * @param values     the parameters file
     * @param bicepFile  the Bicep file the parameters are for, relative to this file ({@code main.bicep})
     * @param header     a comment line (without {@code //}) on top, or empty
     */
    public static String write(Template template, ParametersFile values, String bicepFile, String header) {
        SymbolTable symbols = new SymbolTable(template);
        List<String> blocks = new ArrayList<>();
        StringBuilder top = new StringBuilder();
        if (!header.isEmpty()) {
            top.append("// ").append(header).append('\n');
        }
        blocks.add(top.append("using ").append(BicepText.literal("./" + bicepFile)).toString());
        JsonNode params = values.tree().path("parameters");
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            String name = symbols.parameter(p.getKey());
            JsonNode entry = p.getValue();
            if (entry.has("reference")) {
                blocks.add("param " + name + " = " + getSecret(p.getKey(), entry.get("reference")));
            } else {
                blocks.add("param " + name + " = " + literal(entry.get("value"), 0));
            }
        }
        // Bicep refuses a parameters file that leaves a required parameter out (ARM lets the command line give
        // it); values known only at deployment time come from the environment, so the file still holds none.
        for (Parameter p : template.parameters()) {
            if (p.defaultValue().isEmpty() && !params.has(p.name())) {
                String variable = environmentVariable(p.name());
                blocks.add("// set " + variable + " before deploying" + p.description().map(d -> ": " + d)
                        .orElse("") + "\nparam " + symbols.parameter(p.name()) + " = readEnvironmentVariable("
                        + BicepText.literal(variable) + ")");
            }
        }
        return String.join("\n\n", blocks) + "\n";
    }

    /** {@code adminsGroupObjectId} → {@code HPCB_ADMINS_GROUP_OBJECT_ID}. */
    public static String environmentVariable(String parameter) {
        return "HPCB_" + parameter.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_")
                .toUpperCase(java.util.Locale.ROOT);
    }

    private static String getSecret(String parameter, JsonNode reference) {
        String vault = reference.path("keyVault").path("id").asText("");
        Matcher m = VAULT_ID.matcher(vault);
        if (!m.matches()) {
            throw new IllegalArgumentException("parameter '" + parameter + "': '" + vault
                    + "' is not a Key Vault resource id");
        }
        StringBuilder sb = new StringBuilder("az.getSecret(");
        sb.append(BicepText.literal(m.group(1))).append(", ").append(BicepText.literal(m.group(2))).append(", ")
                .append(BicepText.literal(m.group(3))).append(", ")
                .append(BicepText.literal(reference.path("secretName").asText()));
        if (reference.hasNonNull("secretVersion")) {
            sb.append(", ").append(BicepText.literal(reference.get("secretVersion").asText()));
        }
        return sb.append(')').toString();
    }

    /** A plain JSON value as a Bicep literal: a parameters file holds values, never expressions. */
    static String literal(JsonNode n, int indent) {
        if (n == null || n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            return BicepText.literal(n.textValue());
        }
        if (n.isBoolean() || n.isIntegralNumber()) {
            return n.asText();
        }
        if (n.isNumber()) {
            return "json(" + BicepText.literal(n.decimalValue().toPlainString()) + ")";
        }
        List<String> items = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(item -> items.add(literal(item, indent + 1)));
            return BicepExpressions.block("[", items, indent, "]");
        }
        n.fields().forEachRemaining(f -> items.add(BicepText.key(f.getKey()) + ": " + literal(f.getValue(), indent + 1)));
        return BicepExpressions.block("{", items, indent, "}");
    }
}
