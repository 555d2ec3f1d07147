package io.github.hpcblueprints.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.arm.ArmReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Storage account and key vault names judged before deployment, from literals and the usual expressions. */
class NameShapeTest {

    static List<Finding> judge(String type, String name) {
        String json = """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                 "contentVersion": "1.0.0.0",
                 "parameters": {"env": {"type": "string", "defaultValue": "lab"}, "free": {"type": "string"}},
                 "resources": [{"type": "%s", "apiVersion": "2023-01-01", "name": "%s",
                   "location": "[resourceGroup().location]", "properties": {}}]}
                """.formatted(type, name);
        RuleContext c = new RuleContext(List.of(new TemplateView(ArmReader.read(json, "t.json"))), Optional.empty(),
                Optional.empty(), false, Optional.empty());
        return RuleEngine.standard().run(c, List.of()).findings().stream()
                .filter(f -> f.ruleId().equals("HPCB-STRUCT-007")).toList();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "Microsoft.Storage/storageAccounts|stlabdata|ok",
        "Microsoft.Storage/storageAccounts|st|error",
        "Microsoft.Storage/storageAccounts|stlabdatafortheverylongproject|error",
        "Microsoft.Storage/storageAccounts|St-Lab|error",
        "Microsoft.Storage/storageAccounts|[format('st{0}data{1}', parameters('env'), uniqueString(resourceGroup().id))]|ok",
        "Microsoft.Storage/storageAccounts|[concat('stverylongprefixx', uniqueString(resourceGroup().id))]|error",
        "Microsoft.Storage/storageAccounts|[take(concat('stverylongprefixx', uniqueString(resourceGroup().id)), 24)]|ok",
        "Microsoft.Storage/storageAccounts|[substring(format('stlabdata{0}', uniqueString(resourceGroup().id)), 0, 22)]|ok",
        "Microsoft.Storage/storageAccounts|[toLower(parameters('free'))]|unknown",
        "Microsoft.Storage/storageAccounts|[parameters('free')]|unknown",
        "Microsoft.KeyVault/vaults|kv-lab-secrets|ok",
        "Microsoft.KeyVault/vaults|kv--lab|error",
        "Microsoft.KeyVault/vaults|kv_lab|error",
        "Microsoft.KeyVault/vaults|[take(format('kv-{0}-{1}', parameters('env'), uniqueString(resourceGroup().id)), 24)]|ok",
        "Microsoft.KeyVault/vaults|[format('kv-research-computing-{0}', uniqueString(resourceGroup().id))]|error",
    })
    void namesAreJudged(String type, String name, String verdict) {
        List<Finding> found = judge(type, name);
        switch (verdict) {
            case "ok" -> assertThat(found).isEmpty();
            case "unknown" -> assertThat(found).singleElement().satisfies(f -> {
                assertThat(f.unknown()).isTrue();
                assertThat(f.severity()).isEqualTo(Severity.INFO);
            });
            default -> assertThat(found).singleElement().satisfies(f -> {
                assertThat(f.unknown()).isFalse();
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.location().jsonPath()).isEqualTo("$.resources[0].name");
            });
        }
    }
}
