package io.github.hpcblueprints.diagnostics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON or YAML document (whichever {@link JsonFactory} is given) into a {@link SourceTree}, recording the
 * position of every node and collecting problems (syntax errors, duplicate keys) instead of throwing. Numbers are
 * kept exact: int, long, big integer or exact decimal.
 */
public final class SourceTreeReader {

    /**
     * The problem code of a key written twice in one object. The reader keeps the last value, as ARM does (it
     * deploys such templates); whether that is an error is the caller's to say.
     */
    public static final String DUPLICATE_KEY = "DUPLICATE-KEY";

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final String source;
    private final String code;
    private final Map<String, Location> positions = new HashMap<>();
    private final Map<String, Location> keys = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    /** Deeper than this, a document is refused at the place it gets too deep (Jackson's own limit is 1000). */
    public static final int DEFAULT_MAX_DEPTH = 500;

    private final int maxDepth;
    private int depth;

    private SourceTreeReader(String source, String code, int maxDepth) {
        this.source = source;
        this.code = code;
        this.maxDepth = maxDepth;
    }

    /** A document nested deeper than allowed; carries where, so the problem is located. */
    private static final class TooDeep extends RuntimeException {
        private final Location at;

        TooDeep(Location at) {
            super(null, null, false, false);
            this.at = at;
        }
    }

    /**
     * @param code the problem code for syntax errors ({@code ARM-JSON}, {@code YAML-SYNTAX})
     */
    public static SourceTree read(JsonFactory factory, String text, String source, String code) {
        return read(factory, text, source, code, DEFAULT_MAX_DEPTH);
    }

    /** As {@link #read(JsonFactory, String, String, String)}, refusing nesting deeper than {@code maxDepth}. */
    public static SourceTree read(JsonFactory factory, String text, String source, String code, int maxDepth) {
        SourceTreeReader r = new SourceTreeReader(source, code, maxDepth);
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        JsonNode root;
        try (JsonParser p = factory.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                r.problems.add(Problem.of(code, "the file is empty", Location.of(source, 1, 1),
                        "write the document's content"));
                root = MissingNode.getInstance();
            } else {
                root = r.value(p, JsonPath.ROOT);
                JsonToken extra = p.nextToken();
                if (extra != null) {
                    JsonLocation loc = p.currentTokenLocation();
                    r.problems.add(Problem.of(code, "unexpected content after the end of the document",
                            new Location(source, line(loc), column(loc), ""), "remove it"));
                }
            }
        } catch (TooDeep e) {
            r.problems.add(Problem.of(code, "nested more than " + maxDepth + " levels deep", e.at,
                    "check for unbalanced brackets here; no document of this kind nests that deep"));
            root = MissingNode.getInstance();
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            r.problems.add(Problem.of(code, "syntax error: " + firstLine(e.getOriginalMessage()),
                    new Location(source, line(loc), column(loc), ""), "fix the syntax at this position"));
            root = MissingNode.getInstance();
        } catch (IOException e) {
            r.problems.add(Problem.of(code, "cannot read: " + e.getMessage(), Location.of(source, 0, 0), ""));
            root = MissingNode.getInstance();
        }
        return new SourceTree(source, root, r.positions, r.keys, r.problems);
    }

    private JsonNode value(JsonParser p, String path) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        positions.put(path, new Location(source, line(loc), column(loc), path));
        JsonToken t = p.currentToken();
        if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && depth >= maxDepth) {
            throw new TooDeep(new Location(source, line(loc), column(loc), path));
        }
        depth++;
        try {
            return container(p, path, t);
        } finally {
            depth--;
        }
    }

    private JsonNode container(JsonParser p, String path, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation keyLoc = p.currentTokenLocation();
                    p.nextToken();
                    String childPath = JsonPath.child(path, key);
                    keys.put(childPath, new Location(source, line(keyLoc), column(keyLoc), childPath));
                    if (o.has(key)) {
                        problems.add(Problem.of(DUPLICATE_KEY, "duplicate key '" + key + "'",
                                new Location(source, line(keyLoc), column(keyLoc), childPath),
                                "remove one of them; parsers disagree on which one wins"));
                    }
                    o.set(key, value(p, childPath));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(value(p, JsonPath.index(path, i++)));
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return NODES.numberNode(p.getIntValue());
                    case LONG:
                        long v = p.getLongValue();
                        return v == (int) v ? NODES.numberNode((int) v) : NODES.numberNode(v);
                    default:
                        return NODES.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new JsonParseException(p, "unexpected token " + t);
        }
    }

    private static int line(JsonLocation loc) {
        return loc == null ? 0 : Math.max(0, (int) loc.getLineNr());
    }

    private static int column(JsonLocation loc) {
        return loc == null ? 0 : Math.max(0, (int) loc.getColumnNr());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
