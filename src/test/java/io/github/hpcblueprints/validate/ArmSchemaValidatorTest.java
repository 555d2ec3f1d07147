package io.github.hpcblueprints.validate;

import io.github.hpcblueprints.json.JsonTrees;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.ArmJsonWriter;
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
        assertThat(Shared.validator().validateParameters(JsonTrees.parse(text))).isEmpty();
    }

    @Test
    void knowsTheNewestStableVersionOfAType() {
        assertThat(Shared.validator().newestStable("microsoft.storage/storageaccounts")).contains("2026-04-01");
        assertThat(Shared.validator().newestStable("Microsoft.Nope/things")).isEmpty();
    }

    @Test
    void aVmSizeNewerThanTheSchemasDeprecatedEnumIsAccepted() {
        ObjectNode vm = (ObjectNode) JsonTrees.parse("{\"type\": \"Microsoft.Compute/virtualMachines\", "
                + "\"apiVersion\": \"2026-03-01\", \"name\": \"vm\", \"location\": \"uksouth\", "
                + "\"properties\": {\"hardwareProfile\": {\"vmSize\": \"Standard_HB176rs_v4\"}}}");
        assertThat(Shared.validator().validateResource(vm, "$.resources[0]")).isEmpty();
        ((ObjectNode) vm.at("/properties/hardwareProfile")).put("vmSize", 5);
        assertThat(Shared.validator().validateResource(vm, "$.resources[0]")).isNotEmpty();
    }

    @Test
    void aFailedAlternativeIsReportedByItsClosestBranchOnly() {
        ObjectNode ext = (ObjectNode) JsonTrees.parse("{\"type\": \"Microsoft.Compute/virtualMachines/extensions\", "
                + "\"apiVersion\": \"2026-03-01\", \"name\": \"vm/x\", \"location\": \"uksouth\", "
                + "\"properties\": {\"publisher\": \"P\", \"type\": \"T\", \"settings\": 5}}");
        List<ArmSchemaValidator.Violation> v = Shared.validator().validateResource(ext, "$.resources[0]");
        assertThat(v).extracting(ArmSchemaValidator.Violation::path).containsExactlyInAnyOrder(
                "$.resources[0].properties.settings", "$.resources[0].properties");
        assertThat(v).extracting(ArmSchemaValidator.Violation::message).anyMatch(m -> m.contains("typeHandlerVersion"));
    }

    @Test
    void aTopLevelChildNameIsCheckedByTheFormItsSchemaDescribes() {
        ObjectNode job = (ObjectNode) JsonTrees.parse("{\"type\": \"Microsoft.StorageCache/amlFilesystems/autoExportJobs\","
                + " \"apiVersion\": \"2026-01-01\", \"name\": \"fs/export\", \"location\": \"uksouth\", "
                + "\"properties\": {}}");
        assertThat(Shared.validator().validateResource(job, "$.resources[0]")).isEmpty();
        job.put("name", "fs/bad name!");
        assertThat(Shared.validator().validateResource(job, "$.resources[0]"))
                .extracting(ArmSchemaValidator.Violation::path).containsExactly("$.resources[0].name");
    }
}
