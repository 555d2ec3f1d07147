package io.github.hpcblueprints.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * What a deployment would do to one resource, as ARM's what-if says it.
 *
 * @param before the recorded declaration (null for a create)
 * @param after the planned declaration (null for a delete)
 * @param properties for a modify, each property path that differs, with its two values
 */
public record Change(Action action, String id, String type, String apiVersion, JsonNode before, JsonNode after,
        List<PropertyChange> properties) {

    public enum Action {
        CREATE("+", "create"), MODIFY("~", "modify"), DELETE("-", "delete"), NO_CHANGE("=", "no change");

        private final String symbol;
        private final String word;

        Action(String symbol, String word) {
            this.symbol = symbol;
            this.word = word;
        }

        public String symbol() {
            return symbol;
        }

        public String word() {
            return word;
        }
    }

    /** One property that differs: its path below the resource, the value recorded and the value planned. */
    public record PropertyChange(String path, JsonNode before, JsonNode after) {
    }

    public Change {
        Objects.requireNonNull(action);
        Objects.requireNonNull(id);
        properties = List.copyOf(properties);
    }
}
