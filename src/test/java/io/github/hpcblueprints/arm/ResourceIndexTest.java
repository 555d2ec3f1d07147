package io.github.hpcblueprints.arm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.json.JsonTrees;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one walk over a template's resources that the graph, the checks and the rules share. */
class ResourceIndexTest {

    static ResourceIndex index(String json) {
        return ResourceIndex.of(JsonTrees.parse(json));
    }

    static List<String> labels(ResourceIndex i) {
        return i.entries().stream().map(e -> e.path() + " " + e.type() + " " + e.name().toArmString() + " "
                + e.nameKeys() + (e.nested() ? " nested" : "") + (e.existing() ? " existing" : "")
                + (e.parent() >= 0 ? " parent=" + e.parent() : "")).toList();
    }

    @Test
    void childrenDeclaredInsideTheirParentGetTheFullTypeAndName() {
        ResourceIndex i = index("""
                {"resources": [{"type": "Microsoft.Network/virtualNetworks", "name": "[parameters('vnet')]",
                  "resources": [
                    {"type": "subnets", "name": "admin"},
                    {"type": "Microsoft.Network/virtualNetworks/subnets", "name": "compute"},
                    {"type": "Microsoft.Network/virtualNetworks/subnets", "name": "[concat(parameters('vnet'), '/x')]"}
                  ]}]}""");
        assertThat(labels(i)).containsExactly(
                "$.resources[0] Microsoft.Network/virtualNetworks [parameters('vnet')] [parameters('vnet')]",
                "$.resources[0].resources[0] Microsoft.Network/virtualNetworks/subnets "
                        + "[format('{0}/admin', parameters('vnet'))] [parameters('vnet'), admin] parent=0",
                "$.resources[0].resources[1] Microsoft.Network/virtualNetworks/subnets "
                        + "[format('{0}/compute', parameters('vnet'))] [parameters('vnet'), compute] parent=0",
                "$.resources[0].resources[2] Microsoft.Network/virtualNetworks/subnets "
                        + "[concat(parameters('vnet'), '/x')] [parameters('vnet'), x] parent=0");
    }

    @Test
    void symbolicNamesNestedDeploymentsAndDeclaredExistingResources() {
        ResourceIndex i = index("""
                {"languageVersion": "2.0", "metadata": {"_existingResources": [
                   {"type": "Microsoft.Network/virtualNetworks", "name": "hub"}]},
                 "resources": {
                  "kv": {"type": "Microsoft.KeyVault/vaults", "name": "kv1", "existing": true},
                  "inner": {"type": "Microsoft.Resources/deployments", "name": "inner",
                    "properties": {"template": {"resources": [{"type": "Microsoft.Storage/storageAccounts",
                      "name": "st1"}]}}},
                  "odd": {"name": 3}}}""");
        assertThat(labels(i)).containsExactly(
                "$.resources.kv Microsoft.KeyVault/vaults kv1 [kv1] existing",
                "$.resources.inner Microsoft.Resources/deployments inner [inner]",
                "$.resources.inner.properties.template.resources[0] Microsoft.Storage/storageAccounts st1 [st1] nested",
                "$.resources.odd   []",
                "$.metadata._existingResources[0] Microsoft.Network/virtualNetworks hub [hub] existing");
        assertThat(i.entries()).filteredOn(ResourceIndex.Entry::wellFormed).hasSize(4);
        assertThat(i.entries().get(4).declaredInMetadata()).isTrue();
    }
}
