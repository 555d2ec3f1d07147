package io.github.hpcblueprints.rules;

import io.github.hpcblueprints.json.JsonTrees;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.ArmJsonWriter;
import io.github.hpcblueprints.arm.ArmReader;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.json.JsonPrinter;
import io.github.hpcblueprints.blueprint.Blueprint;
import io.github.hpcblueprints.blueprint.BlueprintLoader;
import io.github.hpcblueprints.cyclecloud.CycleCloudFiles;
import io.github.hpcblueprints.hpc.CompiledEnvironment;
import io.github.hpcblueprints.hpc.EnvironmentCompiler;
import io.github.hpcblueprints.testing.Golden;
import io.github.hpcblueprints.testing.Shared;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule has a minimal failing case: one change to the shipped hardened blueprint (or to the template it
 * compiles to) that makes that rule, and no other, report something new. The unchanged blueprint is every rule's
 * passing case: it has no active finding at all.
 */
class RuleCasesTest {

    static final String BLUEPRINT = "secure-slurm-lustre";
    static String yaml;
    static Blueprint base;
    static ObjectNode template;
    static ObjectNode subscription;
    static CompiledEnvironment compiled;

    @BeforeAll
    static void compile() throws Exception {
        Path file = Golden.projectDir().resolve("blueprints/" + BLUEPRINT + ".yaml");
        yaml = Files.readString(file);
        base = load(yaml);
        CompiledEnvironment c = EnvironmentCompiler.compile(base.environment(), CycleCloudFiles::serverCloudInit,
                CycleCloudFiles::instanceCloudInit);
        compiled = c;
        template = (ObjectNode) JsonTrees.parse(ArmJsonWriter.write(c.resourceGroup()));
        subscription = (ObjectNode) JsonTrees.parse(ArmJsonWriter.write(c.subscription().orElseThrow()));
    }

    static Blueprint load(String text) {
        Path dir = Golden.projectDir().resolve("blueprints");
        return new BlueprintLoader().load(text, dir.resolve(BLUEPRINT + ".yaml").toString(), dir, BLUEPRINT + ".yaml");
    }

    /** A failing case: the rule it must trigger, and the change. */
    record Case(String rule, String change, boolean needsSchemas, Consumer<ObjectNode> mutation, String yamlEdit) {
        @Override
        public String toString() {
            return rule + ": " + change;
        }
    }

    static Case json(String rule, String change, Consumer<ObjectNode> mutation) {
        return new Case(rule, change, false, mutation, null);
    }

    static Case schema(String rule, String change, Consumer<ObjectNode> mutation) {
        return new Case(rule, change, true, mutation, null);
    }

    /** A change to the blueprint: {@code from} → {@code to} in its YAML text. */
    static Case yaml(String rule, String change, String from, String to) {
        return new Case(rule, change, false, null, from + "\u0000" + to);
    }

    /** Several edits of the blueprint's text, each a from/to pair, applied in order. */
    static Case yaml(String rule, String change, String... fromTo) {
        return new Case(rule, change, false, null, String.join("\u0000", fromTo));
    }

    /** The hardened blueprint's acceptance of budgets that only alert. */
    static final String BUDGETS_ACCEPTED = "suppressions:\n  - rule: HPCB-COST-008\n    reason: The two groups' "
            + "budgets are reviewed weekly by the research computing manager, who holds the\n      cluster's scale "
            + "limits; Slurm accounting (see enforced-budgets.yaml) comes with the next funding round.\n";

    // ---- running ----------------------------------------------------------------------------------------------

    static Report judge(ObjectNode rg, Blueprint b, CompiledEnvironment model, boolean schemas) {
        List<TemplateView> views = List.of(
                new TemplateView(ArmReader.read(JsonPrinter.print(rg), BLUEPRINT + "/azuredeploy.json")),
                new TemplateView(ArmReader.read(JsonPrinter.print(subscription), BLUEPRINT + "/subscription.json")));
        RuleContext context = new RuleContext(views, Optional.of(model), Optional.of(b.tree()), true,
                schemas ? Optional.of(Shared.validator()) : Optional.empty());
        return io.github.hpcblueprints.validate.ValidationService.judge(RuleEngine.standard(), context,
                b.environment(), Optional.of(b.tree()));
    }

    static Report judge(Case c) {
        if (c.yamlEdit() != null) {
            String[] edit = c.yamlEdit().split("\u0000", -1);
            String text = yaml;
            for (int i = 0; i + 1 < edit.length; i += 2) {
                assertThat(text).as("the blueprint still contains the text the case edits").contains(edit[i]);
                text = text.replace(edit[i], edit[i + 1]);
            }
            Blueprint changed = load(text);
            CompiledEnvironment compiled = EnvironmentCompiler.compile(changed.environment(), CycleCloudFiles::serverCloudInit,
                    CycleCloudFiles::instanceCloudInit);
            return judge((ObjectNode) JsonTrees.parse(ArmJsonWriter.write(compiled.resourceGroup())), changed, compiled,
                    false);
        }
        ObjectNode copy = template.deepCopy();
        c.mutation().accept(copy);
        return judge(copy, base, compiled, c.needsSchemas());
    }

    static Set<String> keys(Report r) {
        return r.active().stream().map(f -> f.ruleId() + " " + f.location().jsonPath() + " " + f.message())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theUnchangedHardenedBlueprintPassesEveryRule() {
        Report r = judge(template, base, compiled, true);
        assertThat(r.active()).as("active findings").isEmpty();
        assertThat(r.suppressed()).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("HPCB-DATA-005", "HPCB-COST-005", "HPCB-COST-008", "HPCB-COST-008");
        assertThat(r.suppressed()).allSatisfy(f -> assertThat(f.suppressedBecause()).isNotBlank());
    }

    @Test
    void suppressionsReadTheSameFromMetadataAsObjectOrAsJsonText() {
        // a template compiled from our Bicep carries metadata._hpcb as JSON text
        ObjectNode asText = template.deepCopy();
        ObjectNode metadata = (ObjectNode) asText.get("metadata");
        metadata.put("_hpcb", metadata.get("_hpcb").toString());
        List<Suppression> fromObject = RuleEngine.fromMetadata(
                new TemplateView(ArmReader.read(JsonPrinter.print(template), "a.json")));
        List<Suppression> fromText = RuleEngine.fromMetadata(
                new TemplateView(ArmReader.read(JsonPrinter.print(asText), "a.json")));
        assertThat(fromObject).hasSize(2).isEqualTo(fromText);
        metadata.put("_hpcb", "{not json");
        assertThat(RuleEngine.fromMetadata(new TemplateView(ArmReader.read(JsonPrinter.print(asText), "a.json"))))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCaseTriggersItsRuleAndNoOther(Case c) {
        Set<String> before = keys(judge(template, base, compiled, c.needsSchemas()));
        Report after = judge(c);
        List<Finding> fresh = after.active().stream()
                .filter(f -> !before.contains(f.ruleId() + " " + f.location().jsonPath() + " " + f.message()))
                .toList();
        assertThat(fresh).as("new findings after: " + c.change()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.ruleId()).as(f.toString()).isEqualTo(c.rule()));
        assertThat(fresh).allSatisfy(f -> {
            assertThat(f.unknown()).as("a decided finding, not 'unknown'").isFalse();
            assertThat(f.location().jsonPath()).startsWith("$");
            assertThat(f.severity()).isEqualTo(Catalogue.standard().info(c.rule()).orElseThrow().hardened());
        });
    }

    @Test
    void everyRuleHasAFailingCase() {
        Set<String> covered = cases().map(Case::rule).collect(Collectors.toSet());
        // a rule over the compiled model fails only on a compiler defect: its case edits the model in the domain's tests
        covered.addAll(io.github.hpcblueprints.hpc.DomainRulesTest.MODEL_CASES);
        covered.addAll(io.github.hpcblueprints.cyclecloud.ClusterFileRulesTest.FILE_CASES);
        // a rule about the text itself (a key written twice) has no JSON tree to mutate: its case is written as text
        covered.addAll(WorldTemplateCasesTest.TEXT_CASES);
        assertThat(covered).containsExactlyInAnyOrderElementsOf(
                Catalogue.standard().infos().stream().map(RuleInfo::id).toList());
    }

    // ---- the cases --------------------------------------------------------------------------------------------

    static Stream<Case> cases() {
        return Stream.of(
                json("HPCB-STRUCT-001", "a location naming an undeclared parameter",
                        t -> res(t, "networkSecurityGroups", "nsg-genomics-admin").put("location",
                                "[parameters('regoin')]")),
                json("HPCB-STRUCT-002", "the VNet depends on its own subnet",
                        t -> res(t, "virtualNetworks", "vnet-genomics").putArray("dependsOn").add(
                                "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-genomics', 'admin')]")),
                json("HPCB-STRUCT-003", "an output reads reference() of a VNet the template does not have",
                        t -> obj(t, "outputs").set("otherSpace", Json.obj("type", "object", "value",
                                ex("[reference(resourceId('Microsoft.Network/virtualNetworks', 'vnet-other'))"
                                        + ".addressSpace]")))),
                schema("HPCB-STRUCT-004", "an apiVersion Azure never published",
                        t -> res(t, "networkSecurityGroups", "nsg-genomics-admin").put("apiVersion", "2099-01-01")),
                schema("HPCB-STRUCT-005", "a Logic App on a 2015 preview apiVersion (2017-07-01 is stable)",
                        t -> {
                            ObjectNode flow = Json.obj("type", "Microsoft.Logic/workflows", "apiVersion",
                                    "2015-02-01-preview", "name", "logic-genomics-notify", "location",
                                    ex("[parameters('location')]"), "properties", Json.obj("state", "Disabled"));
                            flow.set("tags", res(t, "networkSecurityGroups", "nsg-genomics-admin").get("tags"));
                            ((ArrayNode) t.get("resources")).add(flow);
                        }),
                json("HPCB-STRUCT-006", "65 outputs", t -> {
                    for (int i = 0; i < 65; i++) {
                        obj(t, "outputs").set("o" + i, Json.obj("type", "string", "value", "x"));
                    }
                }),
                json("HPCB-STRUCT-007", "a storage account name with capitals and an underscore",
                        t -> obj(t, "variables").put("lockerAccountName",
                                "[substring(format('ST_Genomics{0}', uniqueString(resourceGroup().id)), 0, 24)]")),
                json("HPCB-STRUCT-008", "a parameter nothing uses",
                        t -> obj(t, "parameters").set("spare", Json.obj("type", "string", "defaultValue", "x"))),
                json("HPCB-STRUCT-009", "a variable nothing uses", t -> obj(t, "variables").put("spare", "x")),
                json("HPCB-STRUCT-010", "a literal region",
                        t -> res(t, "networkSecurityGroups", "nsg-genomics-admin").put("location", "uksouth")),
                json("HPCB-STRUCT-011", "a securestring parameter with a default", t -> {
                    obj(t, "parameters").set("vaultSeed", Json.obj("type", "securestring", "defaultValue",
                            "correct-horse-battery-staple"));
                    res(t, "networkSecurityGroups", "nsg-genomics-admin").put("condition",
                            "[not(empty(parameters('vaultSeed')))]");
                }),
                json("HPCB-STRUCT-012", "an output returning a secure parameter", t -> {
                    obj(t, "parameters").set("vaultSeed", Json.obj("type", "securestring"));
                    obj(t, "outputs").set("seed", Json.obj("type", "string", "value", ex("[parameters('vaultSeed')]")));
                }),
                json("HPCB-STRUCT-013", "an expression missing its closing parenthesis",
                        t -> rule(res(t, "networkSecurityGroups", "nsg-genomics-admin"), 0).put("description",
                                "[concat('no', 'close']")),
                json("HPCB-STRUCT-014", "the same NSG declared twice", t -> ((ArrayNode) t.get("resources"))
                        .add(res(t, "networkSecurityGroups", "nsg-genomics-admin").deepCopy())),
                json("HPCB-STRUCT-015", "reference() in a condition",
                        t -> res(t, "networkSecurityGroups", "nsg-genomics-admin").put("condition",
                                "[equals(reference(resourceId('Microsoft.Network/virtualNetworks', 'vnet-genomics'), "
                                        + "'2025-07-01').provisioningState, 'Succeeded')]")),
                schema("HPCB-STRUCT-016", "an NSG rule whose access is neither Allow nor Deny",
                        t -> rule(res(t, "networkSecurityGroups", "nsg-genomics-admin"), 0).put("access", "Maybe")),

                json("HPCB-DATA-001", "HTTP allowed", t -> props(res(t, "storageAccounts", "lockerAccountName"))
                        .put("supportsHttpsTrafficOnly", false)),
                json("HPCB-DATA-002", "TLS 1.0 allowed", t -> props(res(t, "storageAccounts", "lockerAccountName"))
                        .put("minimumTlsVersion", "TLS1_0")),
                json("HPCB-DATA-003", "public blob access allowed",
                        t -> props(res(t, "storageAccounts", "lockerAccountName")).put("allowBlobPublicAccess", true)),
                json("HPCB-DATA-004", "public network access with the firewall allowing all", t -> {
                    ObjectNode p = props(res(t, "storageAccounts", "lockerAccountName"));
                    p.put("publicNetworkAccess", "Enabled");
                    obj(p, "networkAcls").put("defaultAction", "Allow");
                }),
                json("HPCB-DATA-005", "shared keys allowed on the locker",
                        t -> props(res(t, "storageAccounts", "lockerAccountName")).put("allowSharedKeyAccess", true)),
                json("HPCB-DATA-006", "blob soft delete off",
                        t -> props(res(t, "blobServices", "lockerAccountName")).with("deleteRetentionPolicy")
                                .put("enabled", false)),
                json("HPCB-DATA-007", "container soft delete off",
                        t -> props(res(t, "blobServices", "lockerAccountName"))
                                .with("containerDeleteRetentionPolicy").put("enabled", false)),
                json("HPCB-DATA-008", "the data account's lock removed",
                        t -> remove(t, "Microsoft.Authorization/locks", "lock-genomics-data")),
                json("HPCB-DATA-009", "Lustre without its HSM link",
                        t -> props(res(t, "amlFilesystems", "amlfs-genomics")).remove("hsm")),
                json("HPCB-DATA-010", "Lustre without an auto-export job",
                        t -> remove(t, "autoExportJobs", "export-results")),
                json("HPCB-DATA-011", "the HPC Cache provider given Reader instead of Storage Account Contributor",
                        t -> resources(t, "roleAssignments").stream()
                                .filter(r -> r.path("properties").path("roleDefinitionId").asText()
                                        .contains("17d1049b-9a84-46fb-8f53-869881c3d3ab"))
                                .forEach(r -> props(r).put("roleDefinitionId", "[subscriptionResourceId("
                                        + "'Microsoft.Authorization/roleDefinitions', "
                                        + "'acdd72a7-3385-48ef-bd42-f606fba81ae7')]"))),
                json("HPCB-DATA-012", "a /28 Lustre subnet for 16 TiB",
                        t -> props(res(t, "virtualNetworks/subnets", "vnet-genomics/lustre"))
                                .put("addressPrefix", "10.40.1.96/28")),
                json("HPCB-DATA-013", "purge protection off",
                        t -> props(res(t, "vaults", "keyVaultName")).put("enablePurgeProtection", false)),
                json("HPCB-DATA-014", "access policies instead of RBAC",
                        t -> props(res(t, "vaults", "keyVaultName")).put("enableRbacAuthorization", false)),
                json("HPCB-DATA-015", "the vault open to all networks", t -> {
                    ObjectNode p = props(res(t, "vaults", "keyVaultName"));
                    p.put("publicNetworkAccess", "Enabled");
                    obj(p, "networkAcls").put("defaultAction", "Allow");
                }),
                json("HPCB-DATA-016", "encryption at host off",
                        t -> props(res(t, "virtualMachines", "vm-genomics-cc")).with("securityProfile")
                                .put("encryptionAtHost", false)),
                json("HPCB-DATA-017", "a password in custom data",
                        t -> props(res(t, "virtualMachines", "vm-genomics-cc")).with("osProfile").put("customData",
                                Base64.getEncoder().encodeToString(("#cloud-config\nruncmd:\n  - echo "
                                        + "'password=Tr0ub4dor&3xyz' > /etc/app.conf\n")
                                        .getBytes(StandardCharsets.UTF_8)))),
                json("HPCB-DATA-018", "an NFS share with no file service requiring encryption in transit",
                        t -> ((ArrayNode) t.get("resources")).add(Json.obj(
                                "type", "Microsoft.Storage/storageAccounts/fileServices/shares",
                                "apiVersion", "2025-06-01",
                                "name", ex("[format('{0}/default/scratch', variables('dataAccountName'))]"),
                                "dependsOn", Json.arr(ex("[resourceId('Microsoft.Storage/storageAccounts', "
                                        + "variables('dataAccountName'))]")),
                                "properties", Json.obj("enabledProtocols", "NFS", "shareQuota", 100)))),
                json("HPCB-DATA-019", "the locker zone-redundant only",
                        t -> res(t, "storageAccounts", "lockerAccountName").with("sku").put("name", "Standard_ZRS")),

                json("HPCB-ACCESS-001", "password authentication on",
                        t -> props(res(t, "virtualMachines", "vm-genomics-cc")).with("osProfile")
                                .with("linuxConfiguration").put("disablePasswordAuthentication", false)),
                json("HPCB-ACCESS-002", "SSH from the internet", t -> addRule(t, "22")),
                json("HPCB-ACCESS-003", "RDP from the internet", t -> addRule(t, "3389")),
                json("HPCB-ACCESS-004", "port 8080 from the internet", t -> addRule(t, "8080")),
                json("HPCB-ACCESS-005", "a public IP on the CycleCloud NIC",
                        t -> ((ObjectNode) props(res(t, "networkInterfaces", "nic-genomics-cc"))
                                .withArray("ipConfigurations").get(0).get("properties")).set("publicIPAddress",
                                Json.obj("id", ex("[resourceId('Microsoft.Network/publicIPAddresses', "
                                        + "'pip-genomics-nat')]")))),
                json("HPCB-ACCESS-006", "administrators made Owner",
                        t -> props(roleFor(t, "adminsGroupObjectId", "4633458b")).put("roleDefinitionId",
                                "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', "
                                        + "'8e3af657-a8ff-443c-a75c-2fe8c4bcb635')]")),
                json("HPCB-ACCESS-007", "a role given to a user",
                        t -> props(roleFor(t, "adminsGroupObjectId", "4633458b")).put("principalType", "User")),
                json("HPCB-ACCESS-008", "the CycleCloud role allowed every action",
                        t -> ((ObjectNode) props(res(t, "roleDefinitions", "CycleCloud orchestrator"))
                                .withArray("permissions").get(0)).withArray("actions").add("*")),
                yaml("HPCB-STRUCT-017", "a suppression of a rule that does not fire there", "suppressions:\n",
                        "suppressions:\n  - rule: HPCB-NET-001\n    reason: The campus range overlaps on purpose.\n"),
                yaml("HPCB-ACCESS-010", "Entra ID SSH sign-in off", "access:\n", "access:\n  entraSshLogin: false\n"),
                json("HPCB-ACCESS-011", "extension operations allowed on the CycleCloud VM",
                        t -> props(res(t, "virtualMachines", "vm-genomics-cc")).with("osProfile")
                                .put("allowExtensionOperations", true)),

                json("HPCB-COST-001", "no forecast alert",
                        t -> props(res(t, "budgets", "budget-genomics")).with("notifications")
                                .remove("forecast_100")),
                yaml("HPCB-COST-002", "project beta without a budget", "    budget: 1200\n", ""),
                json("HPCB-COST-003", "an NSG without tags",
                        t -> res(t, "networkSecurityGroups", "nsg-genomics-admin").remove("tags")),
                yaml("HPCB-COST-004", "idle nodes kept for 45 minutes", "cluster:\n",
                        "cluster:\n  idleReleaseMinutes: 45\n"),
                yaml("HPCB-COST-007", "with accounting, project beta's budget of 5 cannot pay one job at its cap of "
                        + "1,000 core-hours", "  partitions:\n    - name: htc", "  accounting:\n    sku: Standard_B1ms\n"
                        + "  partitions:\n    - name: htc", "    budget: 1200\n",
                        "    budget: 5\n    maxJobCoreHours: 1000\n", BUDGETS_ACCEPTED, ""),
                yaml("HPCB-COST-008", "the acceptance of budgets that only alert removed", BUDGETS_ACCEPTED, ""),
                json("HPCB-COST-005", "the CycleCloud VM's always-on reason removed",
                        t -> {
                            ArrayNode s = (ArrayNode) obj(obj(t, "metadata"), "_hpcb").get("suppressions");
                            for (Iterator<JsonNode> it = s.elements(); it.hasNext(); ) {
                                if (it.next().path("rule").asText().equals("HPCB-COST-005")) {
                                    it.remove();
                                }
                            }
                        }),

                json("HPCB-NET-001", "a subnet outside the address space",
                        t -> props(res(t, "virtualNetworks/subnets", "vnet-genomics/admin"))
                                .put("addressPrefix", "10.41.1.64/27")),
                json("HPCB-NET-002", "a /27 Bastion subnet",
                        t -> props(res(t, "virtualNetworks/subnets", "vnet-genomics/AzureBastionSubnet"))
                                .put("addressPrefix", "10.40.1.0/27")),
                json("HPCB-NET-003", "the compute subnet without its NSG",
                        t -> props(res(t, "virtualNetworks/subnets", "vnet-genomics/compute"))
                                .remove("networkSecurityGroup")),
                json("HPCB-NET-004", "the vault's private endpoint removed", t -> {
                    remove(t, "privateEndpoints/privateDnsZoneGroups", "pe-genomics-kv-vault/default");
                    remove(t, "Microsoft.Network/privateEndpoints", "pe-genomics-kv-vault");
                }),
                json("HPCB-NET-005", "the vault's endpoint without DNS",
                        t -> remove(t, "privateEndpoints/privateDnsZoneGroups", "pe-genomics-kv-vault/default")),
                json("HPCB-NET-006", "default outbound access on the compute subnet",
                        t -> props(res(t, "virtualNetworks/subnets", "vnet-genomics/compute"))
                                .put("defaultOutboundAccess", true)),
                json("HPCB-NET-007", "the admin subnet without its NAT gateway",
                        t -> props(res(t, "virtualNetworks/subnets", "vnet-genomics/admin")).remove("natGateway")),

                json("HPCB-GOV-001", "no allowed-locations policy",
                        t -> remove(t, "policyAssignments", "policy-genomics-locations")),
                json("HPCB-GOV-002", "no allowed-VM-sizes policy",
                        t -> remove(t, "policyAssignments", "policy-genomics-vm-sizes")),
                json("HPCB-GOV-003", "no required-tag policies", t -> {
                    for (String tag : List.of("project", "owner", "environment")) {
                        remove(t, "policyAssignments", "policy-genomics-tag-" + tag);
                    }
                }),
                json("HPCB-GOV-004", "no diagnostic setting for the vault",
                        t -> resources(t, "diagnosticSettings").stream()
                                .filter(r -> r.path("scope").asText().contains("keyVaultName")).toList()
                                .forEach(r -> removeNode(t, r))),
                json("HPCB-COST-006", "budgets start in whatever month the template is deployed",
                        t -> obj(obj(t, "parameters"), "budgetStartDate").put("defaultValue",
                                "[utcNow('yyyy-MM-01')]")),
                json("HPCB-GOV-006", "the CycleCloud role named with a fixed text",
                        t -> resources(t, "roleDefinitions").forEach(r -> props(r).put("roleName",
                                "CycleCloud orchestrator"))),
                json("HPCB-DATA-020", "the vault always created in default mode",
                        t -> {
                            props(resources(t, "vaults").get(0)).remove("createMode");
                            obj(t, "parameters").remove("keyVaultCreateMode");
                        }),
                json("HPCB-GOV-005", "the network's lock removed",
                        t -> remove(t, "Microsoft.Authorization/locks", "lock-genomics-network")));
    }

    // ---- editing helpers --------------------------------------------------------------------------------------

    static List<ObjectNode> resources(ObjectNode t, String typeSuffix) {
        List<ObjectNode> out = new ArrayList<>();
        t.get("resources").forEach(r -> {
            if (r.path("type").asText().toLowerCase().endsWith(typeSuffix.toLowerCase())) {
                out.add((ObjectNode) r);
            }
        });
        return out;
    }

    static ObjectNode res(ObjectNode t, String typeSuffix, String nameContains) {
        return resources(t, typeSuffix).stream().filter(r -> r.path("name").asText().contains(nameContains))
                .findFirst().orElseThrow(() -> new AssertionError("no " + typeSuffix + " named like " + nameContains));
    }

    /** An expression string (Json.obj would escape it as a literal). */
    static JsonNode ex(String expression) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(expression);
    }

    static ObjectNode obj(ObjectNode parent, String key) {
        return parent.has(key) ? (ObjectNode) parent.get(key) : parent.putObject(key);
    }

    static ObjectNode props(ObjectNode r) {
        return r.with("properties");
    }

    static ObjectNode rule(ObjectNode nsg, int i) {
        return (ObjectNode) props(nsg).withArray("securityRules").get(i).get("properties");
    }

    static ObjectNode roleFor(ObjectNode t, String parameter, String role) {
        return resources(t, "roleAssignments").stream()
                .filter(r -> r.path("properties").path("principalId").asText().contains(parameter)
                        && r.path("properties").path("roleDefinitionId").asText().contains(role))
                .findFirst().orElseThrow();
    }

    static void remove(ObjectNode t, String typeSuffix, String name) {
        removeNode(t, res(t, typeSuffix, name));
    }

    static void removeNode(ObjectNode t, JsonNode node) {
        ArrayNode all = (ArrayNode) t.get("resources");
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == node) {
                all.remove(i);
                return;
            }
        }
        throw new AssertionError("not in resources: " + node);
    }

    static void addRule(ObjectNode t, String port) {
        props(res(t, "networkSecurityGroups", "nsg-genomics-admin")).withArray("securityRules").add(Json.obj(
                "name", "allow-" + port, "properties", Json.obj("priority", 200, "direction", "Inbound", "access",
                        "Allow", "protocol", "Tcp", "sourceAddressPrefix", "Internet", "sourcePortRange", "*",
                        "destinationAddressPrefix", "*", "destinationPortRange", port)));
    }
}
