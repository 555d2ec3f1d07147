package io.github.hpcblueprints.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** A shipped blueprint with one text replaced, in a temporary folder beside a copy of the profiles it extends. */
public final class BlueprintVariants {

    private BlueprintVariants() {
    }

    public static Path variant(Path tmp, String shipped, String from, String to) throws IOException {
        Path blueprints = Golden.projectDir().resolve("blueprints");
        Path dir = tmp.resolve("bp");
        Files.createDirectories(dir.resolve("profiles"));
        try (Stream<Path> s = Files.list(blueprints.resolve("profiles"))) {
            for (Path p : s.toList()) {
                Files.copy(p, dir.resolve("profiles").resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String text = Files.readString(blueprints.resolve(shipped));
        assertThat(text).as("the shipped blueprint still has the text this case changes").contains(from);
        Path file = dir.resolve(shipped);
        Files.writeString(file, text.replace(from, to));
        return file;
    }
}
