package io.github.hpcblueprints.bicep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hpcblueprints.arm.ArmReader;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Output;
import io.github.hpcblueprints.arm.Parameter;
import io.github.hpcblueprints.arm.ParametersFile;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.arm.Scope;
import io.github.hpcblueprints.arm.Template;
import io.github.hpcblueprints.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The writer on a hand-written template with every construct it renders (existing resources in another resource
 * group, parent/child, a serial loop with copyIndex offsets, a condition, an extension resource, a nested deployment
 * as a module with an output read back, conditional and looped outputs, decorators, escapes, decimals, computed
 * keys); the golden Bicep is reviewed and read back; mutations of it are caught; escapes round-trip.
 */
class BicepWriterTest {

    private static final String HEADER = "kitchen sink";

    static Template kitchenSink() throws IOException {
        return ArmReader.readTemplate(Files.readString(Path.of("src/test/resources/bicep/kitchen-sink.json")));
    }

    @Test
    void theKitchenSinkRendersItsReviewedBicepAndReadsBackAsTheSameTemplate() throws IOException {
        Template t = kitchenSink();
        Map<String, String> files = BicepWriter.write(t, "main.bicep", HEADER);
        assertThat(files.keySet()).containsExactly("main.bicep", "modules/grant-network.bicep");
        files.forEach((name, text) -> Golden.assertMatches("bicep/kitchen-sink/" + name, text));
        assertThat(BicepEquivalence.compare(t, files, "main.bicep")).isEmpty();
        assertThat(BicepWriter.write(t, "main.bicep", HEADER)).isEqualTo(files);
    }

    @Test
    void idiomsAreThoseAPersonWouldWrite() throws IOException {
        String main = BicepWriter.write(kitchenSink(), "main.bicep", HEADER).get("main.bicep");
        assertThat(main)
                .contains("targetScope = 'resourceGroup'")
                .contains("@secure()\n@minLength(12)\nparam adminPassword string\n")
                .contains("resource vnetHub 'Microsoft.Network/virtualNetworks@2025-07-01' existing = {\n"
                        + "  scope: resourceGroup('rg-network')\n")
                .contains("  parent: account\n  name: 'default'\n")
                .contains("@batchSize(2)\nresource accountDefaultNode 'Microsoft.Storage/storageAccounts/blobServices/"
                        + "containers@2026-04-01' = [for i in range(0, nodeCount): {")
                .contains("name: 'node-${(i + 1)}'")
                .contains("= if (notBoth) {")
                .contains("scope: account\n  name: guid(account.id, principalId)")
                .contains("module grantNetwork 'modules/grant-network.bicep' = {")
                .contains("output assignment string = grantNetwork.outputs.assignment")
                .contains("output blobEndpoint string = account.properties.primaryEndpoints.blob")
                .contains("var ratio = json('0.75')")
                .contains("'cost-${prefix}': 'shared'")
                .contains("var tricky = 'it\\'s a \\\\ back-slash, a \\${not-interpolated} dollar,\\na new line")
                .contains("var emptyVar = {}")
                .doesNotContain("parameters(").doesNotContain("variables(").doesNotContain("reference(")
                .doesNotContain("concat(").doesNotContain("format(");
        // dependsOn only where no reference implies it: the identity is not referenced, the storage account is
        assertThat(main).contains("  dependsOn: [\n    idKitchen\n  ]\n").doesNotContain("    account\n  ]");
    }

    /** Each mutation of the golden Bicep is a real difference the equivalence check must report. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a property value|minimumTlsVersion: 'TLS1_2'|minimumTlsVersion: 'TLS1_0'",
        "an apiVersion|storageAccounts@2026-04-01' = {|storageAccounts@2025-06-01' = {",
        "a secure decorator|@secure()\\n|",
        "a dependsOn|  dependsOn: [\\n    idKitchen\\n  ]\\n|",
        "a loop count|range(0, nodeCount): {|range(0, 3): {",
        "a condition|= if (notBoth) {|= {",
        "a parent|  parent: accountDefault\\n|  parent: account\\n",
        "a default|param nodeCount int = 2|param nodeCount int = 3",
        "an allowed value|  'Cool'\\n])|  'Archive'\\n])",
        "an interpolation|name: 'node-${(i + 1)}'|name: 'node-${i}'",
        "an escape|a \\${not-interpolated}|a ${tier}",
        "an output|output accountId string = account.id|output accountId string = account.name",
        "a module parameter|    principalId: principalId\\n  }\\n}|    principalId: 'x'\\n  }\\n}",
        "an existing resource's group|resourceGroup('rg-network')\\n  name: 'vnet-hub'|resourceGroup('rg-hub')\\n  name: 'vnet-hub'",
        "a tag|'hpcb-blueprint': 'kitchen-sink'|'hpcb-blueprint': 'kitchen'",
        "a scope|  scope: account\\n|"
    })
    void everyMutationOfTheBicepIsReported(String what, String from, String to) throws IOException {
        Template t = kitchenSink();
        Map<String, String> files = new TreeMap<>(BicepWriter.write(t, "main.bicep", HEADER));
        String fromText = from.replace("\\n", "\n");
        String toText = to == null ? "" : to.replace("\\n", "\n");
        String main = files.get("main.bicep");
        assertThat(main).as("the mutation applies").contains(fromText);
        files.put("main.bicep", main.replace(fromText, toText));
        assertThat(BicepEquivalence.compare(t, files, "main.bicep")).as(what).isNotEmpty();
    }

    @Test
    void aChangeInsideAModuleIsReportedToo() throws IOException {
        Template t = kitchenSink();
        Map<String, String> files = new TreeMap<>(BicepWriter.write(t, "main.bicep", HEADER));
        files.put("modules/grant-network.bicep", files.get("modules/grant-network.bicep")
                .replace("4d97b98b-1d4f-4787-a291-c67834d212e7", "acdd72a7-3385-48ef-bd42-f606fba81ae7"));
        assertThat(BicepEquivalence.compare(t, files, "main.bicep")).singleElement().asString()
                .contains("modules/grant-network.bicep").contains("roleDefinitionId");
    }

    @Test
    void stringsWithAnyCharacterReadBackUnchanged() {
        Random random = new Random(20261128L);
        String alphabet = "ab'\\${}[]\n\r\t\u0001\u001f \u00e9\u4e2d\"";
        for (int n = 0; n < 2000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = sb.toString();
            BicepReader.Node read = BicepReader.expression(BicepText.literal(value));
            assertThat(read).as("literal of %s", value).isInstanceOf(BicepReader.Str.class);
            assertThat(((BicepReader.Str) read).isLiteral()).isTrue();
            assertThat(((BicepReader.Str) read).literal()).isEqualTo(value);
        }
    }

    @Test
    void seededRandomExpressionsSurviveTheTripThroughBicep() {
        // ARM expressions made of the parts the writer turns into Bicep syntax; each must read back as the same value
        Random random = new Random(7L);
        for (int n = 0; n < 500; n++) {
            Expr e = randomExpr(random, 3);
            Template.Builder b = Template.builder(Scope.RESOURCE_GROUP);
            b.parameter(Parameter.string("p").withDefault("x"));
            b.parameter(Parameter.bool("b").withDefault(true));
            Template t = b.output(Output.of("o", io.github.hpcblueprints.arm.ParameterType.STRING, e)).build();
            Map<String, String> files = BicepWriter.write(t, "main.bicep", "");
            assertThat(BicepEquivalence.compare(t, files, "main.bicep")).as(e.render()).isEmpty();
            // the comparison reads calls and operators alike: Bicep itself has only the operators
            assertThat(BicepLintTest.armOnlyFunctions(files.get("main.bicep"))).as(e.render()).isEmpty();
        }
    }

    private static Expr randomExpr(Random r, int depth) {
        int pick = depth == 0 ? r.nextInt(3) : r.nextInt(12);
        return switch (pick) {
            case 0 -> Expr.str(List.of("a", "it's", "${x}", "{0}", "", "a\\b").get(r.nextInt(6)));
            case 1 -> Expr.parameters("p");
            case 2 -> Expr.num(r.nextInt(5) - 2);
            case 3 -> Expr.format("{0}-{1}", randomExpr(r, depth - 1), randomExpr(r, depth - 1));
            case 4 -> Expr.concat(Expr.str("c:"), randomExpr(r, depth - 1));
            case 5 -> Expr.call("if", Expr.call("equals", Expr.parameters("p"), randomExpr(r, depth - 1)),
                    randomExpr(r, depth - 1), randomExpr(r, depth - 1));
            case 6 -> Expr.call("and", Expr.parameters("b"), Expr.call("not", Expr.parameters("b")),
                    Expr.call("or", Expr.bool(r.nextBoolean()), Expr.parameters("b")));
            case 7 -> Expr.call("toLower", randomExpr(r, depth - 1));
            case 8 -> Expr.call("string", Expr.call(List.of("add", "sub", "mul", "div", "mod").get(r.nextInt(5)),
                    Expr.call("length", randomExpr(r, depth - 1)), Expr.num(r.nextInt(3) + 1)));
            case 9 -> Expr.call("if", Expr.call(List.of("less", "greater", "lessOrEquals", "greaterOrEquals")
                    .get(r.nextInt(4)), Expr.num(r.nextInt(3)), Expr.num(1)), Expr.call("string", Expr.call("null")),
                    Expr.call("string", Expr.call(r.nextBoolean() ? "true" : "false")));
            case 10 -> new Expr.Member(Expr.call("json", Expr.str("{\"a-b\": {\"$c\": \"x\"}}")).prop("a-b"), "$c");
            default -> Expr.call("createObject", Expr.str("k"), randomExpr(r, depth - 1));
        };
    }

    @Test
    void aScopeThatIsNotDeclaredIsRefusedWithTheFix() {
        Template.Builder b = Template.builder(Scope.RESOURCE_GROUP);
        b.resource(Resource.builder("Microsoft.Authorization/locks", "2020-05-01", "lock")
                .scope(Expr.raw("[resourceId('Microsoft.Storage/storageAccounts', 'elsewhere')]"))
                .properties(io.github.hpcblueprints.arm.Json.obj("level", "CanNotDelete")).build());
        Template t = b.build();
        assertThatThrownBy(() -> BicepWriter.write(t, "main.bicep", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a resource of this template").hasMessageContaining("existing resource");
    }

    @Test
    void anOutputNamedLikeAParameterIsRefused() {
        Template.Builder b = Template.builder(Scope.RESOURCE_GROUP);
        b.parameter(Parameter.string("name"));
        Template t = b.output(Output.of("name", io.github.hpcblueprints.arm.ParameterType.STRING,
                Expr.parameters("name"))).build();
        assertThatThrownBy(() -> BicepWriter.write(t, "main.bicep", "")).hasMessageContaining("rename");
    }

    @Test
    void theParametersFileHoldsValuesKeyVaultReferencesAndEnvironmentLookupsButNoSecret() throws IOException {
        Template t = kitchenSink();
        ParametersFile values = ParametersFile.forTemplate(t).value("tier", "Cool").value("nodeCount", 4)
                .keyVaultReference("adminPassword", "/subscriptions/00000000-0000-0000-0000-000000000001/"
                        + "resourceGroups/rg-secrets/providers/Microsoft.KeyVault/vaults/kv-hpc", "admin-password")
                .build();
        String text = BicepParamWriter.write(t, values, "main.bicep", HEADER);
        Golden.assertMatches("bicep/kitchen-sink/main.bicepparam", text);
        List<BicepReader.Declaration> decls = BicepReader.read(text);
        assertThat(decls.get(0).keyword()).isEqualTo("using");
        Map<String, BicepReader.Node> byName = new TreeMap<>();
        decls.stream().filter(d -> d.keyword().equals("param")).forEach(d -> byName.put(d.name(), d.value()));
        // every parameter without a default gets a value, or Bicep refuses the file
        assertThat(byName.keySet()).containsExactlyInAnyOrder("tier", "nodeCount", "adminPassword", "principalId");
        assertThat(byName.get("adminPassword")).isEqualTo(new BicepReader.Call("az.getSecret", List.of(
                str("00000000-0000-0000-0000-000000000001"), str("rg-secrets"), str("kv-hpc"),
                str("admin-password"))));
        assertThat(byName.get("principalId")).isEqualTo(new BicepReader.Call("readEnvironmentVariable",
                List.of(str("HPCB_PRINCIPAL_ID"))));
        assertThat(byName.get("nodeCount")).isEqualTo(new BicepReader.Int(4));
        assertThat(BicepParamWriter.environmentVariable("cycleCloudEntraClientId"))
                .isEqualTo("HPCB_CYCLE_CLOUD_ENTRA_CLIENT_ID");
    }

    private static BicepReader.Str str(String s) {
        return new BicepReader.Str(List.of(s));
    }

    @Test
    void symbolsAreReadableUniqueAndNeverKeywords() throws IOException {
        Map<Resource, String> symbols = BicepWriter.symbols(kitchenSink());
        assertThat(symbols.values()).doesNotHaveDuplicates().allMatch(s -> s.matches("[a-z][A-Za-z0-9]*"))
                .noneMatch(s -> BicepText.RESERVED.contains(s.toLowerCase(java.util.Locale.ROOT)));
        assertThat(symbols.values()).contains("vnetHub", "account", "accountDefault", "accountDefaultNode",
                "idKitchen", "accountRoleForPrincipal", "grantNetwork");
    }

    @Test
    void thePackageUsesOnlyTheArmCoreAndPlainJson() throws IOException {
        try (var files = Files.list(Path.of("src/main/java/io/github/hpcblueprints/bicep"))) {
            for (Path f : files.toList()) {
                Files.readAllLines(f).stream().filter(l -> l.startsWith("import io.github.hpcblueprints."))
                        .forEach(l -> assertThat(l).as(f.getFileName().toString())
                                .matches("import io\\.github\\.hpcblueprints\\.(arm|json)\\..*"));
                assertThat(Files.readString(f)).as(f.getFileName().toString())
                        .doesNotContainPattern("io\\.github\\.hpcblueprints\\.(?!arm\\.|bicep\\.|json\\.)[a-z]+\\.");
            }
        }
    }

    @Test
    void aResourceReferencedOnlyInAConditionOrLoopCountNeedsNoExplicitDependsOn() {
        Template.Builder b = Template.builder(Scope.RESOURCE_GROUP);
        b.resource(Resource.builder("Microsoft.ManagedIdentity/userAssignedIdentities", "2024-11-30", "id-a")
                .location(Expr.resourceGroupLocation()).build());
        Expr identity = Expr.resourceId("Microsoft.ManagedIdentity/userAssignedIdentities", Expr.str("id-a"));
        // reference() is refused in conditions and counts; the id is not
        b.resource(Resource.builder("Microsoft.Authorization/locks", "2020-05-01", "lock-a")
                .condition(Expr.call("not", Expr.call("empty", identity))).dependsOn(identity)
                .properties(io.github.hpcblueprints.arm.Json.obj("level", "CanNotDelete")).build());
        b.resource(Resource.builder("Microsoft.Authorization/locks", "2020-05-01", Expr.raw(
                "[format('lock-b-{0}', copyIndex())]")).copy(io.github.hpcblueprints.arm.Copy.of("locks",
                Expr.call("length", identity)))
                .dependsOn(identity).properties(io.github.hpcblueprints.arm.Json.obj("level", "ReadOnly")).build());
        Template t = b.build();
        Map<String, String> files = BicepWriter.write(t, "main.bicep", "");
        assertThat(files.get("main.bicep")).contains("= if (!(empty(idA.id))) {")
                .contains("= [for i in range(0, length(idA.id)): {")
                .doesNotContain("dependsOn");
        assertThat(BicepEquivalence.compare(t, files, "main.bicep")).isEmpty();
    }

    @Test
    void aSubscriptionTemplateSaysSo() {
        Template.Builder b = Template.builder(Scope.SUBSCRIPTION);
        b.resource(Resource.builder("Microsoft.Resources/resourceGroups", "2025-04-01", "rg-hpc")
                .location(Expr.raw("[deployment().location]")).build());
        Template t = b.build();
        String main = BicepWriter.write(t, "main.bicep", "").get("main.bicep");
        assertThat(main).startsWith("targetScope = 'subscription'\n\nresource rgHpc 'Microsoft.Resources/"
                + "resourceGroups@2025-04-01' = {\n  name: 'rg-hpc'\n  location: deployment().location\n}\n");
        assertThat(BicepEquivalence.compare(t, Map.of("main.bicep", main), "main.bicep")).isEmpty();
    }
}
