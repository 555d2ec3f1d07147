package io.github.hpcblueprints.azure.compute;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The data files shipped in the jar beside these classes: one entry a line, {@code #} comments and blanks skipped. */
final class ShippedData {

    private ShippedData() {
    }

    static List<String> lines(String fileName) {
        String resource = "/io/github/hpcblueprints/azure/" + fileName;
        try (var in = ShippedData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(fileName + " is missing from the jar");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
