package io.github.hpcblueprints.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.arm.ArmReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Shapes common in the world's templates (Azure's quickstarts and documentation samples) that must not raise a false
 * alarm, or that must be found: the cases of the lint issue, one test each.
 */
class WorldTemplateCasesTest {

    /** Rules whose failing case is written here as template text (see {@code RuleCasesTest}). */
    static final java.util.Set<String> TEXT_CASES = java.util.Set.of("HPCB-STRUCT-020");

    static final String HEAD = "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/"
            + "deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\", ";

    static List<Finding> lint(String json, String rule) {
        TemplateView view = new TemplateView(ArmReader.read(json, "t.json"));
        RuleContext c = new RuleContext(List.of(view), Optional.empty(), Optional.empty(), true, Optional.empty());
        return RuleEngine.standard().run(c, List.of()).findings().stream().filter(f -> f.ruleId().equals(rule))
                .toList();
    }

    static String vm(String osProfile, String storageProfile) {
        return HEAD + "\"parameters\": {\"adminPasswordOrKey\": {\"type\": \"securestring\"}, \"authenticationType\": "
                + "{\"type\": \"string\", \"defaultValue\": \"sshPublicKey\", \"allowedValues\": [\"sshPublicKey\", "
                + "\"password\"]}}, \"resources\": [{\"type\": \"Microsoft.Compute/virtualMachines\", \"apiVersion\": "
                + "\"2024-07-01\", \"name\": \"vm1\", \"location\": \"uksouth\", \"properties\": {\"osProfile\": "
                + osProfile + ", \"storageProfile\": " + storageProfile + "}}]}";
    }

    @Test
    void aWindowsVmIsNotALinuxVmThatAcceptsPasswords() {
        String json = vm("{\"computerName\": \"vm1\", \"adminUsername\": \"azureuser\", \"adminPassword\": "
                + "\"[parameters('adminPasswordOrKey')]\"}", "{\"imageReference\": {\"publisher\": "
                + "\"MicrosoftWindowsServer\", \"offer\": \"WindowsServer\", \"sku\": \"2022-datacenter\", \"version\": "
                + "\"latest\"}}");
        assertThat(lint(json, "HPCB-ACCESS-001")).isEmpty();
    }

    /** The quickstarts pass the image in: a parameter's default or a variable says Windows as plainly. */
    @Test
    void aWindowsImageFromAParameterOrVariableIsWindows() {
        String password = "{\"computerName\": \"vm1\", \"adminUsername\": \"azureuser\", \"adminPassword\": "
                + "\"[parameters('adminPasswordOrKey')]\"}";
        String byParameter = vm(password, "{\"imageReference\": {\"publisher\": \"[parameters('publisher')]\", "
                + "\"offer\": \"[variables('offer')]\", \"sku\": \"2016-Datacenter\", \"version\": \"latest\"}}")
                .replace("\"parameters\": {", "\"parameters\": {\"publisher\": {\"type\": \"string\", \"defaultValue\": "
                        + "\"MicrosoftWindowsServer\"}, ")
                .replace("\"resources\": [", "\"variables\": {\"offer\": \"WindowsServer\"}, \"resources\": [");
        assertThat(lint(byParameter, "HPCB-ACCESS-001")).isEmpty();
        String sqlOnWindows = vm(password, "{\"imageReference\": {\"publisher\": \"MicrosoftSQLServer\", "
                + "\"offer\": \"[variables('sql').offer]\", \"sku\": \"Enterprise\", \"version\": \"latest\"}}")
                .replace("\"resources\": [", "\"variables\": {\"sql\": {\"offer\": \"SQL2016SP1-WS2016\"}}, "
                        + "\"resources\": [");
        assertThat(lint(sqlOnWindows, "HPCB-ACCESS-001")).isEmpty();
        // a Linux image passed the same way is still judged
        assertThat(lint(byParameter.replace("MicrosoftWindowsServer", "Canonical").replace("\"WindowsServer\"",
                "\"ubuntu-24_04-lts\""), "HPCB-ACCESS-001")).hasSize(1);
    }

    /** An image passed in without a default: whether the VM is Linux is the deployment's choice, so a note. */
    @Test
    void aPasswordOnAVmWhoseImageIsChosenAtDeploymentIsANote() {
        String json = vm("{\"computerName\": \"vm1\", \"adminUsername\": \"azureuser\", \"adminPassword\": "
                + "\"[parameters('adminPasswordOrKey')]\"}", "{\"imageReference\": {\"publisher\": "
                + "\"[parameters('publisher')]\", \"offer\": \"[parameters('offer')]\", \"sku\": \"x\", \"version\": "
                + "\"latest\"}}").replace("\"parameters\": {", "\"parameters\": {\"publisher\": {\"type\": "
                + "\"string\"}, \"offer\": {\"type\": \"string\"}, ");
        assertThat(lint(json, "HPCB-ACCESS-001")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("chosen at deployment").contains("parameter 'publisher' has no default");
        });
    }

    @Test
    void aPasswordOnlyWhenADeploymentChoosesItIsANoteWithTheCondition() {
        String json = vm("{\"computerName\": \"vm1\", \"adminUsername\": \"azureuser\", \"adminPassword\": "
                + "\"[if(equals(parameters('authenticationType'), 'password'), parameters('adminPasswordOrKey'), "
                + "null())]\"}", "{\"imageReference\": {\"publisher\": \"Canonical\", \"offer\": \"ubuntu-24_04-lts\", "
                + "\"sku\": \"server\", \"version\": \"latest\"}}");
        assertThat(lint(json, "HPCB-ACCESS-001")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.unknown()).isTrue();
            assertThat(f.message()).contains("chosen at deployment by [if(equals(parameters('authenticationType')");
        });
    }

    @Test
    void aLinuxVmWithAPasswordIsStillAnError() {
        String json = vm("{\"computerName\": \"vm1\", \"adminUsername\": \"azureuser\", \"adminPassword\": "
                + "\"[parameters('adminPasswordOrKey')]\"}", "{\"imageReference\": {\"publisher\": \"Canonical\", "
                + "\"offer\": \"ubuntu-24_04-lts\", \"sku\": \"server\", \"version\": \"latest\"}}");
        assertThat(lint(json, "HPCB-ACCESS-001")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void anAllowAllInboundRuleIsFound() {
        String json = HEAD + "\"resources\": [{\"type\": \"Microsoft.Network/networkSecurityGroups\", \"apiVersion\": "
                + "\"2024-05-01\", \"name\": \"nsg\", \"location\": \"uksouth\", \"properties\": {\"securityRules\": [{"
                + "\"name\": \"allow-all\", \"properties\": {\"priority\": 100, \"direction\": \"Inbound\", \"access\": "
                + "\"Allow\", \"protocol\": \"*\", \"sourceAddressPrefix\": \"*\", \"sourcePortRange\": \"*\", "
                + "\"destinationAddressPrefix\": \"*\", \"destinationPortRange\": \"*\"}}]}}]}";
        List<String> found = new java.util.ArrayList<>();
        for (String rule : List.of("HPCB-ACCESS-002", "HPCB-ACCESS-003", "HPCB-ACCESS-004")) {
            lint(json, rule).forEach(f -> found.add(rule + " " + f.message()));
        }
        assertThat(found).as(found.toString()).anySatisfy(m -> assertThat(m).startsWith("HPCB-ACCESS-004")
                .contains("every port"));
    }

    /** The quickstarts' classic dependsOn: the type and the name concatenated, the name from a variable. */
    @Test
    void aDependsOnBuiltWithConcatNamesTheResourceItBuilds() {
        String json = HEAD + "\"variables\": {\"vnetName\": \"vnet1\", \"vnetId\": "
                + "\"[resourceId('Microsoft.Network/virtualNetworks', variables('vnetName'))]\"}, "
                + "\"resources\": [{\"type\": \"Microsoft.Network/virtualNetworks\", \"apiVersion\": \"2024-05-01\", "
                + "\"name\": \"[variables('vnetName')]\", \"location\": \"uksouth\", \"properties\": {\"addressSpace\": "
                + "{\"addressPrefixes\": [\"10.0.0.0/16\"]}}}, {\"type\": \"Microsoft.Network/networkInterfaces\", "
                + "\"apiVersion\": \"2024-05-01\", \"name\": \"nic1\", \"location\": \"uksouth\", \"dependsOn\": ["
                + "\"[concat('Microsoft.Network/virtualNetworks/', variables('vnetName'))]\", "
                + "\"[resourceId('Microsoft.Network/virtualNetworks/', variables('vnetName'))]\", "
                + "\"[variables('vnetId')]\"], \"properties\": {\"ipConfigurations\": []}}]}";
        assertThat(lint(json, "HPCB-STRUCT-001")).extracting(Finding::message).isEmpty();
    }

    /**
     * ARM reads a dependsOn entry as a resource name too: the documentation samples write the variable that names
     * the resource, or its value, or the value of a variable holding it.
     */
    @Test
    void aDependsOnThatIsTheResourcesNameResolves() {
        String json = HEAD + "\"variables\": {\"ipName\": \"PublicIP-LB-FE-0\", \"alias\": \"[variables('ipName')]\"}, "
                + "\"resources\": [{\"type\": \"Microsoft.Network/publicIPAddresses\", \"apiVersion\": \"2024-05-01\", "
                + "\"name\": \"[variables('ipName')]\", \"location\": \"uksouth\", \"sku\": {\"name\": \"Standard\"}, "
                + "\"properties\": {}}, {\"type\": \"Microsoft.Network/loadBalancers\", \"apiVersion\": \"2024-05-01\", "
                + "\"name\": \"lb\", \"location\": \"uksouth\", \"sku\": {\"name\": \"Standard\"}, \"dependsOn\": ["
                + "\"[variables('ipName')]\", \"PublicIP-LB-FE-0\", \"[variables('alias')]\"], \"properties\": {}}]}";
        assertThat(lint(json, "HPCB-STRUCT-001")).extracting(Finding::message).isEmpty();
        // a name no resource has is still reported
        assertThat(lint(json.replace("\"PublicIP-LB-FE-0\", \"[variables('alias')]\"",
                "\"PublicIP-LB-FE-1\", \"[variables('alias')]\""), "HPCB-STRUCT-001"))
                .extracting(Finding::message).singleElement().satisfies(m -> assertThat(m).contains("PublicIP-LB-FE-1"));
    }

    /**
     * The other ways the world's templates name a resource in dependsOn, each ARM resolves: a copy loop's member by
     * its index, an id built from {@code resourceGroup().id}, an object variable's {@code id}, a child declared inside
     * its parent by its own name, {@code resourceId()} with the deployment's own group, and a name in lower case.
     */
    @Test
    void theOtherSpellingsOfAResourceResolve() {
        String json = HEAD + "\"parameters\": {\"prefix\": {\"type\": \"string\"}}, \"variables\": {\"sa\": "
                + "\"Diag\", \"ids\": {\"nic\": \"[resourceId('Microsoft.Network/networkInterfaces', 'nic-0')]\"}}, "
                + "\"resources\": [{\"type\": \"Microsoft.Network/networkInterfaces\", \"apiVersion\": \"2024-05-01\", "
                + "\"name\": \"[concat('nic-', copyIndex())]\", \"location\": \"uksouth\", \"copy\": {\"name\": "
                + "\"nics\", \"count\": 2}, \"properties\": {}}, {\"type\": \"Microsoft.Storage/storageAccounts\", "
                + "\"apiVersion\": \"2023-05-01\", \"name\": \"[toLower(variables('sa'))]\", \"location\": \"uksouth\", "
                + "\"sku\": {\"name\": \"Standard_LRS\"}, \"kind\": \"StorageV2\", \"properties\": {}}, {\"type\": "
                + "\"Microsoft.Compute/virtualMachines\", \"apiVersion\": \"2024-07-01\", \"name\": \"[concat("
                + "parameters('prefix'), copyIndex())]\", \"location\": \"uksouth\", \"copy\": {\"name\": \"vms\", "
                + "\"count\": 2}, \"dependsOn\": [\"[concat('Microsoft.Network/networkInterfaces/', 'nic-', copyIndex())]\", "
                + "\"[concat(resourceGroup().id, '/providers/Microsoft.Storage/storageAccounts/', variables('sa'))]\", "
                + "\"[variables('ids').nic]\", \"[resourceId(resourceGroup().name, 'Microsoft.Storage/storageAccounts', "
                + "'diag')]\"], \"properties\": {}, \"resources\": [{\"type\": \"extensions\", \"apiVersion\": "
                + "\"2024-07-01\", \"name\": \"CreateForest\", \"location\": \"uksouth\", \"dependsOn\": [\"[concat("
                + "parameters('prefix'), copyIndex())]\"], \"properties\": {}}]}, {\"type\": "
                + "\"Microsoft.Resources/deployments\", \"apiVersion\": \"2022-09-01\", \"name\": \"after\", "
                + "\"dependsOn\": [\"CreateForest\"], \"properties\": {\"mode\": \"Incremental\", \"template\": {"
                + "\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\", "
                + "\"contentVersion\": \"1.0.0.0\", \"resources\": []}}}]}";
        assertThat(lint(json, "HPCB-STRUCT-001")).extracting(Finding::message).isEmpty();
        // a type the template does not deploy at all is still reported, however its name is computed
        String missing = json.replace("'/providers/Microsoft.Storage/storageAccounts/'",
                "'/providers/Microsoft.Network/publicIPAddresses/'");
        assertThat(lint(missing, "HPCB-STRUCT-001")).extracting(Finding::message).singleElement()
                .satisfies(m -> assertThat(m).contains("publicIPAddresses"));
    }

    /**
     * A portal export gives each inline route its id, and the separate route resources wait for the table: the ids
     * order nothing, so there is no cycle (ARM waits only for dependsOn, reference() and list*()).
     */
    @Test
    void anInlineChildsIdMakesNoCycle() {
        String json = HEAD + "\"resources\": [{\"type\": \"Microsoft.Network/routeTables\", \"apiVersion\": "
                + "\"2024-05-01\", \"name\": \"rt\", \"location\": \"uksouth\", \"properties\": {\"routes\": [{"
                + "\"name\": \"default\", \"id\": \"[resourceId('Microsoft.Network/routeTables/routes', 'rt', "
                + "'default')]\", \"properties\": {\"addressPrefix\": \"0.0.0.0/0\", \"nextHopType\": \"Internet\"}}]}}, "
                + "{\"type\": \"Microsoft.Network/routeTables/routes\", \"apiVersion\": \"2024-05-01\", \"name\": "
                + "\"[concat('rt', '/default')]\", \"dependsOn\": [\"[resourceId('Microsoft.Network/routeTables', 'rt')]\"], "
                + "\"properties\": {\"addressPrefix\": \"0.0.0.0/0\", \"nextHopType\": \"Internet\"}}]}";
        assertThat(lint(json, "HPCB-STRUCT-002")).extracting(Finding::message).isEmpty();
        // a reference() back to the route does make the table wait for it: that cycle ARM refuses
        String cyclic = json.replace("\"id\": \"[resourceId('Microsoft.Network/routeTables/routes', 'rt', "
                + "'default')]\"", "\"id\": \"[reference(resourceId('Microsoft.Network/routeTables/routes', 'rt', "
                + "'default'), '2024-05-01').id]\"");
        assertThat(lint(cyclic, "HPCB-STRUCT-002")).hasSize(1);
    }

    /** string() of a name is the name: the SQL samples build a database's name that way. */
    @Test
    void aNameBuiltWithStringIsTheSameName() {
        String json = HEAD + "\"parameters\": {\"server\": {\"type\": \"string\"}, \"db\": {\"type\": \"string\"}}, "
                + "\"resources\": [{\"type\": \"Microsoft.Sql/servers/databases\", \"apiVersion\": \"2021-11-01\", "
                + "\"name\": \"[concat(string(parameters('server')), '/', string(parameters('db')))]\", \"location\": "
                + "\"uksouth\", \"resources\": [{\"type\": \"extensions\", \"apiVersion\": \"2014-04-01\", \"name\": "
                + "\"Import\", \"dependsOn\": [\"[resourceId('Microsoft.Sql/servers/databases', parameters('server'), "
                + "parameters('db'))]\"], \"properties\": {}}]}]}";
        assertThat(lint(json, "HPCB-STRUCT-001")).extracting(Finding::message).isEmpty();
    }

    /** reference() of an id written with a trailing slash in its type names the resource the template deploys. */
    @Test
    void aReferenceWithATrailingSlashInItsTypeResolves() {
        String json = HEAD + "\"variables\": {\"sa\": \"diag1\"}, \"resources\": [{\"type\": "
                + "\"Microsoft.Storage/storageAccounts\", \"apiVersion\": \"2023-05-01\", \"name\": \"[variables('sa')]\", "
                + "\"location\": \"uksouth\", \"sku\": {\"name\": \"Standard_LRS\"}, \"kind\": \"StorageV2\", "
                + "\"properties\": {}}], \"outputs\": {\"uri\": {\"type\": \"string\", \"value\": \"[reference(resourceId("
                + "'Microsoft.Storage/storageAccounts/', variables('sa'))).primaryEndpoints.blob]\"}}}";
        assertThat(lint(json, "HPCB-STRUCT-003")).extracting(Finding::message).isEmpty();
    }

    /**
     * ARM deploys a template with a key written twice and uses the last value (the marketplace templates do it), so
     * lint reads the file, judges the value ARM uses, and warns about the key.
     */
    @Test
    void aKeyWrittenTwiceIsAWarningAndTheFileIsStillJudged() {
        String json = HEAD + "\"variables\": {\"tls\": \"TLS1_0\", \"tls\": \"TLS1_2\"}, \"resources\": [{\"type\": "
                + "\"Microsoft.Storage/storageAccounts\", \"apiVersion\": \"2023-05-01\", \"name\": \"data1\", "
                + "\"location\": \"uksouth\", \"sku\": {\"name\": \"Standard_LRS\"}, \"kind\": \"StorageV2\", "
                + "\"properties\": {\"supportsHttpsTrafficOnly\": false, \"minimumTlsVersion\": \"[variables('tls')]\"}}]}";
        assertThat(lint(json, "HPCB-STRUCT-020")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("duplicate key 'tls'");
            assertThat(f.location().jsonPath()).isEqualTo("$.variables.tls");
            assertThat(f.location().line()).isEqualTo(1);
        });
        assertThat(lint(json, "HPCB-DATA-001")).hasSize(1);
    }

    /** languageVersion 2.0: resources keyed by symbolic name, which reference() may use. */
    @Test
    void referenceBySymbolicNameInLanguageVersionTwo() {
        String json = HEAD + "\"languageVersion\": \"2.0\", \"resources\": {\"vnet\": {\"type\": "
                + "\"Microsoft.Network/virtualNetworks\", \"apiVersion\": \"2024-05-01\", \"name\": \"vnet1\", "
                + "\"location\": \"uksouth\", \"properties\": {\"addressSpace\": {\"addressPrefixes\": "
                + "[\"10.0.0.0/16\"]}}}}, \"outputs\": {\"space\": {\"type\": \"object\", \"value\": "
                + "\"[reference('vnet').addressSpace]\"}}}";
        assertThat(lint(json, "HPCB-STRUCT-003")).extracting(Finding::message).isEmpty();
        assertThat(lint(json, "HPCB-STRUCT-001")).extracting(Finding::message).isEmpty();
    }

    /**
     * The portal's hidden-related tag keys hold a resource id: a tag, not a dependency. Here the plan's tag names the
     * site that depends on the plan; reading the key as a dependency would make a cycle.
     */
    @Test
    void aResourceIdInATagKeyMakesNoCycle() {
        String json = HEAD + "\"resources\": [{\"type\": \"Microsoft.Web/serverfarms\", \"apiVersion\": "
                + "\"2024-04-01\", \"name\": \"plan1\", \"location\": \"uksouth\", \"tags\": {\"[concat("
                + "'hidden-related:', resourceId('Microsoft.Web/sites', 'site1'))]\": \"Resource\"}, \"properties\": {}}, "
                + "{\"type\": \"Microsoft.Web/sites\", \"apiVersion\": \"2024-04-01\", \"name\": \"site1\", "
                + "\"location\": \"uksouth\", \"dependsOn\": [\"[resourceId('Microsoft.Web/serverfarms', 'plan1')]\"], "
                + "\"properties\": {\"serverFarmId\": \"[resourceId('Microsoft.Web/serverfarms', 'plan1')]\"}}]}";
        assertThat(lint(json, "HPCB-STRUCT-002")).extracting(Finding::message).isEmpty();
    }

    @Test
    void aSubnetDeclaredTwiceDoesNotOverlapItself() {
        String json = HEAD + "\"variables\": {\"vnet\": \"vnet1\", \"subnet\": \"default\"}, \"resources\": [{"
                + "\"type\": \"Microsoft.Network/virtualNetworks\", \"apiVersion\": \"2024-05-01\", \"name\": "
                + "\"[variables('vnet')]\", \"location\": \"uksouth\", \"properties\": {\"addressSpace\": {"
                + "\"addressPrefixes\": [\"10.0.0.0/16\"]}, \"subnets\": [{\"name\": \"[variables('subnet')]\", "
                + "\"properties\": {\"addressPrefix\": \"10.0.0.0/24\"}}]}}, {\"type\": "
                + "\"Microsoft.Network/virtualNetworks/subnets\", \"apiVersion\": \"2024-05-01\", \"name\": "
                + "\"[concat(variables('vnet'), '/', variables('subnet'))]\", \"dependsOn\": [\"[resourceId("
                + "'Microsoft.Network/virtualNetworks', variables('vnet'))]\"], \"properties\": {\"addressPrefix\": "
                + "\"10.0.0.0/24\"}}]}";
        assertThat(lint(json, "HPCB-NET-001")).extracting(Finding::message).isEmpty();
        // two different subnets that do overlap are still found, by their names
        String overlapping = json.replace("\"[concat(variables('vnet'), '/', variables('subnet'))]\"",
                "\"[concat(variables('vnet'), '/other')]\"");
        assertThat(lint(overlapping, "HPCB-NET-001")).extracting(Finding::message).singleElement()
                .satisfies(m -> assertThat(m).contains("other").contains("variables('subnet')"));
    }

    /** supportsHttpsTrafficOnly defaults to true only since apiVersion 2019-04-01: before, unset is HTTP allowed. */
    @Test
    void anOldStorageAccountWithoutSecureTransferAcceptsHttp() {
        String account = HEAD + "\"resources\": [{\"type\": \"Microsoft.Storage/storageAccounts\", \"apiVersion\": "
                + "\"VERSION\", \"name\": \"st1\", \"location\": \"uksouth\", \"kind\": \"StorageV2\", "
                + "\"sku\": {\"name\": \"Standard_LRS\"}, \"properties\": {}}]}";
        assertThat(lint(account.replace("VERSION", "2018-07-01"), "HPCB-DATA-001")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(lint(account.replace("VERSION", "2019-04-01"), "HPCB-DATA-001")).isEmpty();
        assertThat(lint(account.replace("VERSION", "2023-05-01"), "HPCB-DATA-001")).isEmpty();
    }

    /** NSG rules held in a variable are the NSG's rules: an open SSH port there is found, where it is written. */
    @Test
    void rulesInAVariableAreFollowed() {
        String json = HEAD + "\"variables\": {\"rules\": [{\"name\": \"ssh\", \"properties\": {\"priority\": 100, "
                + "\"direction\": \"Inbound\", \"access\": \"Allow\", \"protocol\": \"Tcp\", \"sourceAddressPrefix\": "
                + "\"Internet\", \"sourcePortRange\": \"*\", \"destinationAddressPrefix\": \"*\", "
                + "\"destinationPortRange\": \"22\"}}]}, \"resources\": [{\"type\": "
                + "\"Microsoft.Network/networkSecurityGroups\", \"apiVersion\": \"2024-05-01\", \"name\": \"nsg\", "
                + "\"location\": \"uksouth\", \"properties\": {\"securityRules\": \"[variables('rules')]\"}}]}";
        assertThat(lint(json, "HPCB-ACCESS-002")).singleElement()
                .satisfies(f -> assertThat(f.location().jsonPath()).isEqualTo("$.variables.rules[0].properties"));
    }

    /** Scale sets are VMs too: a password and no encryption at host on their model are found. */
    @Test
    void scaleSetsAreChecked() {
        String json = HEAD + "\"parameters\": {\"pw\": {\"type\": \"securestring\"}}, \"resources\": [{\"type\": "
                + "\"Microsoft.Compute/virtualMachineScaleSets\", \"apiVersion\": \"2024-07-01\", \"name\": \"vmss\", "
                + "\"location\": \"uksouth\", \"sku\": {\"name\": \"Standard_D2s_v5\", \"capacity\": 2}, "
                + "\"properties\": {\"virtualMachineProfile\": {\"osProfile\": {\"computerNamePrefix\": \"vm\", "
                + "\"adminUsername\": \"azureuser\", \"adminPassword\": \"[parameters('pw')]\"}, \"storageProfile\": "
                + "{\"imageReference\": {\"publisher\": \"Canonical\", \"offer\": \"ubuntu-24_04-lts\", \"sku\": "
                + "\"server\", \"version\": \"latest\"}}}}}]}";
        assertThat(lint(json, "HPCB-ACCESS-001")).singleElement().satisfies(f -> assertThat(f.location().jsonPath())
                .isEqualTo("$.resources[0].properties.virtualMachineProfile.osProfile.adminPassword"));
        assertThat(lint(json, "HPCB-DATA-016")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("scale set"));
    }

    /** A schema copy that knows one type at one apiVersion: what it lacks is a note naming it, not an error. */
    static final SchemaLookup PARTIAL_COPY = new SchemaLookup() {
        @Override
        public boolean knowsType(String type) {
            return type.equalsIgnoreCase("Microsoft.Network/networkSecurityGroups");
        }

        @Override
        public boolean knows(String type, String apiVersion) {
            return knowsType(type) && apiVersion.equals("2024-05-01");
        }

        @Override
        public Optional<String> newestStable(String type) {
            return knowsType(type) ? Optional.of("2024-05-01") : Optional.empty();
        }

        @Override
        public List<Violation> validate(com.fasterxml.jackson.databind.JsonNode resource, String path) {
            return List.of();
        }

        @Override
        public String source() {
            return "the test's partial copy";
        }
    };

    @Test
    void whatAPartialSchemaCopyLacksIsANoteNamingTheCopy() {
        String json = HEAD + "\"variables\": {\"nsgApi\": \"2024-05-01\"}, \"resources\": ["
                + "{\"type\": \"Microsoft.Network/networkSecurityGroups\", \"apiVersion\": \"[variables('nsgApi')]\", "
                + "\"name\": \"nsg1\", \"location\": \"uksouth\", \"properties\": {}}, "
                + "{\"type\": \"Microsoft.Network/networkSecurityGroups\", \"apiVersion\": \"2023-09-01\", "
                + "\"name\": \"nsg2\", \"location\": \"uksouth\", \"properties\": {}}, "
                + "{\"type\": \"Microsoft.Network/networkSecurityGroups\", \"apiVersion\": \"2099-01-01\", "
                + "\"name\": \"nsg3\", \"location\": \"uksouth\", \"properties\": {}}, "
                + "{\"type\": \"Microsoft.Contoso/widgets\", \"apiVersion\": \"2024-01-01\", \"name\": \"w1\", "
                + "\"location\": \"uksouth\", \"properties\": {}}]}";
        TemplateView view = new TemplateView(ArmReader.read(json, "t.json"));
        RuleContext c = new RuleContext(List.of(view), Optional.empty(), Optional.empty(), true,
                Optional.of(PARTIAL_COPY));
        List<String> found = RuleEngine.standard().run(c, List.of()).findings().stream()
                .filter(f -> f.ruleId().equals("HPCB-STRUCT-004"))
                .map(f -> f.severity() + " " + f.location().jsonPath() + " " + f.message()).toList();
        assertThat(found).containsExactlyInAnyOrder(
                "INFO $.resources[1].apiVersion Microsoft.Network/networkSecurityGroups has no apiVersion 2023-09-01 "
                        + "in the test's partial copy; the newest stable there is 2024-05-01",
                "ERROR $.resources[2].apiVersion Microsoft.Network/networkSecurityGroups has apiVersion 2099-01-01, a "
                        + "date still to come; the newest stable in the schemas is 2024-05-01",
                "INFO $.resources[3].type the test's partial copy has no resource type Microsoft.Contoso/widgets "
                        + "(check the type; the copy may lack it)");
    }

    /** Tags kept in one variable and given to every resource, the quickstarts' habit: they are the variable's. */
    @Test
    void tagsWrittenAsAnExpressionAreWhatItEvaluatesTo() {
        String json = HEAD + "\"variables\": {\"tags\": {\"project\": \"p\", \"owner\": \"o\", \"environment\": "
                + "\"e\"}}, \"resources\": [{\"type\": \"Microsoft.Network/virtualNetworks\", \"apiVersion\": "
                + "\"2024-05-01\", \"name\": \"vnet1\", \"location\": \"uksouth\", \"tags\": \"[variables('tags')]\", "
                + "\"properties\": {}}]}";
        assertThat(lint(json, "HPCB-COST-003")).isEmpty();
        assertThat(lint(json.replace("\"owner\": \"o\", ", ""), "HPCB-COST-003")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("missing cost tags [owner]"));
        assertThat(lint(json.replace("[variables('tags')]", "[union(variables('tags'), createObject('x', 'y'))]"),
                "HPCB-COST-003")).isEmpty();
    }
}
