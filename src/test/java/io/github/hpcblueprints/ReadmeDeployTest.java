package io.github.hpcblueprints;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.hpc.Defaults;
import io.github.hpcblueprints.json.JsonTrees;
import io.github.hpcblueprints.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's deploy section, line by line, against what {@code generate} wrote for the default blueprint: every
 * parameter the commands pass and every output they read exists, every resource they name is deployed, and every
 * file and unit they mention is in the server's cloud-init. (Azure itself cannot be reached from here; what the
 * commands do there is the Azure CLI's documented behaviour.)
 */
class ReadmeDeployTest {

    static final Path PROJECT = Golden.projectDir();

    static String deploySection() throws IOException {
        String readme = Files.readString(PROJECT.resolve("README.md"));
        int from = readme.indexOf("Deploy with the Azure CLI.");
        int to = readme.indexOf("Or deploy the Bicep.");
        assertThat(from).isPositive();
        assertThat(to).isGreaterThan(from);
        return readme.substring(from, to);
    }

    static JsonNode generated(String blueprint, String file) throws IOException {
        return JsonTrees.parse(Files.readString(PROJECT.resolve("generated/" + blueprint + "/" + file)));
    }

    static List<String> all(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyParameterOutputAndResourceTheCommandsNameExists() throws IOException {
        String section = deploySection();
        JsonNode rg = generated("minimal-slurm-nfs", "azuredeploy.json");
        JsonNode sub = generated("minimal-slurm-nfs", "subscription.json");
        // parameters: -p name=value on the group and subscription commands
        for (String name : all(Pattern.compile("[ ]([a-zA-Z]+ObjectId|adminSshPublicKey|keyVaultCreateMode)="),
                section)) {
            assertThat(rg.path("parameters").has(name)).as("azuredeploy.json parameter " + name).isTrue();
        }
        assertThat(sub.path("parameters").has("cycleCloudPrincipalId")).isTrue();
        assertThat(rg.path("parameters").path("keyVaultCreateMode").path("allowedValues").toString())
                .contains("recover");
        // outputs read back with az deployment group show
        for (String output : all(Pattern.compile("properties\\.outputs\\.([A-Za-z]+)\\.value"), section)) {
            boolean found = false;
            for (String b : List.of("minimal-slurm-nfs", "secure-slurm-lustre", "existing-vnet")) {
                found |= generated(b, "azuredeploy.json").path("outputs").has(output);
            }
            assertThat(found).as("output " + output).isTrue();
        }
        // resources named in the commands
        String rgText = rg.toString();
        for (String name : all(Pattern.compile("-n (vm-teaching-cc|bas-teaching)"), section)) {
            assertThat(rgText).contains("\"name\":\"" + name + "\"");
        }
        JsonNode bastion = null;
        for (JsonNode r : rg.path("resources")) {
            if (r.path("type").asText().equals("Microsoft.Network/bastionHosts")) {
                bastion = r;
            }
        }
        assertThat(bastion).isNotNull();
        assertThat(bastion.path("sku").path("name").asText()).isEqualTo("Standard");
        assertThat(bastion.path("properties").path("enableTunneling").asBoolean())
                .as("az network bastion ssh/tunnel need native-client tunnelling").isTrue();
        assertThat(section).contains("hpcb-budget-start");
        assertThat(rgText).contains("hpcb-budget-start");
    }

    @Test
    void whatTheSectionSaysTheServerDoesIsInItsCloudInit() throws IOException {
        String section = deploySection();
        String cloudInit = Files.readString(PROJECT.resolve("generated/minimal-slurm-nfs/cloud-init/vm-teaching-cc.yaml"));
        for (String mentioned : List.of("hpcb-bootstrap.service", "/opt/hpcb/bootstrap.sh", "/opt/hpcb/show-admin-password",
                "/var/lib/hpcb/bootstrap.done", "cyclecloud initialize --batch", "done: CycleCloud is ready at https://")) {
            assertThat(section).contains(mentioned);
            assertThat(cloudInit).as(mentioned).contains(mentioned);
        }
        // "the unit writes to the serial console", which is what az vm boot-diagnostics shows
        assertThat(cloudInit).contains("StandardOutput=journal+console").contains("StandardError=journal+console");
        assertThat(section).contains("CycleCloud\n" + Defaults.CYCLECLOUD_VERSION + " ")
                .contains("grep 'hpcb bootstrap.sh'");
        assertThat(cloudInit).contains("log() { printf 'hpcb %s: %s\\n' \"${0##*/}\"");
        // host encryption: "every hardened one; not minimal-slurm-nfs"
        assertThat(generated("minimal-slurm-nfs", "azuredeploy.json").toString()).doesNotContain("encryptionAtHost");
        for (String hardened : List.of("secure-slurm-lustre", "existing-vnet", "research-instances")) {
            assertThat(generated(hardened, "azuredeploy.json").toString()).contains("\"encryptionAtHost\":true");
        }
    }

    @Test
    void theFirstJobWalkThroughMatchesTheDefaultCluster() throws IOException {
        String section = deploySection();
        assertThat(section).contains("srun -p htc hostname").contains("--target-ip-address <login node address>");
        String cluster = Files.readString(PROJECT.resolve("generated/minimal-slurm-nfs/cyclecloud/teaching.txt"));
        assertThat(cluster).contains("slurm.partition = htc").contains("[[nodearray login]]");
        // the nodes are off until a job needs them ("idle~"): they are autoscaled with a SuspendTime
        assertThat(Files.readString(PROJECT.resolve("generated/minimal-slurm-nfs/cyclecloud/teaching.parameters.json")))
                .contains("SuspendTime=600");
        JsonNode rg = generated("minimal-slurm-nfs", "azuredeploy.json");
        String text = rg.toString();
        assertThat(text).contains("\"enableIpConnect\":true");
        // no Entra ID SSH on cluster nodes, and no login role where no VM has the extension (no instances here)
        assertThat(cluster).doesNotContain("AADSSHLogin");
        assertThat(text).doesNotContain("fb879df8-f326-4884-b1cf-06f3ad86be52").doesNotContain("1c0163c0-47e6-4577-8991-ea5c82e286e4");
        assertThat(generated("research-instances", "azuredeploy.json").toString())
                .contains("fb879df8-f326-4884-b1cf-06f3ad86be52").contains("AADSSHLoginForLinux");
    }
}
