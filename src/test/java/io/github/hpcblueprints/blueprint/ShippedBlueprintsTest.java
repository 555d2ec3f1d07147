package io.github.hpcblueprints.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.arm.ArmJsonWriter;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.hpc.CompiledEnvironment;
import io.github.hpcblueprints.hpc.EnvironmentCompiler;
import io.github.hpcblueprints.testing.Shared;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShippedBlueprintsTest {

    static Path blueprints() {
        return Path.of(System.getProperty("hpcb.projectDir", ".")).resolve("blueprints");
    }

    @ParameterizedTest
    @ValueSource(strings = {"secure-slurm-lustre.yaml", "minimal-slurm-nfs.yaml", "research-instances.yaml",
        "existing-vnet.yaml"})
    void loadsCompilesAndValidatesAgainstTheOfficialSchemas(String file) {
        Blueprint b;
        try {
            b = new BlueprintLoader(Path.of("target/profile-cache"), Duration.ofSeconds(1)).load(blueprints().resolve(file));
        } catch (BlueprintException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        CompiledEnvironment c = EnvironmentCompiler.compileWithoutBootScripts(b.environment());
        assertThat(Shared.validator().validateTemplate(ArmJsonWriter.tree(c.resourceGroup()))).as(file).isEmpty();
        c.subscription().ifPresent(s -> assertThat(Shared.validator().validateTemplate(ArmJsonWriter.tree(s)))
                .as(file + " subscription").isEmpty());
        assertThat(Shared.validator().validateParameters(c.parameters().tree())).isEmpty();
    }
}
