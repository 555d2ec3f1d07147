package io.github.hpcblueprints.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.hpc.EnvironmentCompiler;
import io.github.hpcblueprints.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The blueprint loader's promise on any input: a loaded environment that compiles, or problems that each name the
 * file, and never any other exception. Jazzer explores raw text ({@code JAZZER_FUZZ=1}); a seeded generator mutates
 * the shipped blueprints the way people get them wrong (a key dropped or misspelt, a value of the wrong type).
 */
class BlueprintFuzzTest {

    private static final BlueprintLoader LOADER = new BlueprintLoader(Path.of("target/fuzz-profile-cache"),
            Duration.ofMillis(1));

    private static void loadsOrReports(String text, String name) {
        try {
            Blueprint b = LOADER.load(text, name, Path.of("target"), name);
            try {
                EnvironmentCompiler.compileWithoutBootScripts(b.environment());
            } catch (IllegalArgumentException refused) {
                // what generate and validate do with a typed builder's refusal: a problem located in the blueprint
                throw BlueprintException.refusedValue(refused, name, java.util.Optional.of(b.tree()));
            }
        } catch (BlueprintException e) {
            assertThat(e.problems()).isNotEmpty();
            for (Problem p : e.problems()) {
                assertThat(p.message()).isNotBlank();
                assertThat(p.location().source()).as(p.describe()).isNotEmpty();
            }
        }
    }

    @FuzzTest(maxDuration = "30s")
    void blueprintLoaderReportsInsteadOfThrowing(FuzzedDataProvider data) {
        loadsOrReports(data.consumeRemainingAsString(), "fuzz.yaml");
    }

    @Test
    void mutatedShippedBlueprintsLoadOrGiveLocatedProblems() throws IOException {
        ObjectMapper yaml = new YAMLMapper();
        Random random = new Random(20261127L);
        List<String> shipped = List.of("minimal-slurm-nfs.yaml", "secure-slurm-lustre.yaml",
                "research-instances.yaml", "existing-vnet.yaml");
        int failures = 0;
        for (int i = 0; i < 400; i++) {
            String file = shipped.get(i % shipped.size());
            Path path = Golden.projectDir().resolve("blueprints").resolve(file);
            JsonNode root = yaml.readTree(Files.readString(path));
            List<ObjectNode> objects = new ArrayList<>();
            collect(root, objects);
            ObjectNode target = objects.get(random.nextInt(objects.size()));
            List<String> keys = new ArrayList<>();
            target.fieldNames().forEachRemaining(keys::add);
            if (keys.isEmpty()) {
                continue;
            }
            String key = keys.get(random.nextInt(keys.size()));
            switch (random.nextInt(4)) {
                case 0 -> target.remove(key);
                case 1 -> target.set(key.substring(1) + key.charAt(0), target.remove(key));
                case 2 -> target.set(key, TextNode.valueOf("~" + random.nextInt(100)));
                default -> target.set(key, yaml.createArrayNode().add(random.nextInt()));
            }
            String text = yaml.writeValueAsString(root);
            try {
                Blueprint b = LOADER.load(text, file, path.getParent(), file);
                EnvironmentCompiler.compileWithoutBootScripts(b.environment());
            } catch (BlueprintException e) {
                failures++;
                for (Problem p : e.problems()) {
                    assertThat(p.location().source()).as(p.describe()).isNotEmpty();
                    assertThat(p.location().line()).as("mutation %d: %s", i, p.describe()).isPositive();
                }
            }
        }
        assertThat(failures).as("most mutations are mistakes the loader must catch").isGreaterThan(200);
    }

    private static void collect(JsonNode node, List<ObjectNode> out) {
        if (node instanceof ObjectNode o) {
            out.add(o);
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                collect(it.next().getValue(), out);
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(n -> collect(n, out));
        }
    }
}
