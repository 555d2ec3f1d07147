package io.github.hpcblueprints.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.blueprint.BlueprintFormat;
import io.github.hpcblueprints.blueprint.BlueprintLoader;
import io.github.hpcblueprints.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Golden tests per shipped blueprint: the committed {@code generated/} folder is the golden set, so what CI checks
 * for drift and what these tests compare are the same files. {@code mvn -Dhpcb.updateGolden=true test} rewrites it.
 */
class GeneratedOutputTest {

    private final GenerateService service = new GenerateService(
            new BlueprintLoader(Path.of("target/profile-cache"), Duration.ofSeconds(1)));

    @Test
    void everyShippedBlueprintRendersExactlyItsCommittedOutput() throws IOException {
        List<Path> blueprints = GenerateService.blueprintsIn(Golden.projectDir().resolve("blueprints"));
        assertThat(blueprints).hasSizeGreaterThanOrEqualTo(4);
        for (Path b : blueprints) {
            GeneratedFiles files = service.render(b, Optional.empty());
            if (Golden.updating()) {
                // the same writer as hpcb generate: stale files go, scripts stay executable
                GenerateService.write(files, Golden.projectDir().resolve("generated"));
                continue;
            }
            files.files().forEach((name, text) -> Golden.assertProjectFile("generated/" + files.name() + "/" + name,
                    text));
            files.files().keySet().stream().filter(n -> n.endsWith(".sh")).forEach(n -> assertThat(
                    Golden.projectDir().resolve("generated/" + files.name() + "/" + n)).isExecutable());
            {
                try (Stream<Path> committed = Files.walk(Golden.projectDir().resolve("generated/" + files.name()))) {
                    Path base = Golden.projectDir().resolve("generated/" + files.name());
                    assertThat(committed.filter(Files::isRegularFile).map(p -> base.relativize(p).toString()))
                            .as("files committed for " + b.getFileName())
                            .containsExactlyInAnyOrderElementsOf(withManifest(files.files().keySet()));
                }
            }
        }
    }

    /** The files of a folder generate wrote: those rendered, and the manifest that marks the folder as ours. */
    private static List<String> withManifest(java.util.Set<String> rendered) {
        List<String> all = new java.util.ArrayList<>(rendered);
        all.add(".hpcb-manifest");
        return all;
    }

    @Test
    void renderingIsByteIdenticalAcrossRuns() {
        Path b = Golden.projectDir().resolve("blueprints/secure-slurm-lustre.yaml");
        assertThat(service.render(b, Optional.empty())).isEqualTo(service.render(b, Optional.empty()));
    }

    @Test
    void thePublishedSchemasAreGeneratedFromTheFormat() {
        Golden.assertProjectFile("blueprints/schema/blueprint.schema.json", BlueprintFormat.schemaText());
        Golden.assertProjectFile("blueprints/schema/profile.schema.json", BlueprintFormat.profileSchemaText());
    }

    @Test
    void everyBlueprintAndProfileNamesItsSchemaForEditors() throws IOException {
        Path dir = Golden.projectDir().resolve("blueprints");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                String first = Files.readAllLines(f).get(0);
                String expected = f.getParent().equals(dir) ? "schema/blueprint.schema.json"
                        : "../schema/profile.schema.json";
                assertThat(first).as(f.toString()).isEqualTo("# yaml-language-server: $schema=" + expected);
            }
        }
    }
}
