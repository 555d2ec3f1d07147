package io.github.hpcblueprints.testing;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An HTTPS server on 127.0.0.1 with a self-signed certificate made for the test run (by the JDK's keytool), and an
 * HTTP client that trusts exactly that certificate. Serves fixed bodies by path and counts requests.
 */
public final class LoopbackHttpsServer implements AutoCloseable {

    private static final char[] PASSWORD = "test-only-keystore".toCharArray();

    private final HttpsServer server;
    private final SSLContext clientContext;
    private final TrustManagerFactory trust;
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    private LoopbackHttpsServer(HttpsServer server, SSLContext clientContext, TrustManagerFactory trust) {
        this.server = server;
        this.clientContext = clientContext;
        this.trust = trust;
    }

    /** Starts a server; {@code workDir} receives the keystore. */
    public static LoopbackHttpsServer start(Path workDir) throws IOException, GeneralSecurityException,
            InterruptedException {
        Path keystore = workDir.resolve("loopback.p12");
        if (!Files.exists(keystore)) {
            makeKeystore(keystore);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, tmf.getTrustManagers(), null);

        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        LoopbackHttpsServer s = new LoopbackHttpsServer(server, clientContext, tmf);
        server.createContext("/", exchange -> {
            s.requests.incrementAndGet();
            byte[] body = s.bodies.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        return s;
    }

    private static void makeKeystore(Path keystore) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "loopback", "-keyalg", "EC",
                "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }

    /** Hands every request under {@code prefix} to {@code handler} (an API stub, with its own responses). */
    public LoopbackHttpsServer route(String prefix, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(prefix, exchange -> {
            requests.incrementAndGet();
            handler.handle(exchange);
        });
        return this;
    }

    /** Trust in exactly this server's certificate, for clients that build their own TLS (Netty). */
    public TrustManagerFactory trust() {
        return trust;
    }

    /** Serves {@code body} at {@code path}. */
    public LoopbackHttpsServer serve(String path, byte[] body) {
        bodies.put(path, body);
        return this;
    }

    public URI uri(String path) {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public int requests() {
        return requests.get();
    }

    /** A client that trusts this server's certificate (and no other). */
    public HttpClient client() {
        return HttpClient.newBuilder().sslContext(clientContext).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
