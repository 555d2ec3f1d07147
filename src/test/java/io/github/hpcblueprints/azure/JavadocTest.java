package io.github.hpcblueprints.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every public type of the catalogue explains itself (and its secure defaults) in a Javadoc comment. */
class JavadocTest {

    private static final Pattern TYPE = Pattern.compile(
            "(?m)^public (?:final |abstract |sealed )*(?:class|interface|enum|record) (\\w+)");

    @Test
    void everyPublicTopLevelTypeHasAJavadocComment() throws IOException {
        Path root = Path.of(System.getProperty("hpcb.projectDir", ".")).resolve(
                "src/main/java/io/github/hpcblueprints/azure");
        List<String> missing = new ArrayList<>();
        int seen = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(f);
                Matcher m = TYPE.matcher(text);
                if (m.find()) {
                    seen++;
                    String before = text.substring(0, m.start()).stripTrailing();
                    int open = before.lastIndexOf("/**");
                    boolean documented = before.endsWith("*/") && open >= 0 && before.length() - open > 60;
                    if (!documented) {
                        missing.add(root.relativize(f).toString());
                    }
                }
            }
        }
        assertThat(seen).isGreaterThan(40);
        assertThat(missing).as("public types without a real Javadoc comment").isEmpty();
    }
}
