package io.github.hpcblueprints.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.arm.ArmReader;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** No secret in any file we write; and the scanner that says so does find each kind of leak. */
class SecretScannerTest {

    @TempDir
    Path tmp;

    @Test
    void noGeneratedFileHoldsASecret() throws IOException {
        Path generated = Golden.projectDir().resolve("generated");
        try (Stream<Path> s = Files.walk(generated)) {
            assertThat(s.filter(Files::isRegularFile).count()).as("files scanned").isGreaterThan(10);
        }
        List<Problem> found = SecretScanner.scanFolder(generated);
        assertThat(found).extracting(Problem::describe).isEmpty();
    }

    static Stream<Arguments> leaks() {
        String pem = "-----BEGIN " + "OPENSSH PRIVATE KEY-----";
        String key = "A".repeat(40) + "b".repeat(46) + "==";
        return Stream.of(
                Arguments.of("private key", "key: |\n  " + pem + "\n", "SECRET-TEXT", 2),
                Arguments.of("connection string", "DefaultEndpointsProtocol=https;AccountName=x;AccountKey="
                        + key + ";", "SECRET-TEXT", 1),
                Arguments.of("SAS", "url: https://x.blob.core.windows.net/c?sv=2024-11-04&sig="
                        + "abcdEFGH1234abcdEFGH1234%2B%3D", "SECRET-TEXT", 1),
                Arguments.of("client secret", "secret=abc8Q~" + "x".repeat(34), "SECRET-TEXT", 1),
                Arguments.of("password literal", "#cloud-config\nruncmd:\n  - export PASSWORD=Sup3rSecretPw\n",
                        "SECRET-TEXT", 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leaks")
    void findsCredentialShapedText(String kind, String text, String code, int line) {
        List<Problem> found = SecretScanner.scanText("f.txt", text);
        assertThat(found).as(kind).isNotEmpty();
        assertThat(found.get(0).code()).isEqualTo(code);
        assertThat(found.get(0).location().line()).isEqualTo(line);
        assertThat(found.get(0).message()).doesNotContain(text.substring(Math.max(0, text.length() - 12)).trim());
    }

    @Test
    void proseAboutPasswordsIsNotASecret() {
        assertThat(SecretScanner.scanText("README.md", String.join("\n",
                "The administrator password is generated in Key Vault on first boot.",
                "adminPassword: \"[parameters('adminPassword')]\"",
                "PASSWORD=$(az keyvault secret show --query value -o tsv)",
                "password: ${CC_PASSWORD}"))).isEmpty();
    }

    @Test
    void findsStructuralLeaksInTemplates() {
        String template = """
                {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                  "contentVersion": "1.0.0.0",
                  "parameters": {
                    "adminPassword": {"type": "string"},
                    "vmSecret": {"type": "securestring", "defaultValue": "changeme"},
                    "adminSshPublicKey": {"type": "string"},
                    "token": {"type": "securestring"}
                  },
                  "resources": [
                    {
                      "type": "Microsoft.Storage/storageAccounts",
                      "apiVersion": "2025-06-01",
                      "name": "st1",
                      "location": "uksouth",
                      "tags": {"t": "[parameters('token')]"},
                      "properties": {"password": "literal-value-1",
                                     "osProfile": {"customData": "I2Nsb3VkLWNvbmZpZwpydW5jbWQ6CiAgLSBleHBvcnQgUEFTU1dPUkQ9U3VwM3JTZWNyZXRQdwo="}}
                    }
                  ],
                  "outputs": {
                    "keys": {"type": "object", "value": "[listKeys(resourceId('Microsoft.Storage/storageAccounts', 'st1'), '2025-06-01')]"},
                    "pw": {"type": "string", "value": "[parameters('vmSecret')]"}
                  }
                }
                """;
        List<Problem> found = SecretScanner.scanTemplate(ArmReader.read(template, "t.json"));
        assertThat(found).extracting(p -> p.code() + " " + p.location().jsonPath()).containsExactlyInAnyOrder(
                "SECRET-PARAM-TYPE $.parameters.adminPassword.type",
                "SECRET-DEFAULT $.parameters.vmSecret.defaultValue",
                "SECRET-LEAK $.resources[0].tags.t",
                "SECRET-LITERAL $.resources[0].properties.password",
                "SECRET-TEXT $.resources[0].properties.osProfile.customData",
                "SECRET-LEAK $.outputs.keys.value",
                "SECRET-LEAK $.outputs.pw.value");
        assertThat(found).allSatisfy(p -> assertThat(p.location().line()).isPositive());
    }

    @Test
    void findsLiteralValuesForSecureParametersButAcceptsKeyVaultReferences() {
        String template = """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                 "contentVersion": "1.0.0.0",
                 "parameters": {"a": {"type": "securestring"}, "b": {"type": "securestring"}, "c": {"type": "string"}},
                 "resources": []}
                """;
        String params = """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
                 "contentVersion": "1.0.0.0",
                 "parameters": {
                   "a": {"value": "hunter2hunter2"},
                   "b": {"reference": {"keyVault": {"id": "/subscriptions/x"}, "secretName": "b"}},
                   "c": {"value": "plain"}}}
                """;
        List<Problem> found = SecretScanner.scanParameters(ArmReader.read(params, "p.json"),
                ArmReader.read(template, "t.json"));
        assertThat(found).extracting(p -> p.location().jsonPath()).containsExactly("$.parameters.a.value");
        assertThat(found.get(0).location().line()).isEqualTo(4);
    }

    @Test
    void scansAWholeFolderPairingParametersWithTheirTemplate() throws IOException {
        Files.writeString(tmp.resolve("azuredeploy.json"), """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                 "contentVersion": "1.0.0.0", "parameters": {"x": {"type": "securestring"}}, "resources": []}
                """);
        Files.writeString(tmp.resolve("azuredeploy.parameters.json"), """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
                 "contentVersion": "1.0.0.0", "parameters": {"x": {"value": "s3cret-value"}}}
                """);
        assertThat(SecretScanner.scanFolder(tmp)).extracting(Problem::code).containsExactly("SECRET-PARAM-VALUE");
    }
}
