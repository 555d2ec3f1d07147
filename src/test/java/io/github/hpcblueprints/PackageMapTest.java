package io.github.hpcblueprints;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code src/README.md}'s package map is true: every package is in it, each uses exactly the packages its row names
 * (no more, and none it no longer needs), and only packages listed above it, so the layers cannot grow cycles.
 */
class PackageMapTest {

    private static final Pattern ROW = Pattern.compile("(?m)^\\s*\\| `([a-z]+)` \\|[^|]*\\|([^|]*)\\|\\s*$");
    private static final Pattern USE = Pattern.compile("io\\.github\\.hpcblueprints\\.([a-z]+)\\.");

    @Test
    void everyPackageUsesExactlyWhatTheMapSaysAndOnlyLayersAboveIt() throws IOException {
        Map<String, Set<String>> declared = new LinkedHashMap<>();
        Matcher row = ROW.matcher(Files.readString(Golden.projectDir().resolve("src/README.md")));
        while (row.find()) {
            Set<String> deps = new TreeSet<>();
            Matcher dep = Pattern.compile("`([a-z]+)`").matcher(row.group(2));
            while (dep.find()) {
                deps.add(dep.group(1));
            }
            declared.put(row.group(1), deps);
        }
        assertThat(declared).as("the package table in src/README.md").hasSizeGreaterThan(10);

        Path root = Golden.projectDir().resolve("src/main/java/io/github/hpcblueprints");
        Map<String, Set<String>> actual = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(f).getName(0).toString();
                Set<String> used = actual.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = USE.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(declared.keySet()).as("every package is in the map").containsAll(actual.keySet());
        List<String> above = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : declared.entrySet()) {
            assertThat(actual.getOrDefault(e.getKey(), Set.of())).as("what package %s uses", e.getKey())
                    .isEqualTo(e.getValue());
            assertThat(above).as("%s depends only on packages listed above it", e.getKey())
                    .containsAll(e.getValue());
            above.add(e.getKey());
        }
    }
}
