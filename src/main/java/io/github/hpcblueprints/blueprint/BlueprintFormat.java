package io.github.hpcblueprints.blueprint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.json.JsonPrinter;

/**
 * The blueprint format: every key a blueprint (or organisation profile) may use, its type, what it means and its
 * default, as {@link BlueprintDocument}'s records declare them. The published JSON Schema
 * ({@code blueprints/schema/blueprint.schema.json}) is {@link #schemaText()}.
 */
public final class BlueprintFormat {

    /** The schema's {@code $id}. */
    public static final String SCHEMA_ID =
            "https://hpcblueprints.github.io/schema/blueprint.schema.json";

    /** Every key, made once from the records Jackson binds blueprints to. */
    private static final Spec.Obj ROOT = Spec.of(BlueprintDocument.Root.class);

    private BlueprintFormat() {
    }

    static Spec.Obj root() {
        return ROOT;
    }

    /** The blueprint JSON Schema as a tree. */
    public static ObjectNode schema() {
        return Spec.schema(ROOT, SCHEMA_ID, "hpc-blueprints blueprint", "A secure research HPC environment on Azure, "
                + "or an organisation profile that blueprints extend.");
    }

    /** The schema of organisation profiles: the same keys, none required. */
    public static ObjectNode profileSchema() {
        ObjectNode s = Spec.withoutRequired(schema());
        s.put("$id", SCHEMA_ID.replace("blueprint.schema.json", "profile.schema.json"));
        s.put("title", "hpc-blueprints organisation profile");
        return s;
    }

    public static String profileSchemaText() {
        return JsonPrinter.print(profileSchema());
    }

    /** The blueprint JSON Schema as published in {@code blueprints/schema/blueprint.schema.json}. */
    public static String schemaText() {
        return JsonPrinter.print(schema());
    }
}
