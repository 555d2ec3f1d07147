package io.github.hpcblueprints.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.arm.ArmJsonWriter;
import io.github.hpcblueprints.testing.Golden;
import io.github.hpcblueprints.testing.Shared;
import org.junit.jupiter.api.Test;

class SecureCoreTest {

    @Test
    void theSecureCoreTemplateMatchesItsGoldenFile() {
        Golden.assertMatches("azure/secure-core.json", ArmJsonWriter.write(SecureCore.build()));
    }

    @Test
    void theSecureCoreTemplateIsValidAgainstTheOfficialSchemas() {
        assertThat(Shared.validator().validateTemplate(ArmJsonWriter.tree(SecureCore.build()))).isEmpty();
    }
}
