package io.github.hpcblueprints.arm;

import io.github.hpcblueprints.json.JsonPrinter;
import io.github.hpcblueprints.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An {@code azuredeploy.parameters.json} (2019-04-01 deploymentParameters schema) for a template. It can never hold
 * a secret: a secure parameter can only be given as a Key Vault reference, which ARM resolves at deployment time.
 */
public final class ParametersFile {

    private static final Pattern VAULT_ID = Pattern.compile(
            "/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.KeyVault/vaults/[^/]+",
            Pattern.CASE_INSENSITIVE);

    private final Map<String, JsonNode> entries;

    private ParametersFile(Map<String, JsonNode> entries) {
        this.entries = entries;
    }

    public static Builder forTemplate(Template t) {
        return new Builder(t);
    }

    /** The file's JSON tree. */
    public ObjectNode tree() {
        ObjectNode root = JsonTrees.object();
        root.put("$schema", Scope.PARAMETERS_SCHEMA);
        root.put("contentVersion", "1.0.0.0");
        ObjectNode params = root.putObject("parameters");
        entries.forEach((k, v) -> params.set(k, v.deepCopy()));
        return root;
    }

    /** The file's text. */
    public String write() {
        return JsonPrinter.print(tree());
    }

    /** Collects values for a template's parameters, refusing unknown names and plain secret values. */
    public static final class Builder {
        private final Template template;
        private final Map<String, JsonNode> entries = new LinkedHashMap<>();

        private Builder(Template template) {
            this.template = Objects.requireNonNull(template);
        }

        /** A plain value; refused for secure parameters, which must come from Key Vault. */
        public Builder value(String name, JsonNode value) {
            Parameter p = declared(name);
            if (p.isSecure()) {
                throw new IllegalArgumentException("parameter '" + name + "' is " + p.type().arm()
                        + ": a parameters file must not hold its value; use keyVaultReference(...)");
            }
            if (value.isTextual() && ExprParser.isExpressionString(value.textValue())) {
                throw new IllegalArgumentException("parameter '" + name + "': a parameters file cannot hold "
                        + "expressions, only values");
            }
            entries.put(p.name(), Json.obj("value", value));
            return this;
        }

        public Builder value(String name, Object value) {
            return value(name, Json.node(value));
        }

        /**
         * A value ARM reads from Key Vault at deployment time. The deploying identity needs
         * {@code Microsoft.KeyVault/vaults/deploy/action} on the vault and the vault must allow template deployment.
         */
        public Builder keyVaultReference(String name, String vaultResourceId, String secretName) {
            Parameter p = declared(name);
            if (!VAULT_ID.matcher(vaultResourceId).matches()) {
                throw new IllegalArgumentException("'" + vaultResourceId + "' is not a Key Vault resource id "
                        + "(/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<name>)");
            }
            if (secretName.isBlank()) {
                throw new IllegalArgumentException("parameter '" + name + "': the secret name is empty");
            }
            ObjectNode ref = Json.obj("reference", Json.obj("keyVault", Json.obj("id", vaultResourceId),
                    "secretName", secretName));
            entries.put(p.name(), ref);
            return this;
        }

        private Parameter declared(String name) {
            return template.parameter(name).orElseThrow(() -> new IllegalArgumentException(
                    "the template has no parameter '" + name + "'"));
        }

        public ParametersFile build() {
            return new ParametersFile(new LinkedHashMap<>(entries));
        }
    }
}
