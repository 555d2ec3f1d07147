package io.github.hpcblueprints.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.testing.Shared;
import io.github.hpcblueprints.validate.ArmSchemaValidator;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every typed resource pins the newest non-preview apiVersion Azure's schemas know for its type. */
class ApiVersionsTest {

    @Test
    void everyTypedResourcePinsTheNewestStableApiVersionOfItsType() throws Exception {
        ArmSchemaValidator schemas = Shared.validator();
        List<String> checked = new ArrayList<>();
        for (Class<?> c : typedResourceClasses()) {
            String type = (String) c.getField("TYPE").get(null);
            String api = (String) c.getField("API_VERSION").get(null);
            assertThat(api).as(c.getSimpleName()).doesNotContain("preview");
            assertThat(schemas.find(type, api)).as(c.getSimpleName() + " " + type + "@" + api + " in index.tsv")
                    .isPresent();
            assertThat(schemas.newestStable(type)).as(c.getSimpleName()).contains(api);
            checked.add(c.getSimpleName());
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(35);
    }

    /** Classes under azure/ that declare public static TYPE and API_VERSION constants. */
    static List<Class<?>> typedResourceClasses() throws IOException, ClassNotFoundException {
        Path root = Path.of(System.getProperty("hpcb.projectDir", ".")).resolve(
                "src/main/java/io/github/hpcblueprints/azure");
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String rel = root.relativize(f).toString().replace('/', '.').replaceAll("\\.java$", "");
                Class<?> c = Class.forName("io.github.hpcblueprints.azure." + rel);
                if (hasConstant(c, "TYPE") && hasConstant(c, "API_VERSION")) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static boolean hasConstant(Class<?> c, String name) {
        try {
            Field f = c.getField(name);
            return Modifier.isStatic(f.getModifiers()) && f.getType() == String.class;
        } catch (NoSuchFieldException e) {
            return false;
        }
    }
}
