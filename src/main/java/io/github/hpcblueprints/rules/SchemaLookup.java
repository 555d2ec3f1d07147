package io.github.hpcblueprints.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** What the structural rules ask of Azure's ARM schemas (implemented by the schema validator). */
public interface SchemaLookup {

    /** True when the schemas know this resource type at all. */
    boolean knowsType(String type);

    /** True when the schemas know this type at this apiVersion. */
    boolean knows(String type, String apiVersion);

    /** Where the schemas come from, for messages about what they lack (a copy may be partial). */
    default String source() {
        return "the local copy of Azure's ARM schemas";
    }

    /** The newest non-preview apiVersion the schemas know for the type. */
    Optional<String> newestStable(String type);

    /** Schema violations of one resource, as (JSON path, message) pairs; the path starts at {@code path}. */
    List<Violation> validate(JsonNode resource, String path);

    record Violation(String path, String message) {
    }
}
