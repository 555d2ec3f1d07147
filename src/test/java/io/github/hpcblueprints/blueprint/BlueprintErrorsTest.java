package io.github.hpcblueprints.blueprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.generate.GenerateService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kind of mistake gives one located, readable error, and nothing is written. */
class BlueprintErrorsTest {

    @TempDir
    Path tmp;

    static final String VALID = String.join("\n",
            "name: demo",
            "region: uksouth",
            "tags:",
            "  owner: rc",
            "network:",
            "  addressSpace: 10.40.0.0/16",
            "cluster:",
            "  partitions:",
            "    - name: htc",
            "      vmSize: Standard_F2s_v2",
            "      maxNodes: 4",
            "");

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("unknown key", VALID.replace("  addressSpace:", "  adressSpace:"),
                        5 + 1, 3, "$.network.adressSpace", "unknown key 'adressSpace' in network",
                        "did you mean 'addressSpace'?"),
                Arguments.of("wrong type", VALID.replace("maxNodes: 4", "maxNodes: four"),
                        11, 17, "$.cluster.partitions[0].maxNodes", "expected an integer, got 'four'", "integer"),
                Arguments.of("overlapping subnets", VALID.replace("  addressSpace: 10.40.0.0/16",
                        "  addressSpace: 10.40.0.0/16\n  subnets:\n    admin: 10.40.1.0/24\n    compute: 10.40.0.0/23"),
                        9, 14, "$.network.subnets.compute", "overlaps 10.40.1.0/24 (admin)", "own range"),
                Arguments.of("subnet outside the VNet", VALID.replace("  addressSpace: 10.40.0.0/16",
                        "  addressSpace: 10.40.0.0/16\n  subnets:\n    compute: 10.41.0.0/24"),
                        8, 14, "$.network.subnets.compute", "outside the address space 10.40.0.0/16", "inside"),
                Arguments.of("Lustre capacity not a step", VALID + "storage:\n  lustre:\n    sku: AMLFS-Durable-Premium-250"
                        + "\n    capacityTiB: 12\n", 15, 18, "$.storage.lustre.capacityTiB",
                        "12 TiB is not valid for AMLFS-Durable-Premium-250", ""),
                Arguments.of("missing required field", VALID.replace("region: uksouth\n", ""), 1, 1, "$",
                        "missing required key 'region'", "add region"),
                Arguments.of("bad extends path", "extends: profiles/nope.yaml\n" + VALID, 1, 10, "$.extends",
                        "profile 'profiles/nope.yaml' not found", "relative to the file"),
                Arguments.of("YAML syntax error", VALID.replace("  owner: rc", "  owner: [rc"), 5, 0, "",
                        "syntax error", "fix the syntax"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void givesOneLocatedReadableErrorAndWritesNothing(String kind, String yaml, int line, int column, String path,
            String message, String hint) throws IOException {
        Path file = tmp.resolve("demo.yaml");
        Files.writeString(file, yaml);
        Path out = tmp.resolve("out");
        GenerateService service = new GenerateService(new BlueprintLoader(tmp.resolve("cache"), Duration.ofSeconds(1)));
        BlueprintException e = (BlueprintException) org.assertj.core.api.Assertions.catchThrowable(
                () -> service.generate(file, out, Optional.empty()));
        assertThat(e).as(kind).isNotNull();
        assertThat(e.problems()).as(kind + ": " + e.getMessage()).hasSize(1);
        Problem p = e.problems().get(0);
        assertThat(p.location().source()).endsWith("demo.yaml");
        assertThat(p.location().line()).as(kind + " line").isEqualTo(line);
        if (column > 0) {
            assertThat(p.location().column()).as(kind + " column").isEqualTo(column);
        }
        if (!path.isEmpty()) {
            assertThat(p.location().jsonPath()).isEqualTo(path);
        }
        assertThat(p.message()).contains(message);
        assertThat(p.hint()).contains(hint);
        assertThat(out).doesNotExist();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(x -> x.getFileName().toString())).doesNotContain("out")
                    .noneMatch(n -> n.contains("staging"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void theMessageReadsAsOneLineWithAFix(String kind, String yaml, int line, int column, String path, String message,
            String hint) throws IOException {
        Path file = tmp.resolve("demo.yaml");
        Files.writeString(file, yaml);
        assertThatThrownBy(() -> new BlueprintLoader(tmp.resolve("cache"), Duration.ofSeconds(1)).load(file))
                .hasMessageStartingWith(file.toString() + ":" + line)
                .hasMessageContaining("fix: ");
    }
}
