package io.github.hpcblueprints.cyclecloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.hpcblueprints.blueprint.BlueprintLoader;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.testing.Golden;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CycleCloud server's bootstrap against Azure's endpoints as a new VM meets them, served on 127.0.0.1: the
 * instance metadata service, a Key Vault that answers 403 until the role assignment has reached it, the
 * subscription reads that subscription.json grants after this VM exists, and a locker whose role and DNS record
 * arrive late. The real curl makes the calls; CycleCloud, apt and systemd are the sandbox's doubles. What Azure
 * answers on first boot comes from Azure's documentation: role assignments take up to minutes to apply
 * (learn.microsoft.com/azure/role-based-access-control/troubleshooting), and a secret that does not exist is a 404
 * (Key Vault REST, Get Secret).
 */
class BootstrapLoopbackTest {

    static final String TOKEN = "loopback-token-5d2c7e";

    @TempDir
    Path tmp;

    HttpServer server;
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger vaultForbiddenLeft = new AtomicInteger();
    final AtomicInteger armForbiddenLeft = new AtomicInteger();
    final AtomicInteger lockerMissingLeft = new AtomicInteger();
    volatile String secret;
    final AtomicInteger secretWrites = new AtomicInteger();
    final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void answer(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String query = x.getRequestURI().getRawQuery() == null ? "" : x.getRequestURI().getRawQuery();
        requests.add(x.getRequestMethod() + " " + path + "?" + query);
        String auth = x.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            authorizations.add(auth);
        }
        byte[] body = x.getRequestBody().readAllBytes();
        int code = 200;
        String out;
        if (path.equals("/metadata/instance/compute/userData")) {
            out = Base64.getEncoder().encodeToString(facts().getBytes(StandardCharsets.UTF_8));
        } else if (path.equals("/metadata/identity/oauth2/token")) {
            out = "{\"access_token\": \"" + TOKEN + "\", \"expires_in\": \"3599\"}";
        } else if (path.equals("/vault/secrets/cyclecloud-admin-password")) {
            if (vaultForbiddenLeft.getAndDecrement() > 0) {
                code = 403;
                out = "{\"error\": {\"code\": \"Forbidden\"}}";
            } else if (x.getRequestMethod().equals("PUT")) {
                secret = new String(body, StandardCharsets.UTF_8);
                secretWrites.incrementAndGet();
                out = secret;
            } else if (secret == null) {
                code = 404;
                out = "{\"error\": {\"code\": \"SecretNotFound\"}}";
            } else {
                out = secret;
            }
        } else if (path.equals("/vault/secrets/slurm-accounting-password")) {
            // set by the deployment from its secure parameter, before the server exists
            out = "{\"value\": \"Accounting-Passw0rd-from-the-deployment\"}";
        } else if (path.startsWith("/arm/subscriptions/")) {
            code = armForbiddenLeft.getAndDecrement() > 0 ? 403 : 200;
            out = "{\"value\": []}";
        } else if (path.equals("/blob/cyclecloud")) {
            code = lockerMissingLeft.getAndDecrement() > 0 ? 404 : 200;
            out = "";
        } else {
            code = 404;
            out = "no such stub: " + path;
        }
        byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            x.getResponseBody().write(bytes);
        }
        x.close();
    }

    static String facts() {
        return ScriptBehaviourTest.FACTS;
    }

    ScriptSandbox sandbox() throws IOException {
        List<String> stubs = new ArrayList<>(ScriptSandbox.STUBS);
        stubs.remove("curl");
        ScriptSandbox box = new ScriptSandbox(tmp, stubs);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        box.extraEnv.putAll(Map.of("HPCB_IMDS", base, "HPCB_VAULT_URL", base + "/vault", "HPCB_ARM_URL",
                base + "/arm", "HPCB_BLOB_URL", base + "/blob", "HPCB_READY_ATTEMPTS", "3",
                "HPCB_VAULT_ATTEMPTS", "3"));
        // CycleCloud's packages are installed (the stubs' apt keeps that state): no download in this test
        Files.writeString(box.state.resolve("installed.cyclecloud8"), "");
        return box;
    }

    static String bootstrap(ScriptSandbox box) throws IOException {
        ClusterEnvironment env = new BlueprintLoader(Path.of("target/profile-cache"), Duration.ofSeconds(1))
                .load(Golden.projectDir().resolve("blueprints/secure-slurm-lustre.yaml")).environment();
        return ScriptBehaviourTest.cloudInit(box, CycleCloudFiles.serverCloudInit(env));
    }

    long count(String prefix) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.startsWith(prefix)).count();
        }
    }

    @Test
    void aForbiddenVaultALateLockerAndARebootMidWayEndInOneSetUpThatASecondRunLeavesAlone() throws Exception {
        ScriptSandbox box = sandbox();
        String script = bootstrap(box);
        vaultForbiddenLeft.set(2);   // the role assignment reaches the vault after two tries
        armForbiddenLeft.set(1);     // subscription.json grants the subscription reads a little later
        lockerMissingLeft.set(5);    // the locker is not reachable within this boot's three tries

        ScriptSandbox.Run first = box.run("bootstrap.sh", script);
        assertThat(first.exit()).as("the first boot gives up at the locker:\n" + first.stderr()).isNotZero();
        assertThat(first.stderr()).as(box.calls() + Files.readString(box.root.resolve("var/log/hpcb-bootstrap.log"))).contains("Key Vault answered HTTP 403").contains("not ready yet (HTTP 403")
                .contains("the locker stlkgenomicsabc never became ready");
        assertThat(secretWrites).as("the password was generated once, after the 403s").hasValue(1);
        assertThat(box.calls()).contains("cyclecloud account create").doesNotContain("project upload");
        assertThat(box.root.resolve("var/lib/hpcb/bootstrap.done")).doesNotExist();
        assertThat(box.root.resolve("root/.cycle/config.ini")).as("removed even after a failure").doesNotExist();

        // systemd starts it again (after a failure, or at the next boot): it resumes where it stopped
        String callsBefore = box.calls();
        ScriptSandbox.Run second = box.run("bootstrap.sh", script);
        assertThat(second.exit()).as(second.stderr()).isZero();
        String resumed = box.calls().substring(callsBefore.length());
        assertThat(resumed).doesNotContain("account create").contains("cyclecloud project upload azure-storage")
                .contains("cyclecloud create_cluster hpcb-genomics genomics");
        assertThat(secretWrites).as("the password in Key Vault is kept").hasValue(1);
        assertThat(box.root.resolve("var/lib/hpcb/bootstrap.done")).exists();

        // a run after completion (the unit's condition skips it; by hand it must change nothing)
        var snapshot = box.snapshot();
        String callsDone = box.calls();
        ScriptSandbox.Run third = box.run("bootstrap.sh", script);
        assertThat(third.exit()).as(third.stderr()).isZero();
        assertThat(box.snapshot()).isEqualTo(snapshot);
        assertThat(box.calls().substring(callsDone.length())).doesNotContain("account create")
                .doesNotContain("create_cluster").doesNotContain("apt-get install");
        assertThat(secretWrites).hasValue(1);

        // every call carried the token in a header, none on a command line
        assertThat(authorizations).isNotEmpty().allSatisfy(a -> assertThat(a).isEqualTo("Bearer " + TOKEN));
        assertThat(box.calls()).doesNotContain(TOKEN);
        assertThat(box.allText()).doesNotContain(TOKEN);
        assertThat(count("GET /arm/subscriptions/00000000-0000-0000-0000-000000000001/providers/Microsoft.Compute/"
                + "locations/uksouth/usages")).isEqualTo(2);
    }

    @Test
    void anAdministratorOnTheServerReadsThePasswordTheBootstrapCreated() throws Exception {
        ScriptSandbox box = sandbox();
        String script = bootstrap(box);
        assertThat(box.run("bootstrap.sh", script).exit()).isZero();
        String helper = Files.readString(box.root.resolve("opt/hpcb/show-admin-password"));
        ScriptSandbox.Run shown = box.run("show-admin-password", helper);
        assertThat(shown.exit()).as(shown.stderr()).isZero();
        String password = new com.fasterxml.jackson.databind.ObjectMapper().readTree(secret).path("value").asText();
        assertThat(shown.stderr().strip()).isEqualTo(password); // the sandbox returns stdout after stderr
        assertThat(box.calls()).doesNotContain(TOKEN);
    }

    @Test
    void aVaultThatStaysForbiddenStopsTheRunWithTheReasonAndWritesNothing() throws Exception {
        ScriptSandbox box = sandbox();
        String script = bootstrap(box);
        vaultForbiddenLeft.set(100);
        ScriptSandbox.Run run = box.run("bootstrap.sh", script);
        assertThat(run.exit()).isNotZero();
        assertThat(run.stderr()).contains("cannot read Key Vault secret cyclecloud-admin-password")
                .contains("does the vault's firewall or private endpoint admit this subnet?");
        assertThat(count("GET /vault/secrets/cyclecloud-admin-password")).isEqualTo(3);
        assertThat(secretWrites).hasValue(0);
        assertThat(box.calls()).doesNotContain("cyclecloud ");
    }
}
