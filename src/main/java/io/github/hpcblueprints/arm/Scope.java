package io.github.hpcblueprints.arm;

import java.util.Locale;
import java.util.Optional;

/** Where a template deploys to; each scope has its own {@code $schema}. */
public enum Scope {
    RESOURCE_GROUP("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            "deploymentTemplate.json"),
    SUBSCRIPTION("https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
            "subscriptionDeploymentTemplate.json"),
    MANAGEMENT_GROUP(
            "https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#",
            "managementGroupDeploymentTemplate.json"),
    TENANT("https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#",
            "tenantDeploymentTemplate.json");

    /** The parameters-file schema this project writes for every scope. */
    public static final String PARAMETERS_SCHEMA =
            "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#";

    private final String schema;
    private final String fileName;

    Scope(String schema, String fileName) {
        this.schema = schema;
        this.fileName = fileName;
    }

    /** The {@code $schema} this project writes for the scope. */
    public String schema() {
        return schema;
    }

    /** The scope a {@code $schema} URL declares, from its file name (any schema version). */
    public static Optional<Scope> fromSchema(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        int hash = lower.indexOf('#');
        String path = hash >= 0 ? lower.substring(0, hash) : lower;
        String file = path.substring(path.lastIndexOf('/') + 1);
        for (Scope s : values()) {
            if (s.fileName.toLowerCase(Locale.ROOT).equals(file)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
