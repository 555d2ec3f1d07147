package io.github.hpcblueprints.cyclecloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.hpcblueprints.blueprint.BlueprintLoader;
import io.github.hpcblueprints.generate.GenerateService;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shell script we generate, on its own or inside a cloud-init, passes shellcheck. Skipped with a message where
 * shellcheck is not installed; under CI ({@code CI=true}, where {@code .ci/run} installs it) that is a failure.
 */
class ShellcheckTest {

    @BeforeAll
    static void shellcheckIsThere() throws InterruptedException {
        boolean present;
        try {
            present = new ProcessBuilder("shellcheck", "--version").start().waitFor() == 0;
        } catch (IOException e) {
            present = false;
        }
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("shellcheck is not installed, and CI=true: .ci/run installs it "
                    + "(apt-get install -y shellcheck)");
        }
        Assumptions.assumeTrue(present, "shellcheck is not installed: skipping (apt-get install -y shellcheck)");
    }

    /** Every script of every shipped blueprint, by a name that says where it comes from. */
    static Map<String, String> scripts() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        BlueprintLoader loader = new BlueprintLoader(Path.of("target/profile-cache"), Duration.ofSeconds(1));
        for (Path b : GenerateService.blueprintsIn(Golden.projectDir().resolve("blueprints"))) {
            ClusterEnvironment env = loader.load(b).environment();
            for (Map.Entry<String, String> f : CycleCloudFiles.render(env).entrySet()) {
                String where = b.getFileName() + ":" + f.getKey();
                if (f.getKey().endsWith(".sh")) {
                    out.put(where, f.getValue());
                } else if (f.getKey().endsWith(".txt") && !ScriptBehaviourTest.cloudInitIn(f.getValue()).isEmpty()) {
                    // a node's own cloud-init script, inside the cluster template
                    out.put(where + "!CloudInit", ScriptBehaviourTest.cloudInitIn(f.getValue()));
                } else if (f.getKey().startsWith("cloud-init/")) {
                    for (JsonNode w : new YAMLMapper().readTree(f.getValue()).path("write_files")) {
                        String content = ScriptBehaviourTest.content(w);
                        if (content.startsWith("#!/usr/bin/env bash")) {
                            out.put(where + "!" + w.path("path").asText(), content);
                        }
                    }
                }
            }
        }
        // and the script hpcb smoke sends to the CycleCloud server
        try (java.io.InputStream in = ShellcheckTest.class.getResourceAsStream("/deploy/smoke-on-server.sh")) {
            out.put("hpcb smoke:smoke-on-server.sh", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void everyGeneratedScriptPassesShellcheck(@TempDir Path tmp) throws Exception {
        Map<String, String> scripts = scripts();
        assertThat(scripts).hasSizeGreaterThan(15);
        StringBuilder findings = new StringBuilder();
        int i = 0;
        for (Map.Entry<String, String> s : scripts.entrySet()) {
            Path file = tmp.resolve("script-" + i++ + ".sh");
            Files.writeString(file, s.getValue());
            Process p = new ProcessBuilder("shellcheck", "--shell=bash", "--format=gcc", file.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("shellcheck hung on " + s.getKey());
            }
            if (p.exitValue() != 0) {
                findings.append(s.getKey()).append(":\n").append(out.replace(file.toString(), "")).append('\n');
            }
        }
        assertThat(findings.toString()).as("shellcheck findings").isEmpty();
    }
}
