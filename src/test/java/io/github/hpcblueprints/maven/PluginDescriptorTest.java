package io.github.hpcblueprints.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What {@code mvn hpc-blueprints:help -Ddetail} shows: every goal, every parameter with a description (issue 15:
 * three had none), no mangled default such as {@code outputDirectory//}.
 */
class PluginDescriptorTest {

    @Test
    void everyParameterOfEveryGoalIsDescribed() throws IOException {
        Path help = Golden.projectDir().resolve(
                "target/classes/META-INF/maven/io.github.hpcblueprints/hpc-blueprints/plugin-help.xml");
        assertThat(help).as("the plugin descriptor is generated before the tests run").exists();
        String xml = Files.readString(help);
        List<String> goals = new ArrayList<>();
        Matcher goal = Pattern.compile("<goal>(\\w+)</goal>").matcher(xml);
        while (goal.find()) {
            goals.add(goal.group(1));
        }
        assertThat(goals).contains("generate", "validate", "help");
        Matcher p = Pattern.compile("(?s)<parameter>(.*?)</parameter>").matcher(xml);
        int seen = 0;
        while (p.find()) {
            String body = p.group(1);
            Matcher name = Pattern.compile("<name>(.*?)</name>").matcher(body);
            assertThat(name.find()).isTrue();
            Matcher description = Pattern.compile("(?s)<description>(.*?)</description>").matcher(body);
            assertThat(description.find()).as(name.group(1) + " has a description").isTrue();
            assertThat(description.group(1).strip()).as(name.group(1)).hasSizeGreaterThan(10);
            seen++;
        }
        assertThat(seen).isGreaterThanOrEqualTo(9);
        assertThat(xml).doesNotContain("//<").doesNotContain("Directory//");
    }
}
