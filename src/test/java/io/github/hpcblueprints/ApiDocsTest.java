package io.github.hpcblueprints;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.testing.Golden;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DocumentationTool;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The API documentation builds: the JDK's javadoc tool, with the doclint errors {@code mvn javadoc:javadoc} fails on
 * (a {@code @param} naming no parameter, broken HTML, a link to nothing), over every main source file. In the test
 * suite so the one test command catches what a release would.
 */
class ApiDocsTest {

    @Test
    void javadocBuildsWithoutErrors() throws IOException {
        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        assertThat(javadoc).as("a JDK, not a JRE, runs the tests").isNotNull();
        Path sources = Golden.projectDir().resolve("src/main/java");
        List<String> files;
        try (Stream<Path> s = Files.walk(sources)) {
            files = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
        Path out = Golden.projectDir().resolve("target/apidocs-test");
        List<String> args = new ArrayList<>(List.of("-quiet", "-Xdoclint:all,-missing", "-d", out.toString(),
                "-classpath", System.getProperty("java.class.path"), "-encoding", "UTF-8"));
        Path generated = Golden.projectDir().resolve("target/generated-sources/plugin");
        if (Files.isDirectory(generated)) {
            args.addAll(List.of("-sourcepath", sources + java.io.File.pathSeparator + generated));
        }
        args.addAll(files);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int code;
        try (PrintWriter w = new PrintWriter(log, true, StandardCharsets.UTF_8)) {
            code = javadoc.getTask(w, null, null, null, args, null).call() ? 0 : 1;
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertThat(text.lines().filter(l -> l.contains(": error:")).toList()).as(text).isEmpty();
        assertThat(code).as(text).isZero();
    }
}
