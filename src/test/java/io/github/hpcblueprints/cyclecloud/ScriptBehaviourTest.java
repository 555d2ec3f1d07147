package io.github.hpcblueprints.cyclecloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.hpcblueprints.blueprint.BlueprintLoader;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.Project;
import io.github.hpcblueprints.hpc.ResearchInstance;
import io.github.hpcblueprints.hpc.SlurmCluster;
import io.github.hpcblueprints.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated scripts, run twice each against a scratch root with recorded test doubles of the system: they make
 * the calls they should, never put a secret on a command line, and the second run changes nothing.
 */
class ScriptBehaviourTest {

    static final String FACTS = """
            {"environment": "genomics", "cluster": "genomics", "region": "uksouth",
             "subscriptionId": "00000000-0000-0000-0000-000000000001", "resourceGroup": "rg-genomics",
             "tenantId": "00000000-0000-0000-0000-0000000000aa", "adminUser": "hpcadmin",
             "clusterSubnetId": "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-genomics/providers/Microsoft.Network/virtualNetworks/vnet-genomics/subnets/compute",
             "cycleCloudIdentityId": "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-genomics/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-genomics-cyclecloud",
             "cycleCloudClientId": "11111111-1111-1111-1111-111111111111",
             "nodeIdentityId": "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-genomics/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-genomics-nodes",
             "projectIdentities": {"alpha": "/subscriptions/x/id-genomics-alpha", "beta": "/subscriptions/x/id-genomics-beta"},
             "keyVaultName": "kv-genomics-abc", "lockerAccount": "stlkgenomicsabc", "dataAccount": "stdtgenomicsabc",
             "nfsAccount": "stnfsgenomicsabc", "lustreMgsAddress": "10.40.3.4", "netappAddress": "10.40.4.4",
             "entraClientId": "",
             "identityClientId": "22222222-2222-2222-2222-222222222222", "project": "alpha",
             "accountingHost": "mysql-genomics-abc.genomics.private.mysql.database.azure.com",
             "accountingUser": "slurmdbd", "accountingSecret": "slurm-accounting-password"}
            """;

    static ClusterEnvironment secure;
    static ClusterEnvironment instances;
    static ClusterEnvironment minimal;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        BlueprintLoader loader = new BlueprintLoader(Path.of("target/profile-cache"), Duration.ofSeconds(1));
        secure = loader.load(Golden.projectDir().resolve("blueprints/secure-slurm-lustre.yaml")).environment();
        instances = loader.load(Golden.projectDir().resolve("blueprints/research-instances.yaml")).environment();
        minimal = loader.load(Golden.projectDir().resolve("blueprints/minimal-slurm-nfs.yaml")).environment();
    }

    private static void twiceWithoutChange(ScriptSandbox box, String name, String script) throws Exception {
        ScriptSandbox.Run first = box.run(name, script);
        assertThat(first.exit()).as(name + " first run:\n" + first.stderr()).isZero();
        Map<String, String> after = box.snapshot();
        String callsAfterFirst = box.calls();
        ScriptSandbox.Run second = box.run(name, script);
        assertThat(second.exit()).as(name + " second run:\n" + second.stderr()).isZero();
        assertThat(box.snapshot()).as(name + ": the second run changes no file").isEqualTo(after);
        String secondCalls = box.calls().substring(callsAfterFirst.length());
        assertThat(secondCalls).as(name + ": the second run installs, creates and mounts nothing")
                .doesNotContain("apt-get install").doesNotContain("groupadd").doesNotContain("mount -t")
                .doesNotContain("account create").doesNotContain("create_cluster").doesNotContain("reload");
    }

    /** A write_files entry's content as cloud-init writes it: plain, or decoded from {@code gz+b64}. */
    static String content(JsonNode writeFile) throws IOException {
        String text = writeFile.path("content").asText();
        if (!writeFile.path("encoding").asText().equals("gz+b64")) {
            return text;
        }
        byte[] gz = java.util.Base64.getMimeDecoder().decode(text);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Does what cloud-init would: writes the files of the server's cloud-config; returns the bootstrap script. */
    static String cloudInit(ScriptSandbox box, String cloudConfig) throws IOException {
        JsonNode doc = new YAMLMapper().readTree(cloudConfig);
        String bootstrap = null;
        for (JsonNode f : doc.path("write_files")) {
            Path target = box.root.resolve(f.path("path").asText().substring(1));
            Files.createDirectories(target.getParent());
            Files.writeString(target, content(f));
            if (f.path("path").asText().endsWith("bootstrap.sh")) {
                bootstrap = content(f);
            }
        }
        // cloud-init only enables the unit; systemd runs the bootstrap (see BootstrapUnitTest)
        assertThat(doc.path("runcmd").get(0).toString())
                .isEqualTo("[\"systemctl\",\"enable\",\"--now\",\"--no-block\",\"hpcb-bootstrap.service\"]");
        assertThat(box.root.resolve("etc/systemd/system/hpcb-bootstrap.service")).exists();
        return bootstrap;
    }

    @Test
    void theServerBootstrapInstallsConfiguresAndImportsWithoutExposingSecrets() throws Exception {
        ScriptSandbox box = new ScriptSandbox(tmp).facts(FACTS);
        String script = cloudInit(box, CycleCloudFiles.serverCloudInit(secure));
        assertThat(script).isEqualTo(CycleCloudFiles.bootstrap(secure));
        twiceWithoutChange(box, "bootstrap.sh", script);

        String calls = box.calls();
        assertThat(calls).contains("apt-get install -y openjdk-8-jre-headless cyclecloud8=8.9.1-\\* unzip python3-venv")
                .contains("apt-mark hold cyclecloud8")
                .contains("cycle_server restart")
                .contains("cyclecloud account create -f")
                .contains("cyclecloud project upload azure-storage")
                .contains("cyclecloud import_template hpcb-genomics -f")
                .contains("cyclecloud create_cluster hpcb-genomics genomics -p");
        // the identity is named on every token request: the VM must not guess
        assertThat(calls.lines().filter(l -> l.contains("oauth2/token")))
                .allSatisfy(l -> assertThat(l).contains("client_id=11111111-1111-1111-1111-111111111111"));

        JsonNode secret = new ObjectMapper().readTree(box.state.resolve("secret.json").toFile());
        String password = secret.path("value").asText();
        assertThat(password).hasSize(32);
        // the CLI is set up the documented way (cyclecloud initialize --batch), the one command given the password
        String quoted = password.replace("!", "\\!"); // as the call log %q-quotes it
        assertThat(calls.lines().filter(l -> l.contains(quoted))).hasSize(2) // one per run
                .allSatisfy(l -> assertThat(l).startsWith("cyclecloud initialize --batch --force "));
        assertThat(calls).as("no token on any command line").doesNotContain(box.token);
        String files = box.allText();
        assertThat(files).as("no password or token left on disk").doesNotContain(password).doesNotContain(box.token);
        assertThat(box.root.resolve("root/.cycle/config.ini")).as("the CLI's configuration is removed").doesNotExist();
        try (var data = Files.list(box.root.resolve("opt/cycle_server/config/data"))) {
            assertThat(data).as("the administrator record was destroyed after import").isEmpty();
        }

        JsonNode account = new ObjectMapper().readTree(box.state.resolve("cc.account").toFile());
        assertThat(account.path("LockerAuthMode").asText()).isEqualTo("ManagedIdentity");
        // nodes read the locker with their own identity, never CycleCloud's (which can create VMs)
        assertThat(account.path("LockerIdentity").asText()).endsWith("/id-genomics-nodes");
        // secure-slurm-lustre runs AlmaLinux's HPC image, sold under marketplace terms CycleCloud accepts
        assertThat(account.path("AcceptMarketplaceTerms").asBoolean()).isTrue();
        assertThat(account.path("RMStorageAccount").asText()).isEqualTo("stlkgenomicsabc");
        assertThat(account.path("AzureRMUseManagedIdentity").asBoolean()).isTrue();
        JsonNode params = new ObjectMapper().readTree(box.state.resolve("cc.cluster").toFile());
        assertThat(params.path("SubnetId").asText()).isEqualTo("rg-genomics/vnet-genomics/compute");
        assertThat(params.path("LustreAddress").asText()).isEqualTo("10.40.3.4");
        assertThat(params.path("NetAppAddress").asText()).isEqualTo("10.40.4.4");
        assertThat(params.path("ProjectIdentity_alpha").asText()).isEqualTo("/subscriptions/x/id-genomics-alpha");
        // no accounting here: no database password is read, none is passed
        assertThat(params.has("AccountingPassword")).isFalse();
        assertThat(calls).doesNotContain("slurm-accounting-password");
        assertThat(Files.readString(box.root.resolve("opt/cycle_server/config/cycle_server.properties")))
                .contains("webServerEnableHttps=true").contains("webServerSslPort=443");

        assertThat(box.root.resolve("var/lib/hpcb/bootstrap.done")).hasContent("cluster=genomics\n"
                + "url=https://10.40.0.4/");
        assertThat(Files.readString(box.root.resolve("var/log/hpcb-bootstrap.log")))
                .contains("hpcb bootstrap.sh: done: CycleCloud is ready at https://10.40.0.4/");
    }

    @Test
    void aPasswordAlreadyInKeyVaultIsReusedNotReplaced() throws Exception {
        ScriptSandbox box = new ScriptSandbox(tmp).facts(FACTS);
        Files.writeString(box.state.resolve("secret.json"), "{\"value\": \"Existing-Passw0rd!\"}");
        ScriptSandbox.Run run = box.run("bootstrap.sh", cloudInit(box, CycleCloudFiles.serverCloudInit(secure)));
        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(box.calls()).doesNotContain("PUT");
        assertThat(box.calls()).contains("--password=Existing-Passw0rd\\!");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"403", "malformed"})
    void theBootstrapStopsWhenKeyVaultCannotBeRead(String failure) throws Exception {
        ScriptSandbox box = new ScriptSandbox(tmp).facts(FACTS);
        if (failure.equals("malformed")) {
            Files.writeString(box.state.resolve("secret.json"), "not json");
        } else {
            Files.writeString(box.state.resolve("vault.status"), failure);
        }
        ScriptSandbox.Run run = box.run("bootstrap.sh", cloudInit(box, CycleCloudFiles.serverCloudInit(secure)));
        assertThat(run.exit()).as(run.stderr()).isNotZero();
        assertThat(run.stderr()).contains("cannot read Key Vault secret cyclecloud-admin-password");
        assertThat(box.calls()).doesNotContain("PUT").doesNotContain("account create");
        assertThat(box.root.resolve("var/lib/hpcb/bootstrap.done")).doesNotExist();
    }

    @Test
    void hardeningWritesTheSshDropInAndMakesSshdReadIt() throws Exception {
        ScriptSandbox box = new ScriptSandbox(tmp);
        String script = ClusterInitProject.render(secure).get("specs/default/cluster-init/scripts/10-hardening.sh");
        twiceWithoutChange(box, "10-hardening.sh", script);
        assertThat(box.root.resolve("etc/ssh/sshd_config.d/10-hpcb.conf")).content()
                .contains("PasswordAuthentication no").contains("PermitRootLogin no");
        assertThat(Files.readString(box.root.resolve("etc/ssh/sshd_config")))
                .startsWith("Include /etc/ssh/sshd_config.d/*.conf\n");
        assertThat(box.calls()).containsOnlyOnce("systemctl reload ssh");
    }

    @Test
    void projectGroupsGetStableIdsAndTheirMembers() throws Exception {
        ClusterEnvironment env = ClusterEnvironment.named("lab").region("uksouth").tag("owner", "x")
                .network(n -> n.addressSpace("10.10.0.0/20"))
                .cluster(SlurmCluster.named("lab")
                        .partition("htc", p -> p.vmSize("Standard_F2s_v2").maxNodes(2)).build())
                .project(new Project("alpha", "a", "alphaGroupObjectId", "", 0,
                        List.of("htc")).withMembers("alice", "bob"))
                .project(new Project("beta", "b", "betaGroupObjectId", "", 0,
                        List.of()))
                .source("lab.yaml").build();
        ScriptSandbox box = new ScriptSandbox(tmp);
        String script = ClusterInitProject.render(env).get("specs/default/cluster-init/scripts/20-project-groups.sh");
        twiceWithoutChange(box, "20-project-groups.sh", script);
        assertThat(Files.readString(box.root.resolve("etc/group")))
                .contains("proj-alpha:x:" + ClusterInitProject.gid("alpha") + ":alice,bob\n")
                .contains("proj-beta:x:" + ClusterInitProject.gid("beta") + ":\n");
        assertThat(ClusterInitProject.gid("alpha")).isBetween(20_000, 59_999).isEqualTo(
                ClusterInitProject.gid("alpha"));
    }

    /** The node's CloudInit from the cluster template, with the placeholders the CycleCloud server fills in. */
    static String nodeCloudInit(ClusterEnvironment env) {
        String script = cloudInitIn(ClusterTemplate.render(env));
        assertThat(script).as("the cluster template has a node CloudInit").isNotEmpty();
        return script.replace("{{nfsAccount}}", "stnfs");
    }

    /** A cluster template's node CloudInit (the text between {@code CloudInit = '''} and {@code '''}); "" if none. */
    static String cloudInitIn(String clusterTemplate) {
        String open = "CloudInit = '''";
        int from = clusterTemplate.indexOf(open);
        return from < 0 ? "" : clusterTemplate.substring(from + open.length(),
                clusterTemplate.indexOf("'''", from + open.length()));
    }

    /**
     * One node's first and second boot, in the order CycleCloud runs them: its cloud-init (CloudInit), then
     * CycleCloud's user creation (homes under /shared/home), then the cluster-init scripts in spec and name order.
     * Homes must be made on the mounted share, never under a mount point that hides them afterwards.
     */
    @Test
    void aNodeMountsSharedBeforeHomesAreMadeAndASecondBootChangesNothing() throws Exception {
        ScriptSandbox box = new ScriptSandbox(tmp).jetpack("{}");
        String cloudInit = nodeCloudInit(minimal);
        List<Map.Entry<String, String>> clusterInit = ClusterInitProject.render(minimal).entrySet().stream()
                .filter(e -> e.getKey().startsWith("specs/default/cluster-init/scripts/")).toList();
        for (int boot = 1; boot <= 2; boot++) {
            ScriptSandbox.Run mount = box.run("cloud-init.sh", cloudInit);
            assertThat(mount.exit()).as(mount.stderr()).isZero();
            // CycleCloud's user step: it makes a home where /shared/home is, whatever is mounted there
            ScriptSandbox.Run users = box.run("cyclecloud-users.sh", """
                    set -euo pipefail
                    mountpoint -q /shared || { echo "homes made before /shared is mounted" >&2; exit 1; }
                    mkdir -p "$HPCB_ROOT/shared/home/alice/.ssh"
                    """);
            assertThat(users.exit()).as(users.stderr()).isZero();
            for (var s : clusterInit) {
                ScriptSandbox.Run run = box.run(s.getKey().substring(s.getKey().lastIndexOf('/') + 1), s.getValue());
                assertThat(run.exit()).as(s.getKey() + ": " + run.stderr()).isZero();
            }
            if (boot == 1) {
                assertThat(box.calls()).containsOnlyOnce("apt-get install -y aznfs")
                        .contains("dpkg -i").contains("apt-get update")
                        .containsOnlyOnce("mount -t aznfs -o vers=4.1 stnfs.file.core.windows.net:/stnfs/shared "
                                + "/shared");
            }
        }
        assertThat(Files.readString(box.root.resolve("etc/fstab")))
                .containsOnlyOnce("stnfs.file.core.windows.net:/stnfs/shared /shared aznfs vers=4.1,_netdev,nofail");
        assertThat(box.calls()).as("the second boot installs and mounts nothing").containsOnlyOnce("mount -t aznfs")
                .containsOnlyOnce("apt-get install -y aznfs");
        // with the old order (cluster-init after the user step) the user step runs before anything is mounted
        ScriptSandbox fresh = new ScriptSandbox(tmp.resolve("old-order"));
        ScriptSandbox.Run early = fresh.run("cyclecloud-users.sh", """
                set -euo pipefail
                mountpoint -q /shared || { echo "homes made before /shared is mounted" >&2; exit 1; }
                """);
        assertThat(early.exit()).isNotZero();
        assertThat(early.stderr()).contains("homes made before /shared is mounted");
    }

    @Test
    void projectPartitionsAreForMembersOnly() throws Exception {
        ScriptSandbox box = new ScriptSandbox(tmp);
        String script = ClusterInitProject.render(secure)
                .get("specs/scheduler/cluster-init/scripts/10-project-partitions.sh");
        twiceWithoutChange(box, "10-project-partitions.sh", script);
        String lua = Files.readString(box.root.resolve("etc/slurm/job_submit.lua"));
        String restricted = lua.substring(lua.indexOf("local restricted"), lua.indexOf("}\n"));
        assertThat(restricted).contains("[\"htc-alpha\"] = \"proj-alpha\"").contains("[\"hpc-alpha\"] = \"proj-alpha\"")
                .contains("[\"htc-beta\"] = \"proj-beta\"").doesNotContain("[\"htc\"]");
        assertThat(lua).doesNotContain("local qos");
    }

    /**
     * With accounting: the job-submit filter charges every partition (shared or a project's) to its partition's
     * QOS and a project's partition to that project; and the database password reaches CycleCloud only in
     * create_cluster's parameters, read from Key Vault into a file that is gone when the run ends.
     */
    @Test
    void withAccountingJobsAreChargedAndTheDatabasePasswordStaysInKeyVault() throws Exception {
        ClusterEnvironment lab = new BlueprintLoader(Path.of("target/profile-cache"), Duration.ofSeconds(1))
                .load(Golden.projectDir().resolve("blueprints/enforced-budgets.yaml")).environment();
        ScriptSandbox box = new ScriptSandbox(tmp).facts(FACTS.replace("\"cluster\": \"genomics\"",
                "\"cluster\": \"lab\"").replace("\"alpha\": \"/subscriptions/x/id-genomics-alpha\", \"beta\": "
                + "\"/subscriptions/x/id-genomics-beta\"", "\"chem\": \"/subscriptions/x/id-lab-chem\""));
        twiceWithoutChange(box, "10-project-partitions.sh", ClusterInitProject.render(lab)
                .get("specs/scheduler/cluster-init/scripts/10-project-partitions.sh"));
        assertThat(Files.readString(box.root.resolve("etc/slurm/job_submit.lua")))
                .contains("[\"htc\"] = {name = \"part-htc\", factor = 1.0000}")
                .contains("[\"htc-chem\"] = {name = \"part-htc\"").contains("[\"htc-chem\"] = \"chem\"")
                .contains("local default_minutes = 60");

        ScriptSandbox.Run run = box.run("bootstrap.sh", cloudInit(box, CycleCloudFiles.serverCloudInit(lab)));
        assertThat(run.exit()).as(run.stderr()).isZero();
        String password = new ObjectMapper().readTree(box.state.resolve("secret.json").toFile()).path("value")
                .asText();
        JsonNode params = new ObjectMapper().readTree(box.state.resolve("cc.cluster").toFile());
        assertThat(params.path("AccountingUrl").asText())
                .isEqualTo("mysql-genomics-abc.genomics.private.mysql.database.azure.com");
        assertThat(params.path("AccountingUser").asText()).isEqualTo("slurmdbd");
        assertThat(params.path("AccountingPassword").asText()).isEqualTo(password);
        assertThat(box.calls()).contains("/secrets/slurm-accounting-password\\?api-version=7.4")
                .doesNotContain(password.replace("!", "\\!") + "\n" + "cyclecloud create_cluster");
        assertThat(Files.readString(box.root.resolve("opt/hpcb/cyclecloud/lab.parameters.json")))
                .doesNotContain("AccountingPassword");
        assertThat(box.allText()).as("no password left on disk").doesNotContain(password);
    }

    @Test
    void projectDirectoriesBelongToTheirGroup() throws Exception {
        ScriptSandbox box = new ScriptSandbox(tmp);
        String script = ClusterInitProject.render(secure)
                .get("specs/scheduler/cluster-init/scripts/20-project-directories.sh");
        twiceWithoutChange(box, "20-project-directories.sh", script);
        for (String dir : new String[] {"lustre/projects/alpha", "shared/projects/beta"}) {
            assertThat(box.root.resolve(dir)).isDirectory();
            assertThat(Files.getPosixFilePermissions(box.root.resolve(dir))).contains(
                    PosixFilePermission.GROUP_WRITE).doesNotContain(PosixFilePermission.OTHERS_READ);
        }
        assertThat(box.calls()).contains("chown root:proj-alpha " + box.root + "/lustre/projects/alpha");
    }

    @Test
    void aResearchInstanceGetsToolsMountsAndItsProjectsSettings() throws Exception {
        ResearchInstance viz = instances.instances().get(0);
        ScriptSandbox box = new ScriptSandbox(tmp).facts(FACTS);
        twiceWithoutChange(box, "instance-setup.sh", CycleCloudFiles.instanceScript(instances, viz));
        String calls = box.calls();
        assertThat(calls).contains("apt-get install -y git tmux htop build-essential python3-venv python3-pip "
                + "environment-modules nfs-common azcopy");
        for (String mp : viz.mounts()) {
            assertThat(calls.lines().filter(l -> l.startsWith("mount -t") && l.endsWith(" " + mp)))
                    .as("mounted once: " + mp).hasSize(1);
        }
        if (!viz.project().isEmpty()) {
            assertThat(box.root.resolve("etc/profile.d/hpcb-project.sh")).content()
                    .contains("AZCOPY_AUTO_LOGIN_TYPE=MSI")
                    .contains("AZCOPY_MSI_CLIENT_ID=22222222-2222-2222-2222-222222222222")
                    .contains("https://stdtgenomicsabc.blob.core.windows.net/project-" + viz.project());
        }
        assertThat(box.root.resolve("var/lib/hpcb/instance.done")).exists();
    }
}
