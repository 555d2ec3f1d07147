package io.github.hpcblueprints.json;

import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading the text files we take as input (templates, blueprints, profiles), with located problems. */
public final class TextFiles {

    private TextFiles() {
    }

    /** A file's UTF-8 text, or a located problem. */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BlueprintException(Problem.of("IO", "file not found", Location.of(file.toString(), 0, 0),
                    "check the path"));
        } catch (MalformedInputException e) {
            throw new BlueprintException(Problem.of("IO", "file is not UTF-8 text",
                    Location.of(file.toString(), 0, 0), "save it as UTF-8"));
        } catch (IOException e) {
            throw new BlueprintException(Problem.of("IO", "cannot read file: " + e.getMessage(),
                    Location.of(file.toString(), 0, 0), "check the path and its permissions"));
        }
    }
}
