package io.github.hpcblueprints.generate;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The files one blueprint produces, by path relative to its output folder, in path order. */
public record GeneratedFiles(String name, Map<String, String> files) {

    public GeneratedFiles {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }
}
