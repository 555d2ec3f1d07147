package io.github.hpcblueprints.cyclecloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.json.JsonTrees;
import io.github.hpcblueprints.testing.Golden;
import io.github.hpcblueprints.testing.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real cloud-init reads what we give it: {@code cloud-init schema --config-file} (Debian's cloud-init) on every
 * cloud-config in {@code generated/} and on the custom data each template gives its VMs, decoded as Azure hands
 * it to cloud-init.
 */
class CloudInitSchemaTest {

    static final Path CLOUD_INIT = Path.of("/usr/bin/cloud-init");

    @TempDir
    Path tmp;

    static void requireCloudInit() {
        Tools.require(CLOUD_INIT.toString(), "cloud-init");
    }

    record Checked(int exit, String output) {
    }

    static Checked check(Path file) throws Exception {
        Process p = new ProcessBuilder(CLOUD_INIT.toString(), "schema", "--config-file", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Checked(p.exitValue(), out);
    }

    /** Every cloud-config of generated/: the files, and each VM's custom data decoded. */
    Map<String, Path> configs() throws Exception {
        Map<String, Path> out = new LinkedHashMap<>();
        Path generated = Golden.projectDir().resolve("generated");
        try (Stream<Path> files = Files.walk(generated)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") && p.getParent().getFileName().toString()
                    .equals("cloud-init")).sorted().toList()) {
                out.put(generated.relativize(f).toString(), f);
            }
        }
        try (Stream<Path> files = Files.list(generated)) {
            for (Path dir : files.sorted().toList()) {
                Path template = dir.resolve("azuredeploy.json");
                if (!Files.exists(template)) {
                    continue;
                }
                JsonNode root = JsonTrees.parse(Files.readString(template));
                for (JsonNode r : root.path("resources")) {
                    JsonNode data = r.path("properties").path("osProfile").path("customData");
                    if (data.isTextual() && !data.textValue().startsWith("[")) {
                        Path decoded = tmp.resolve(dir.getFileName() + "-" + r.path("name").asText() + ".yaml");
                        Files.write(decoded, Base64.getDecoder().decode(data.textValue()));
                        out.put(dir.getFileName() + "/azuredeploy.json " + r.path("name").asText() + " customData",
                                decoded);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void everyCloudConfigWeGenerateIsValidForCloudInit() throws Exception {
        requireCloudInit();
        Map<String, Path> configs = configs();
        assertThat(configs.keySet().stream().filter(k -> k.endsWith("customData"))).hasSizeGreaterThanOrEqualTo(5);
        for (var c : configs.entrySet()) {
            Checked r = check(c.getValue());
            assertThat(r.exit()).as(c.getKey() + ": " + r.output()).isZero();
            assertThat(r.output()).as(c.getKey()).contains("Valid cloud-config");
        }
    }

    @Test
    void aPlantedMistakeIsRefused() throws Exception {
        requireCloudInit();
        Path server = Golden.projectDir().resolve("generated/minimal-slurm-nfs/cloud-init/vm-teaching-cc.yaml");
        String broken = Files.readString(server).replace("    permissions: '0700'", "    permissions: 0700");
        Path f = Files.writeString(tmp.resolve("broken.yaml"), broken);
        Checked r = check(f);
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("permissions").contains("is not of type 'string'");
    }
}
