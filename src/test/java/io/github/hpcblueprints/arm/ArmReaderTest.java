package io.github.hpcblueprints.arm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.testing.Shared;
import org.junit.jupiter.api.Test;

class ArmReaderTest {

    private static final String TEXT = String.join("\n",
            "{",
            "  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",",
            "  // comments are allowed, as ARM tools allow them",
            "  \"contentVersion\": \"1.0.0.0\",",
            "  \"resources\": [",
            "    {",
            "      \"type\": \"Microsoft.Storage/storageAccounts\",",
            "      \"apiVersion\": \"2026-04-01\",",
            "      \"name\": \"[concat('data', uniqueString(resourceGroup().id)]\",",
            "      \"location\": \"westeurope\"",
            "    }",
            "  ]",
            "}",
            "");

    @Test
    void keepsLineAndColumnForEveryNode() {
        ArmDocument doc = ArmReader.read(TEXT, "t.json");
        assertThat(doc.locate("$.resources[0].type")).isEqualTo(new Location("t.json", 7, 15, "$.resources[0].type"));
        assertThat(doc.locate("$.resources[0]")).isEqualTo(new Location("t.json", 6, 5, "$.resources[0]"));
        // an absent node is located at its nearest ancestor
        assertThat(doc.locate("$.resources[0].sku.name").line()).isEqualTo(6);
    }

    @Test
    void reportsAnUnparseableExpressionAtItsColumnInTheFile() {
        ArmDocument doc = ArmReader.read(TEXT, "t.json");
        assertThat(doc.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("ARM-EXPR");
            assertThat(p.location().jsonPath()).isEqualTo("$.resources[0].name");
            assertThat(p.location().line()).isEqualTo(9);
            // the string's quote is at column 15; the closing ']' where ')' was expected is its 49th character
            assertThat(p.location().column()).isEqualTo(15 + 1 + 48);
            assertThat(p.message()).contains("call of 'concat' is not closed");
        });
    }

    @Test
    void reportsBadJsonWithLineAndColumnInsteadOfThrowing() {
        ArmDocument doc = ArmReader.read("{\n  \"a\": [1, 2,,]\n}", "bad.json");
        assertThat(doc.isJson()).isFalse();
        Problem p = doc.problems().get(0);
        assertThat(p.code()).isEqualTo("ARM-JSON");
        assertThat(p.location().line()).isEqualTo(2);
        assertThatThrownBy(doc::toTemplate).isInstanceOf(BlueprintException.class);
    }

    @Test
    void reportsDuplicateKeys() {
        ArmDocument doc = ArmReader.read("{\"a\": 1,\n \"a\": 2}", "dup.json");
        assertThat(doc.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(io.github.hpcblueprints.diagnostics.SourceTreeReader.DUPLICATE_KEY);
            assertThat(p.message()).contains("duplicate key 'a'");
            assertThat(p.location().line()).isEqualTo(2);
        });
        // the last one wins, as in ARM
        assertThat(doc.root().get("a").intValue()).isEqualTo(2);
    }

    @Test
    void readsTheSeedsThirdPartyTemplateIntoTheModel() {
        ArmDocument doc = ArmReader.read(Shared.corpus().resolve("research-software-reactor/create-infrastructure.json"));
        Template t = doc.toTemplate();
        assertThat(t.scope()).isEqualTo(Scope.RESOURCE_GROUP);
        assertThat(t.schema()).contains("2015-01-01");
        assertThat(t.resources()).hasSize(10);
        assertThat(t.resources().get(8).extra().has("plan")).isTrue();
        // the file refers to 'sshPubkey' while declaring 'sshPubKey': ARM names are case-insensitive, so it holds
        assertThat(TemplateChecks.check(t)).isEmpty();
        DependencyGraph g = DependencyGraph.of(t);
        assertThat(g.cycles()).isEmpty();
        assertThat(g.deploymentOrder()).hasSize(10);
    }

    @Test
    void aTemplateWithoutTypeOrApiVersionIsRefusedWithPaths() {
        String json = "{\"$schema\": \"" + Scope.RESOURCE_GROUP.schema() + "\", \"contentVersion\": \"1.0.0.0\","
                + "\n\"resources\": [{\"name\": \"x\", \"apiVersion\": \"[parameters('v')]\"}]}";
        assertThatThrownBy(() -> ArmReader.read(json, "r.json").toTemplate())
                .isInstanceOfSatisfying(BlueprintException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.location().jsonPath())
                        .containsExactly("$.resources[0].type", "$.resources[0].apiVersion"));
    }

    /**
     * What ARM reads, this reads: a trailing comma and a string broken over lines, as in Microsoft's deployment-script
     * samples (ARM template syntax: "Multi-line strings", and comments, which were accepted before).
     */
    @Test
    void readsTrailingCommasAndMultiLineStringsAsArmDoes() {
        String json = "{\n"
                + "  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",\n"
                + "  \"contentVersion\": \"1.0.0.0\",\n"
                + "  \"parameters\": {\"name\": {\"type\": \"string\", \"defaultValue\": \"st\"},},\n"
                + "  \"resources\": [],\n"
                + "  \"outputs\": {\"joined\": {\"type\": \"string\", \"value\": \"[concat(parameters('name'),\n"
                + "      'suffix')]\"},\n"
                + "  },\n"
                + "}\n";
        ArmDocument doc = ArmReader.read(json, "multiline.json");
        assertThat(doc.problems()).isEmpty();
        assertThat(doc.isTemplate()).isTrue();
        assertThat(doc.parsedExpressions()).containsKey("$.outputs.joined.value");
        assertThat(doc.root().path("outputs").path("joined").path("value").asText()).contains("\n");
    }
}
