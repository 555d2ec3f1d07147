package io.github.hpcblueprints.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * A resource as a rule sees it: its JSON, where it is, and its full type (children declared inside a parent carry
 * the parent's type in front of theirs, as ARM reads them).
 *
 * @param path its JSON path ({@code $.resources[3]}, {@code $.resources[3].resources[0]})
 * @param nameKeys its full name as comparable segment keys (a nested child's start with its parent's)
 */
public record ResourceView(String path, String type, JsonNode json, java.util.List<String> nameKeys) {

    public ResourceView {
        nameKeys = java.util.List.copyOf(nameKeys);
    }

    public boolean is(String fullType) {
        return type.equalsIgnoreCase(fullType);
    }

    public String apiVersion() {
        return json.path("apiVersion").asText("");
    }

    /** The name as written (an expression stays an expression). */
    public String name() {
        return json.path("name").asText("");
    }

    /** {@code type 'name'}, for messages. */
    public String label() {
        return type + " '" + name() + "'";
    }

    public JsonNode properties() {
        return json.path("properties");
    }

    /** The path of a property below the resource ({@code properties.minimumTlsVersion}). */
    public String at(String dotted) {
        return path + "." + dotted;
    }

    /** The node at a dotted path below the resource; missing when absent. */
    public JsonNode get(String dotted) {
        JsonNode n = json;
        for (String part : dotted.split("\\.")) {
            n = n.path(part);
        }
        return n;
    }

    /** The API version's date part ({@code 2025-06-01}) for comparisons; "" when unusual. */
    public String apiDate() {
        String v = apiVersion().toLowerCase(Locale.ROOT);
        return v.length() >= 10 ? v.substring(0, 10) : "";
    }
}
