package io.github.hpcblueprints.blueprint;

import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Where an {@code extends:} profile comes from: a path relative to the blueprint, a {@code classpath:} resource (an
 * organisation publishes its profiles as a Maven artifact and adds it to the plugin's dependencies), or an
 * {@code https://} URL pinned with {@code #sha256=<hex>}, fetched once and then read from a local cache. A pinned
 * profile is verified every time it is used; plain {@code http://} is accepted only for loopback addresses.
 */
final class ProfileSource {

    /** A fetched or read profile: its text and the name it is reported under. */
    record Loaded(String text, String name, Path directory) {
    }

    private final Path cacheDir;
    private final Duration timeout;
    /** Made on first use: most runs read no https profile, and a client costs its TLS set-up at start. */
    private final java.util.function.Supplier<HttpClient> clientFactory;
    private HttpClient client;

    ProfileSource(Path cacheDir, Duration timeout) {
        this.cacheDir = cacheDir;
        this.timeout = timeout;
        this.clientFactory = () -> HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** With a given HTTP client: tests trust their own loopback server's certificate through it. */
    ProfileSource(Path cacheDir, Duration timeout, HttpClient client) {
        this.cacheDir = cacheDir;
        this.timeout = timeout;
        this.clientFactory = () -> client;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = clientFactory.get();
        }
        return client;
    }

    /** The default cache: {@code -Dhpcb.cache}, {@code $XDG_CACHE_HOME/hpc-blueprints}, or {@code ~/.cache/hpc-blueprints}. */
    static Path defaultCache() {
        String prop = System.getProperty("hpcb.cache", "");
        if (!prop.isEmpty()) {
            return Path.of(prop);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("hpc-blueprints");
    }

    /**
     * Loads {@code ref} as written in {@code from} (whose directory relative paths start from; null for classpath or
     * remote profiles, which may only extend classpath or remote profiles).
     */
    Loaded load(String ref, Path fromDirectory, Location at) {
        if (ref.startsWith("classpath:")) {
            return classpath(ref.substring("classpath:".length()), at);
        }
        if (ref.startsWith("https://") || ref.startsWith("http://")) {
            return remote(ref, at);
        }
        if (fromDirectory == null) {
            throw fail(at, "profile '" + ref + "' is a relative path inside a classpath or remote profile",
                    "a shared profile can extend only classpath: or https:// profiles");
        }
        Path file = fromDirectory.resolve(ref).normalize();
        if (!Files.isRegularFile(file)) {
            throw fail(at, "profile '" + ref + "' not found (looked for " + file + ")",
                    "check the path; it is relative to the file that extends it");
        }
        try {
            return new Loaded(Files.readString(file, StandardCharsets.UTF_8), file.toString(), file.getParent());
        } catch (IOException e) {
            throw fail(at, "cannot read profile " + file + ": " + e.getMessage(), "check its permissions");
        }
    }

    private Loaded classpath(String resource, Location at) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl == null) {
            cl = ProfileSource.class.getClassLoader();
        }
        try (InputStream in = cl.getResourceAsStream(name)) {
            if (in == null) {
                throw fail(at, "profile 'classpath:" + resource + "' is not on the classpath",
                        "add the artifact that publishes it to the plugin's dependencies (or the CLI's classpath)");
            }
            return new Loaded(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + name, null);
        } catch (IOException e) {
            throw fail(at, "cannot read classpath:" + resource + ": " + e.getMessage(), "");
        }
    }

    private Loaded remote(String ref, Location at) {
        int hash = ref.indexOf("#sha256=");
        if (hash < 0) {
            throw fail(at, "remote profile '" + ref + "' has no #sha256= pin",
                    "append #sha256=<hex of the file> so a changed profile cannot change your environment silently");
        }
        String url = ref.substring(0, hash);
        String expected = ref.substring(hash + "#sha256=".length()).toLowerCase(Locale.ROOT);
        if (!expected.matches("[0-9a-f]{64}")) {
            throw fail(at, "the pin '" + expected + "' is not a SHA-256 hex digest", "use sha256sum's 64 hex digits");
        }
        URI uri = URI.create(url);
        if ("http".equals(uri.getScheme()) && !isLoopback(uri.getHost())) {
            throw fail(at, "profile '" + url + "' uses plain http", "use https:// (http is accepted only for "
                    + "loopback addresses)");
        }
        Path cached = cacheDir.resolve("profiles").resolve(expected + ".yaml");
        if (Files.isRegularFile(cached)) {
            try {
                byte[] bytes = Files.readAllBytes(cached);
                if (sha256(bytes).equals(expected)) {
                    return new Loaded(new String(bytes, StandardCharsets.UTF_8), url, null);
                }
            } catch (IOException e) {
                // unreadable cache entry: fetch again
            }
        }
        byte[] body;
        try {
            HttpResponse<byte[]> response = client().send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw fail(at, "cannot fetch profile " + url + ": HTTP " + response.statusCode(),
                        "check the URL; a cached copy is used when it matches the pin");
            }
            body = response.body();
        } catch (SSLException e) {
            throw fail(at, "cannot fetch profile " + url + ": the server's TLS certificate is not trusted",
                    "the certificate must chain to a CA this Java runtime trusts (add a private CA with keytool "
                            + "-importcert), or put the pinned file in " + cached.getParent());
        } catch (IOException e) {
            throw fail(at, "cannot fetch profile " + url + ": " + why(e), "check the network, or put the pinned file "
                    + "in " + cached.getParent());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(at, "interrupted while fetching " + url, "");
        }
        String actual = sha256(body);
        if (!actual.equals(expected)) {
            throw fail(at, "profile " + url + " does not match its pin: expected sha256 " + expected + ", got "
                    + actual, "review the change, then update the pin if it is intended");
        }
        try {
            Files.createDirectories(cached.getParent());
            Path tmp = Files.createTempFile(cached.getParent(), ".profile", ".tmp");
            Files.write(tmp, body);
            Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // caching is an optimisation: the verified profile is still used
        }
        return new Loaded(new String(body, StandardCharsets.UTF_8), url, null);
    }

    /** An I/O failure in words, not exception class names. */
    private String why(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toSeconds() + " s";
        }
        if (e instanceof ConnectException) {
            return "the host refused the connection or cannot be reached";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "the connection failed" : m;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static BlueprintException fail(Location at, String message, String hint) {
        return new BlueprintException(Problem.of("BLUEPRINT-EXTENDS", message, at, hint));
    }
}
