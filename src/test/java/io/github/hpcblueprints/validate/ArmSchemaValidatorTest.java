package io.github.hpcblueprints.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.ArmJsonWriter;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.ParametersFile;
import io.github.hpcblueprints.arm.Template;
import io.github.hpcblueprints.arm.TestTemplates;
import io.github.hpcblueprints.testing.Shared;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArmSchemaValidatorTest {

    @Test
    void theHandBuiltTemplateIsValidAgainstTheOfficialSchemas() {
        JsonNode tree = ArmJsonWriter.tree(TestTemplates.networkAndStorage());
        assertThat(Shared.validator().validateTemplate(tree)).isEmpty();
    }

    @Test
    void aWrongPropertyIsReportedAtItsExactPathWithTheReason() {
        ObjectNode tree = ArmJsonWriter.tree(TestTemplates.networkAndStorage());
        ObjectNode storageProps = (ObjectNode) tree.get("resources").get(3).get("properties");
        storageProps.put("minimumTlsVersion", "TLS0_9");
        List<ArmSchemaValidator.Violation> v = Shared.validator().validateTemplate(tree);
        assertThat(v).hasSize(1);
        assertThat(v.get(0).path()).isEqualTo("$.resources[3].properties.minimumTlsVersion");
        assertThat(v.get(0).message()).contains("TLS1_2");
    }

    @Test
    void anUnknownApiVersionIsNamedWithTheVersionsTheSchemasKnow() {
        ObjectNode tree = ArmJsonWriter.tree(TestTemplates.networkAndStorage());
        ((ObjectNode) tree.get("resources").get(0)).put("apiVersion", "2001-01-01");
        List<ArmSchemaValidator.Violation> v = Shared.validator().validateTemplate(tree);
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("$.resources[0].apiVersion");
            assertThat(x.message()).contains("2001-01-01").contains("2025-07-01");
        });
    }

    @Test
    void theEnvelopeIsValidatedOnItsOwn() {
        ObjectNode tree = ArmJsonWriter.tree(TestTemplates.networkAndStorage());
        tree.put("contentVersion", "one");
        List<ArmSchemaValidator.Violation> v = Shared.validator().validateTemplate(tree);
        assertThat(v).singleElement().satisfies(x -> assertThat(x.path()).isEqualTo("$.contentVersion"));
    }

    @Test
    void aParametersFileValidates() {
        Template t = TestTemplates.networkAndStorage();
        String text = ParametersFile.forTemplate(t).value("namePrefix", "rse").build().write();
        assertThat(Shared.validator().validateParameters(Json.parse(text))).isEmpty();
    }

    @Test
    void knowsTheNewestStableVersionOfAType() {
        assertThat(Shared.validator().newestStable("microsoft.storage/storageaccounts")).contains("2026-04-01");
        assertThat(Shared.validator().newestStable("Microsoft.Nope/things")).isEmpty();
    }
}
