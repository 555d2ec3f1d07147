package io.github.hpcblueprints.arm;

import io.github.hpcblueprints.json.JsonPrinter;
import io.github.hpcblueprints.json.JsonTrees;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArmJsonWriterTest {

    @Test
    void writesTheHandBuiltTemplateAsItsGoldenFile() {
        Golden.assertMatches("arm/network-and-storage.json", ArmJsonWriter.write(SampleTemplates.networkAndStorage()));
    }

    @Test
    void sameTemplateGivesByteIdenticalText() {
        String first = ArmJsonWriter.write(SampleTemplates.networkAndStorage());
        String second = ArmJsonWriter.write(SampleTemplates.networkAndStorage());
        assertThat(second).isEqualTo(first);
        assertThat(first).endsWith("}\n").doesNotContain("\r").doesNotContain("\t");
    }

    @Test
    void ordersTopLevelAndResourceKeysConventionally() {
        JsonNode tree = ArmJsonWriter.tree(SampleTemplates.networkAndStorage());
        assertThat(keys(tree)).containsExactly("$schema", "contentVersion", "metadata", "parameters", "variables",
                "resources", "outputs");
        JsonNode storage = tree.get("resources").get(3);
        assertThat(keys(storage)).containsExactly("type", "apiVersion", "name", "location", "sku", "kind",
                "dependsOn", "properties");
    }

    @Test
    void makesImpliedDependenciesExplicit() {
        JsonNode resources = ArmJsonWriter.tree(SampleTemplates.networkAndStorage()).get("resources");
        // the subnet refers to the NSG by id and is a child of the VNet
        assertThat(resources.get(2).get("dependsOn")).extracting(JsonNode::asText).containsExactly(
                "[resourceId('Microsoft.Network/virtualNetworks', format('{0}-vnet', parameters('namePrefix')))]",
                "[resourceId('Microsoft.Network/networkSecurityGroups', format('{0}-compute-nsg', "
                        + "parameters('namePrefix')))]");
        // the role assignment waits for the storage account it is scoped to
        assertThat(resources.get(4).get("dependsOn")).extracting(JsonNode::asText).containsExactly(
                "[resourceId('Microsoft.Storage/storageAccounts', variables('storageAccountName'))]");
        assertThat(resources.get(4).get("scope").asText())
                .isEqualTo("[format('Microsoft.Storage/storageAccounts/{0}', variables('storageAccountName'))]");
    }

    @Test
    void escapesLiteralsThatLookLikeExpressions() {
        Template.Builder b = Template.builder(Scope.RESOURCE_GROUP);
        b.variable("bracketed", Json.literal("[not an expression]"));
        b.variable("leading", Json.literal("[just a bracket"));
        JsonNode vars = ArmJsonWriter.tree(b.build()).get("variables");
        assertThat(vars.get("bracketed").asText()).isEqualTo("[[not an expression]");
        assertThat(vars.get("leading").asText()).isEqualTo("[just a bracket");
    }

    @Test
    void printsEmptyContainersCompactlyAndEscapesControlCharacters() {
        String text = JsonPrinter.print(Json.obj("a", JsonTrees.array(), "b", JsonTrees.object(), "c", "line\nbreak\u0001\"q\""));
        assertThat(text).isEqualTo("{\n  \"a\": [],\n  \"b\": {},\n  \"c\": \"line\\nbreak\\u0001\\\"q\\\"\"\n}\n");
    }

    private static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
