package io.github.hpcblueprints.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Plain JSON trees, knowing nothing of ARM: one node factory (exact decimals), one strict mapper, parsing with
 * canonical numbers. ARM's own value conversion (expressions, escaped literals) is {@code arm.Json}.
 */
public final class JsonTrees {

    /** Node factory with exact decimals: {@code 1.50} stays {@code 1.50}. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(NODES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonTrees() {
    }

    /** A mapper for plain JSON reading; ARM files go through {@code ArmReader}, which keeps locations. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** The canonical node for an integer: int when it fits, long otherwise. */
    public static JsonNode number(long value) {
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    /** A deep copy with numbers in canonical form (see {@link #number(long)}). */
    public static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = object();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                o.set(e.getKey(), canonical(e.getValue()));
            }
            return o;
        }
        if (node.isArray()) {
            ArrayNode a = array();
            node.forEach(n -> a.add(canonical(n)));
            return a;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return number(node.longValue());
        }
        if (node.isFloatingPointNumber()) {
            return NODES.numberNode(node.decimalValue());
        }
        return node.deepCopy();
    }

    /** Parses plain JSON text (no location tracking) with canonical numbers. */
    public static JsonNode parse(String text) {
        try {
            return canonical(MAPPER.readTree(text));
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }
}
