package io.github.hpcblueprints.azure.resources;

import io.github.hpcblueprints.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.ExprParser;
import java.util.Iterator;
import java.util.Map;

/**
 * Embeds a template as data inside another. Its expressions must not be evaluated by the outer deployment, so every
 * string (and key) that ARM would evaluate gets the {@code [[} escape; ARM removes one bracket when it stores the
 * value, which gives back the original template.
 */
final class Escaping {

    private Escaping() {
    }

    static JsonNode escapeExpressions(JsonNode node) {
        if (node.isTextual()) {
            String t = node.textValue();
            return ExprParser.isExpressionString(t) ? JsonTrees.NODES.textNode("[" + t) : node;
        }
        if (node.isObject()) {
            ObjectNode o = JsonTrees.object();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = ExprParser.isExpressionString(e.getKey()) ? "[" + e.getKey() : e.getKey();
                o.set(key, escapeExpressions(e.getValue()));
            }
            return o;
        }
        if (node.isArray()) {
            ArrayNode a = JsonTrees.array();
            node.forEach(n -> a.add(escapeExpressions(n)));
            return a;
        }
        return node;
    }
}
