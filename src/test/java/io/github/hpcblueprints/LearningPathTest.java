package io.github.hpcblueprints;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.cli.Cli;
import io.github.hpcblueprints.generate.Pipeline;
import io.github.hpcblueprints.rules.Finding;
import io.github.hpcblueprints.rules.Report;
import io.github.hpcblueprints.rules.Severity;
import io.github.hpcblueprints.rules.Catalogue;
import io.github.hpcblueprints.rules.RuleInfo;
import io.github.hpcblueprints.testing.Golden;
import io.github.hpcblueprints.validate.ValidationService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lessons cannot rot: in each module of learning-path/, the exercise fails exactly the rules the module says,
 * the solution passes, every command of a runnable walk-through block exits as the text says, and every rule link
 * lands on an anchor of rules.md.
 */
class LearningPathTest {

    private static final Pattern FAILS = Pattern.compile("<!-- exercise-fails: ([A-Z0-9 -]+) -->");
    private static final Pattern RUNNABLE = Pattern.compile("(?s)```shell runnable\n(.*?)```");
    private static final Pattern COMMAND = Pattern.compile("^hpcb (.+?)\\s+# exit (\\d)$");
    private static final Pattern RULE_LINK = Pattern.compile("\\(\\.\\./rules\\.md#([a-z0-9-]+)\\)");

    static Stream<Path> modules() throws Exception {
        try (Stream<Path> s = Files.list(Golden.projectDir().resolve("learning-path"))) {
            return s.filter(Files::isDirectory).filter(d -> d.getFileName().toString().matches("\\d\\d-.*"))
                    .sorted().toList().stream();
        }
    }

    /**
     * What a blueprint's validation, or a template's lint, reports at warning or worse. Module 06's exercise is a
     * template: the defects it teaches can no longer be written in a blueprint, only in a template edited by hand.
     */
    private static Set<String> warningsOrWorse(Path exercise) {
        Report r = exercise.toString().endsWith(".json")
                ? new ValidationService().lint(List.of(exercise), false, Optional.empty(), List.of())
                : new Pipeline().validate(exercise, Optional.empty(), Optional.empty());
        assertThat(r.problems()).as(exercise + " reads").isEmpty();
        return r.active().stream().filter(f -> f.severity() != Severity.INFO).map(Finding::ruleId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest
    @MethodSource("modules")
    void theExerciseFailsWhatTheModuleSaysAndTheSolutionPasses(Path module) throws Exception {
        String readme = Files.readString(module.resolve("README.md"));
        Matcher fails = FAILS.matcher(readme);
        assertThat(fails.find()).as(module + "/README.md names the rules its exercise fails").isTrue();
        Set<String> expected = new TreeSet<>(List.of(fails.group(1).trim().split("\\s+")));
        String ext = Files.exists(module.resolve("exercise.yaml")) ? ".yaml" : ".json";
        assertThat(warningsOrWorse(module.resolve("exercise" + ext))).as("the exercise").isEqualTo(expected);
        assertThat(warningsOrWorse(module.resolve("solution" + ext))).as("the solution").isEmpty();
        // the index lists the module
        assertThat(Files.readString(module.getParent().resolve("README.md")))
                .contains("(" + module.getFileName() + "/README.md)");
    }

    @ParameterizedTest
    @MethodSource("modules")
    void everyRunnableCommandExitsAsTheTextSays(Path module) throws Exception {
        String readme = Files.readString(module.resolve("README.md"));
        List<String> ran = new ArrayList<>();
        Matcher block = RUNNABLE.matcher(readme);
        while (block.find()) {
            for (String line : block.group(1).strip().split("\n")) {
                Matcher c = COMMAND.matcher(line.strip());
                assertThat(c.matches()).as("a runnable line is 'hpcb ... # exit N': " + line).isTrue();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int code = Cli.run(c.group(1).split("\\s+"), new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                assertThat(code).as(line + "\n" + out.toString(StandardCharsets.UTF_8))
                        .isEqualTo(Integer.parseInt(c.group(2)));
                ran.add(line);
            }
        }
        assertThat(ran).as("the module has a runnable walk-through").isNotEmpty();
        String rules = Files.readString(module.getParent().resolve("rules.md"));
        Matcher link = RULE_LINK.matcher(readme);
        while (link.find()) {
            assertThat(rules).as("rules.md has the anchor " + link.group(1)).contains("\n### " + link.group(1) + "\n");
        }
    }

    /** hpcb rules explain links each rule to a module; that module exists and teaches the rule by its id. */
    @Test
    void everyRuleIsTaughtInTheModuleItsExplanationLinksTo() throws Exception {
        Path root = Golden.projectDir();
        List<String> untaught = new ArrayList<>();
        for (RuleInfo rule : Catalogue.standard().infos()) {
            Path lesson = root.resolve(rule.category().lesson());
            assertThat(lesson).as(rule.id() + "'s lesson").isRegularFile();
            if (!Files.readString(lesson).contains(rule.id())) {
                untaught.add(rule.id() + " (" + rule.category().lesson() + ")");
            }
        }
        assertThat(untaught).as("rules their lesson does not mention").isEmpty();
    }
}
