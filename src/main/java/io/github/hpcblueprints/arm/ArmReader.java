package io.github.hpcblueprints.arm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads any ARM JSON file (this project's or anyone's) into an {@link ArmDocument}: the JSON tree, the line and
 * column of every node by JSON path, and every expression string parsed. Problems (bad JSON, a duplicate key, an
 * expression that does not parse) are collected with their location, never thrown, so a linter can report all of
 * them. {@link #readTemplate(String)} goes one step further to the {@link Template} model.
 */
public final class ArmReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();

    private final String source;
    private final Map<String, int[]> positions = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private ArmReader(String source) {
        this.source = source;
    }

    /** Reads a file; a missing or unreadable file is a {@link BlueprintException}. */
    public static ArmDocument read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BlueprintException(Problem.of("ARM-IO", "file not found", Location.of(file.toString(), 0, 0),
                    "check the path"));
        } catch (MalformedInputException e) {
            throw new BlueprintException(Problem.of("ARM-IO", "file is not UTF-8 text",
                    Location.of(file.toString(), 0, 0), "save it as UTF-8"));
        } catch (IOException e) {
            throw new BlueprintException(Problem.of("ARM-IO", "cannot read file: " + e.getMessage(),
                    Location.of(file.toString(), 0, 0), "check the path and its permissions"));
        }
        return read(text, file.toString());
    }

    /** Reads JSON text; {@code source} names it in locations. */
    public static ArmDocument read(String json, String source) {
        ArmReader r = new ArmReader(source);
        JsonNode root;
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                r.problems.add(Problem.of("ARM-JSON", "the file is empty", Location.of(source, 1, 1),
                        "an ARM template is a JSON object with $schema, contentVersion and resources"));
                root = MissingNode.getInstance();
            } else {
                root = r.value(p, JsonPath.ROOT);
                if (p.nextToken() != null) {
                    JsonLocation loc = p.currentTokenLocation();
                    r.problems.add(Problem.of("ARM-JSON", "unexpected content after the end of the JSON value",
                            new Location(source, (int) loc.getLineNr(), (int) loc.getColumnNr(), ""),
                            "remove it"));
                }
            }
        } catch (JsonParseException e) {
            JsonLocation loc = e.getLocation();
            r.problems.add(Problem.of("ARM-JSON", "not valid JSON: " + e.getOriginalMessage(),
                    new Location(source, loc == null ? 0 : Math.max(0, (int) loc.getLineNr()),
                            loc == null ? 0 : Math.max(0, (int) loc.getColumnNr()), ""),
                    "fix the JSON syntax at this position"));
            root = MissingNode.getInstance();
        } catch (IOException e) {
            r.problems.add(Problem.of("ARM-JSON", "cannot read JSON: " + e.getMessage(), Location.of(source, 0, 0),
                    ""));
            root = MissingNode.getInstance();
        }
        ArmDocument doc = new ArmDocument(source, root, r.positions, r.problems);
        doc.addExpressionProblems();
        return doc;
    }

    /** Reads JSON text straight to the model, throwing with located problems when it is not a usable template. */
    public static Template readTemplate(String json) {
        return read(json, "template.json").toTemplate();
    }

    private JsonNode value(JsonParser p, String path) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        positions.put(path, new int[] {(int) loc.getLineNr(), (int) loc.getColumnNr()});
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = Json.object();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation keyLoc = p.currentTokenLocation();
                    p.nextToken();
                    String childPath = JsonPath.child(path, key);
                    if (o.has(key)) {
                        problems.add(Problem.of("ARM-JSON", "duplicate key '" + key + "'",
                                new Location(source, (int) keyLoc.getLineNr(), (int) keyLoc.getColumnNr(), childPath),
                                "remove one of them; JSON parsers disagree on which one wins"));
                    }
                    o.set(key, value(p, childPath));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = Json.array();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(value(p, JsonPath.index(path, i++)));
                }
                return a;
            }
            case VALUE_STRING:
                return Json.NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return Json.NODES.numberNode(p.getIntValue());
                    case LONG:
                        return Json.number(p.getLongValue());
                    default:
                        return Json.NODES.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return Json.NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
                return Json.NODES.booleanNode(true);
            case VALUE_FALSE:
                return Json.NODES.booleanNode(false);
            case VALUE_NULL:
                return Json.NODES.nullNode();
            default:
                throw new JsonParseException(p, "unexpected token " + t);
        }
    }
}
