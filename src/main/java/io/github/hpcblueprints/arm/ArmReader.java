package io.github.hpcblueprints.arm;

import io.github.hpcblueprints.json.TextFiles;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.diagnostics.SourceTreeReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads any ARM JSON file (this project's or anyone's) into an {@link ArmDocument}: the JSON tree, the line and
 * column of every node by JSON path, and every expression string parsed. Problems (bad JSON, a duplicate key, an
 * expression that does not parse) are collected with their location, never thrown, so a linter can report all of
 * them. {@link #readTemplate(String)} goes one step further to the {@link Template} model. It reads what ARM reads:
 * comments, trailing commas, and strings broken over several lines (ARM's template syntax allows all three; Microsoft's
 * own deployment-script samples use the last two).
 */
public final class ArmReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();

    private ArmReader() {
    }

    /** Reads a file; a missing or unreadable file is a {@link BlueprintException}. */
    public static ArmDocument read(Path file) {
        return read(TextFiles.read(file), file.toString());
    }

    /** Reads JSON text; {@code source} names it in locations. */
    public static ArmDocument read(String json, String source) {
        ArmDocument doc = new ArmDocument(SourceTreeReader.read(FACTORY, json, source, "ARM-JSON"), json.length());
        doc.addExpressionProblems();
        return doc;
    }

    /** Reads JSON text straight to the model, throwing with located problems when it is not a usable template. */
    public static Template readTemplate(String json) {
        return read(json, "template.json").toTemplate();
    }
}
