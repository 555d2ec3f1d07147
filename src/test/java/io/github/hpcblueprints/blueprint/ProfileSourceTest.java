package io.github.hpcblueprints.blueprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.SecurityProfile;
import io.github.hpcblueprints.testing.LoopbackHttpsServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles from a path, the classpath and a pinned https:// URL (served on 127.0.0.1), with their failures. */
class ProfileSourceTest {

    static final String PROFILE = String.join("\n",
            "region: northeurope",
            "profile: baseline",
            "tags:",
            "  owner: central-it",
            "  costCentre: IT-1",
            "");

    static final String BLUEPRINT_BODY = String.join("\n",
            "name: remote",
            "network:",
            "  addressSpace: 10.60.0.0/22",
            "tags:",
            "  project: p1",
            "researchInstances:",
            "  - name: ws01",
            "    vmSize: Standard_D4as_v5",
            "");

    @TempDir
    static Path shared;

    static LoopbackHttpsServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startServer() throws Exception {
        server = LoopbackHttpsServer.start(shared);
        server.serve("/profiles/central.yaml", PROFILE.getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    static String pin() {
        return ProfileSource.sha256(PROFILE.getBytes(StandardCharsets.UTF_8));
    }

    private BlueprintLoader loader(Path cache) {
        return new BlueprintLoader(new ProfileSource(cache, Duration.ofSeconds(5), server.client()));
    }

    private Path blueprint(String extendsLine) throws IOException {
        Path file = tmp.resolve("remote.yaml");
        Files.writeString(file, "extends: " + extendsLine + "\n" + BLUEPRINT_BODY);
        return file;
    }

    private static Problem onlyProblem(Throwable t) {
        assertThat(t).isInstanceOf(BlueprintException.class);
        BlueprintException e = (BlueprintException) t;
        assertThat(e.problems()).hasSize(1);
        Problem p = e.problems().get(0);
        assertThat(p.location().source()).endsWith("remote.yaml");
        assertThat(p.location().line()).isEqualTo(1);
        assertThat(p.location().jsonPath()).isEqualTo("$.extends");
        assertThat(p.describe()).doesNotContain("Exception");
        return p;
    }

    @Test
    void aPinnedHttpsProfileIsFetchedVerifiedAndThenServedFromTheCache() throws Exception {
        Path cache = tmp.resolve("cache");
        Path file = blueprint(server.uri("/profiles/central.yaml") + "#sha256=" + pin());
        int before = server.requests();

        ClusterEnvironment env = loader(cache).load(file).environment();
        assertThat(env.region()).isEqualTo("northeurope");
        assertThat(env.profile()).isEqualTo(SecurityProfile.BASELINE);
        assertThat(env.tags()).containsEntry("owner", "central-it").containsEntry("costCentre", "IT-1")
                .containsEntry("project", "p1");
        assertThat(server.requests()).isEqualTo(before + 1);
        assertThat(cache.resolve("profiles").resolve(pin() + ".yaml")).hasContent(PROFILE);

        // second load: from the cache, no request
        loader(cache).load(file);
        assertThat(server.requests()).isEqualTo(before + 1);
    }

    @Test
    void aCachedProfileIsUsedWhenTheHostIsUnreachable() throws Exception {
        Path cache = tmp.resolve("cache");
        Files.createDirectories(cache.resolve("profiles"));
        Files.writeString(cache.resolve("profiles").resolve(pin() + ".yaml"), PROFILE);
        Path file = blueprint("https://127.0.0.1:" + closedPort() + "/central.yaml#sha256=" + pin());
        assertThat(loader(cache).load(file).environment().region()).isEqualTo("northeurope");
    }

    @Test
    void aTamperedCacheEntryIsNotTrusted() throws Exception {
        Path cache = tmp.resolve("cache");
        Files.createDirectories(cache.resolve("profiles"));
        Files.writeString(cache.resolve("profiles").resolve(pin() + ".yaml"), PROFILE.replace("baseline", "hardened"));
        Path file = blueprint(server.uri("/profiles/central.yaml") + "#sha256=" + pin());
        assertThat(loader(cache).load(file).environment().profile()).isEqualTo(SecurityProfile.BASELINE);
        assertThat(cache.resolve("profiles").resolve(pin() + ".yaml")).hasContent(PROFILE);
    }

    @Test
    void aWrongPinIsAClearErrorAndNothingIsCached() throws Exception {
        Path cache = tmp.resolve("cache");
        String wrong = "0".repeat(64);
        Problem p = onlyProblem(catchThrowableOfType(BlueprintException.class,
                () -> loader(cache).load(blueprint(server.uri("/profiles/central.yaml") + "#sha256=" + wrong))));
        assertThat(p.message()).contains("does not match its pin").contains(wrong).contains(pin());
        assertThat(p.hint()).contains("update the pin");
        assertThat(cache.resolve("profiles").resolve(wrong + ".yaml")).doesNotExist();
    }

    @Test
    void anUnpinnedUrlIsRefusedBeforeAnyRequest() throws Exception {
        int before = server.requests();
        Problem p = onlyProblem(catchThrowableOfType(BlueprintException.class,
                () -> loader(tmp.resolve("cache")).load(blueprint(server.uri("/profiles/central.yaml").toString()))));
        assertThat(p.message()).contains("no #sha256= pin");
        assertThat(p.hint()).contains("#sha256=");
        assertThat(server.requests()).isEqualTo(before);
    }

    @Test
    void aMalformedPinIsRefused() throws Exception {
        Problem p = onlyProblem(catchThrowableOfType(BlueprintException.class,
                () -> loader(tmp.resolve("cache")).load(blueprint(server.uri("/x.yaml") + "#sha256=abc"))));
        assertThat(p.message()).contains("not a SHA-256 hex digest");
    }

    @Test
    void anUnreachableHostIsAClearError() throws Exception {
        Problem p = onlyProblem(catchThrowableOfType(BlueprintException.class, () -> loader(tmp.resolve("cache"))
                .load(blueprint("https://127.0.0.1:" + closedPort() + "/central.yaml#sha256=" + pin()))));
        assertThat(p.message()).startsWith("cannot fetch profile https://127.0.0.1:");
        assertThat(p.hint()).contains("check the network");
    }

    @Test
    void aMissingRemoteFileIsAClearError() throws Exception {
        Problem p = onlyProblem(catchThrowableOfType(BlueprintException.class, () -> loader(tmp.resolve("cache"))
                .load(blueprint(server.uri("/profiles/gone.yaml") + "#sha256=" + pin()))));
        assertThat(p.message()).contains("HTTP 404");
    }

    @Test
    void anUntrustedCertificateIsRefused() throws Exception {
        // the default client trusts only the JDK's CAs, not the test's self-signed certificate
        BlueprintLoader strict = new BlueprintLoader(tmp.resolve("cache"), Duration.ofSeconds(5));
        Problem p = onlyProblem(catchThrowableOfType(BlueprintException.class,
                () -> strict.load(blueprint(server.uri("/profiles/central.yaml") + "#sha256=" + pin()))));
        assertThat(p.message()).startsWith("cannot fetch profile");
    }

    @Test
    void plainHttpIsRefusedExceptOnLoopback() throws Exception {
        Problem p = onlyProblem(catchThrowableOfType(BlueprintException.class, () -> loader(tmp.resolve("cache"))
                .load(blueprint("http://192.0.2.10/central.yaml#sha256=" + pin()))));
        assertThat(p.message()).contains("plain http");
        assertThat(p.hint()).contains("https://");
    }

    @Test
    void aClasspathProfileComesFromTheClasspath() throws Exception {
        ClusterEnvironment env = loader(tmp.resolve("cache")).load(blueprint("classpath:org-profiles/faculty.yaml"))
                .environment();
        assertThat(env.region()).isEqualTo("westeurope");
        assertThat(env.tags()).containsEntry("owner", "faculty-it").containsEntry("project", "p1");
        assertThat(env.cost().budget()).isEqualTo(900);
    }

    @Test
    void aMissingClasspathProfileSaysWhichArtifactToAdd() throws Exception {
        Problem p = onlyProblem(catchThrowableOfType(BlueprintException.class,
                () -> loader(tmp.resolve("cache")).load(blueprint("classpath:org-profiles/none.yaml"))));
        assertThat(p.message()).contains("is not on the classpath");
        assertThat(p.hint()).contains("plugin's dependencies");
    }

    @Test
    void aRemoteProfileMayNotReachIntoTheLocalDisk() throws Exception {
        String sneaky = "extends: ../../etc/profile.yaml\nregion: uksouth\n";
        server.serve("/profiles/sneaky.yaml", sneaky.getBytes(StandardCharsets.UTF_8));
        String pin = ProfileSource.sha256(sneaky.getBytes(StandardCharsets.UTF_8));
        Throwable t = catchThrowableOfType(BlueprintException.class, () -> loader(tmp.resolve("cache"))
                .load(blueprint(server.uri("/profiles/sneaky.yaml") + "#sha256=" + pin)));
        Problem p = ((BlueprintException) t).problems().get(0);
        assertThat(p.message()).contains("relative path inside a classpath or remote profile");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
