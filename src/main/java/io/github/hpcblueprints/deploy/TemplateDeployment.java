package io.github.hpcblueprints.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;

/**
 * One template to deploy and the parameter values its parameters file gives (a Key Vault reference is not a value:
 * it is left for the deployment to resolve).
 *
 * @param file the template's file name ({@code azuredeploy.json}), for messages and the state
 */
public record TemplateDeployment(String file, JsonNode template, Map<String, JsonNode> parameters) {

    public TemplateDeployment {
        Objects.requireNonNull(file);
        Objects.requireNonNull(template);
        parameters = Map.copyOf(parameters);
    }

    /** The values of a parameters file's tree ({@code parameters.NAME.value}); references are skipped. */
    public static Map<String, JsonNode> values(JsonNode parametersFile) {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        parametersFile.path("parameters").fields().forEachRemaining(e -> {
            if (e.getValue().has("value")) {
                out.put(e.getKey(), e.getValue().get("value"));
            }
        });
        return out;
    }
}
