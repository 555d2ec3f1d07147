package io.github.hpcblueprints.bicep;

import io.github.hpcblueprints.json.JsonTrees;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.arm.ArmReader;
import io.github.hpcblueprints.arm.Template;
import io.github.hpcblueprints.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every committed ARM template in {@code generated/} and the Bicep beside it say the same thing: each parameter,
 * variable, resource (type, apiVersion, name, scope, properties ...), dependency and output, read back from the
 * Bicep text and compared with the JSON.
 */
class BicepEquivalenceTest {

    static Stream<Path> goldenTemplates() throws IOException {
        Path generated = Golden.projectDir().resolve("generated");
        List<Path> out;
        try (Stream<Path> s = Files.walk(generated, 2)) {
            out = s.filter(p -> p.getFileName().toString().matches("azuredeploy\\.json|subscription\\.json"))
                    .sorted().toList();
        }
        assertThat(out).as("golden templates").hasSizeGreaterThanOrEqualTo(4);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenTemplates")
    void theCommittedBicepSaysWhatTheArmSays(Path armFile) throws IOException {
        Template t = ArmReader.readTemplate(Files.readString(armFile));
        Path folder = armFile.getParent();
        String main = armFile.getFileName().toString().equals("azuredeploy.json") ? "main.bicep" : "subscription.bicep";
        Map<String, String> files = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".bicep")).toList()) {
                files.put(folder.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        assertThat(BicepEquivalence.compare(t, files, main)).as(folder.getFileName() + "/" + main).isEmpty();
        // and the writer, run now, gives the committed text (so the comparison is of what users get)
        Map<String, String> written = BicepWriter.write(t, main, header(files.get(main)));
        written.forEach((name, text) -> assertThat(text).as(name).isEqualTo(files.get(name)));
    }

    /** The .bicepparam beside each template gives the values its parameters file gives, and every required one. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenTemplates")
    void theBicepParametersFileGivesTheSameValues(Path armFile) throws IOException {
        Template t = ArmReader.readTemplate(Files.readString(armFile));
        String base = armFile.getFileName().toString().equals("azuredeploy.json") ? "main" : "subscription";
        Path folder = armFile.getParent();
        com.fasterxml.jackson.databind.JsonNode values = io.github.hpcblueprints.json.JsonTrees.parse(Files.readString(
                folder.resolve(armFile.getFileName().toString().replace(".json", ".parameters.json"))))
                .path("parameters");
        List<BicepReader.Declaration> decls = BicepReader.read(Files.readString(folder.resolve(base + ".bicepparam")));
        assertThat(decls.get(0).keyword()).isEqualTo("using");
        assertThat(decls.get(0).value()).isEqualTo(new BicepReader.Str(List.of("./" + base + ".bicep")));
        Map<String, BicepReader.Node> assigned = new java.util.LinkedHashMap<>();
        decls.stream().filter(d -> d.keyword().equals("param")).forEach(d -> assigned.put(d.name(), d.value()));
        for (io.github.hpcblueprints.arm.Parameter p : t.parameters()) {
            BicepReader.Node v = assigned.remove(p.name());
            if (values.has(p.name())) {
                assertThat(v).as(p.name()).isNotNull();
                assertThat(literal(v)).as(p.name()).isEqualTo(values.get(p.name()).get("value"));
            } else if (p.defaultValue().isEmpty()) {
                assertThat(v).as(p.name() + " (required: Bicep refuses a parameters file without it)")
                        .isEqualTo(new BicepReader.Call("readEnvironmentVariable", List.of(new BicepReader.Str(
                                List.of(BicepParamWriter.environmentVariable(p.name()))))));
            } else {
                assertThat(v).as(p.name() + " keeps its default").isNull();
            }
        }
        assertThat(assigned).as("assignments of parameters the template does not have").isEmpty();
    }

    /** A parameters-file literal as JSON (a parameters file holds values only). */
    private static com.fasterxml.jackson.databind.JsonNode literal(BicepReader.Node n) {
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        if (n instanceof BicepReader.Str s && s.isLiteral()) {
            return f.textNode(s.literal());
        }
        if (n instanceof BicepReader.Int i) {
            return f.numberNode(i.value());
        }
        if (n instanceof BicepReader.Bool b) {
            return f.booleanNode(b.value());
        }
        if (n instanceof BicepReader.Arr a) {
            var out = f.arrayNode();
            a.items().forEach(x -> out.add(literal(x)));
            return out;
        }
        if (n instanceof BicepReader.Obj o) {
            var out = f.objectNode();
            o.entries().forEach(e -> out.set((String) e.getKey(), literal(e.getValue())));
            return out;
        }
        throw new AssertionError("not a literal value: " + n);
    }

    private static String header(String text) {
        String first = text.lines().findFirst().orElse("");
        return first.startsWith("// ") ? first.substring(3) : "";
    }
}
