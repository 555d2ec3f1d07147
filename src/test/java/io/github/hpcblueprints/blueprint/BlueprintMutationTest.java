package io.github.hpcblueprints.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.hpcblueprints.cli.Cli;
import io.github.hpcblueprints.testing.Golden;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random mutations of the shipped blueprints through {@code hpcb validate}: every outcome is exit 0 or 1
 * (judged), or exit 2 with a problem located in the file (line:column); never exit 3 (our own bug), never a stack
 * trace. A failing case prints its seed and the mutated YAML so it can be replayed.
 */
class BlueprintMutationTest {

    private static final long SEED = 0x15_2026_12_03L;
    private static final int CASES = 320;
    private static final Pattern LOCATED = Pattern.compile("error: \\S+\\.yaml:\\d+:\\d+ ");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Values people (and typos) put where others belong: wrong types, edge numbers, names Azure refuses. */
    private static final List<JsonNode> VALUES = List.of(F.textNode(""), F.textNode("x"), F.textNode("Inbox_1"),
            F.textNode("ubuntu2004"), F.textNode("canonical:ubuntu:22"), F.textNode("almalinux-9"),
            F.textNode("root"), F.textNode("8.8.0.0/16"), F.textNode("10.0.0.0/33"), F.textNode("Mars/Olympus"),
            F.textNode("faculty/network"), F.textNode("bad<key>"), F.textNode("Standard_Z99"), F.textNode("2500"),
            F.textNode("é\u0000"), F.textNode("x".repeat(300)), F.numberNode(0), F.numberNode(-1), F.numberNode(1.5),
            F.numberNode(1.0e100), F.numberNode(2147483648L), F.numberNode(Long.MAX_VALUE), F.booleanNode(true),
            F.nullNode(), F.arrayNode(), F.objectNode(), F.arrayNode().add("a").add(1));

    @TempDir
    Path tmp;

    @Test
    void mutatedBlueprintsAreJudgedOrRefusedWithALocationNeverCrash() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Path shipped = Golden.projectDir().resolve("blueprints");
        List<Path> sources = GenerateServiceAccess.blueprints(shipped);
        Files.createDirectories(tmp.resolve("profiles"));
        try (var s = Files.list(shipped.resolve("profiles"))) {
            for (Path p : s.toList()) {
                Files.copy(p, tmp.resolve("profiles").resolve(p.getFileName()));
            }
        }
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int[] outcomes = new int[4];
        for (int i = 0; i < CASES; i++) {
            Path source = sources.get(random.nextInt(sources.size()));
            JsonNode tree = yaml.readTree(source.toFile());
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                mutate(tree, random);
            }
            Path file = tmp.resolve("case-" + i + ".yaml");
            String text = yaml.writeValueAsString(tree);
            Files.writeString(file, text);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Cli.run(new String[] {"validate", file.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                            StandardCharsets.UTF_8));
            String stderr = err.toString(StandardCharsets.UTF_8);
            outcomes[Math.min(code, 3)]++;
            boolean ok = code == 0 || code == 1 || (code == 2 && LOCATED.matcher(stderr).find());
            if (!ok || stderr.contains("\tat ") || stderr.contains("Exception")) {
                failures.add("case " + i + " (seed " + SEED + ", from " + source.getFileName() + ") exit " + code
                        + ":\n" + stderr + "\n--- blueprint ---\n" + text);
            }
        }
        if (!failures.isEmpty()) {
            Files.writeString(Golden.projectDir().resolve("target/mutation-failures.txt"),
                    String.join("\n=====\n", failures));
        }
        assertThat(failures).as("%d of %d cases failed (all in target/mutation-failures.txt); first:%n%s", failures.size(), CASES,
                failures.isEmpty() ? "" : failures.get(0)).isEmpty();
        // the mutations must reach every outcome, or the test proves little
        assertThat(outcomes[2]).as("refused").isGreaterThan(CASES / 4);
        assertThat(outcomes[0] + outcomes[1]).as("judged").isGreaterThan(CASES / 20);
    }

    private static void mutate(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode obj) {
            List<String> keys = new ArrayList<>();
            obj.fieldNames().forEachRemaining(keys::add);
            int kind = random.nextInt(10);
            if (keys.isEmpty() || kind == 0) {
                obj.set(keys.isEmpty() || random.nextBoolean() ? "unexpected" : keys.get(0) + "x", value(random));
            } else if (kind == 1) {
                obj.remove(keys.get(random.nextInt(keys.size())));
            } else {
                obj.set(keys.get(random.nextInt(keys.size())), value(random));
            }
        } else if (target instanceof ArrayNode arr) {
            if (arr.isEmpty() || random.nextInt(4) == 0) {
                arr.add(value(random));
            } else if (random.nextBoolean()) {
                arr.add(arr.get(random.nextInt(arr.size())).deepCopy());
            } else {
                arr.set(random.nextInt(arr.size()), value(random));
            }
        }
    }

    private static JsonNode value(Random random) {
        return VALUES.get(random.nextInt(VALUES.size())).deepCopy();
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            Iterator<JsonNode> it = node.elements();
            while (it.hasNext()) {
                collect(it.next(), out);
            }
        }
    }

    /** The shipped blueprints, as generate finds them. */
    private static final class GenerateServiceAccess {
        static List<Path> blueprints(Path folder) {
            return io.github.hpcblueprints.generate.GenerateService.blueprintsIn(folder);
        }
    }
}
