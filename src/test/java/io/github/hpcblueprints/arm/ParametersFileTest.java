package io.github.hpcblueprints.arm;

import io.github.hpcblueprints.json.JsonTrees;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.testing.Golden;
import org.junit.jupiter.api.Test;

class ParametersFileTest {

    private static Template withSecret() {
        Template.Builder b = Template.builder(Scope.RESOURCE_GROUP);
        Expr pw = b.parameter(Parameter.secureString("adminPassword"));
        Expr prefix = b.parameter(Parameter.string("namePrefix"));
        b.resource(Resource.builder("Microsoft.Test/things", "2024-01-01", prefix)
                .properties(Json.obj("secret", pw)).build());
        return b.build();
    }

    @Test
    void writesValuesAndKeyVaultReferences() {
        String text = ParametersFile.forTemplate(withSecret())
                .value("namePrefix", "rse")
                .keyVaultReference("adminPassword", "/subscriptions/00000000-0000-0000-0000-000000000000/"
                        + "resourceGroups/rg-secrets/providers/Microsoft.KeyVault/vaults/kv-rse", "cyclecloud-admin")
                .build().write();
        Golden.assertMatches("arm/parameters-with-keyvault.json", text);
        JsonNode tree = JsonTrees.parse(text);
        assertThat(tree.get("$schema").asText()).isEqualTo(Scope.PARAMETERS_SCHEMA);
        assertThat(tree.at("/parameters/adminPassword/reference/secretName").asText()).isEqualTo("cyclecloud-admin");
    }

    @Test
    void neverHoldsASecretValue() {
        assertThatThrownBy(() -> ParametersFile.forTemplate(withSecret()).value("adminPassword", "hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keyVaultReference");
    }

    @Test
    void refusesParametersTheTemplateDoesNotHave() {
        assertThatThrownBy(() -> ParametersFile.forTemplate(withSecret()).value("nope", "x"))
                .hasMessageContaining("no parameter 'nope'");
    }

    @Test
    void refusesAVaultIdThatIsNotOne() {
        assertThatThrownBy(() -> ParametersFile.forTemplate(withSecret())
                .keyVaultReference("adminPassword", "kv-rse", "s")).hasMessageContaining("not a Key Vault resource id");
    }
}
