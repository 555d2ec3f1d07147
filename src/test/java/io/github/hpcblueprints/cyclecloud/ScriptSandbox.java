package io.github.hpcblueprints.cyclecloud;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a generated script against a scratch root ({@code HPCB_ROOT}) with test doubles of the system commands on
 * {@code PATH} (see {@code stubs.sh}), recording every call. Tools that only touch the scratch root (python3, awk,
 * install, sed...) are the real ones.
 */
final class ScriptSandbox {

    static final List<String> STUBS = List.of("curl", "gpg", "apt-get", "dpkg-query", "dpkg", "apt-cache", "uname",
            "hostname", "systemctl", "mount", "mountpoint", "getent", "groupadd", "chown", "jetpack", "cyclecloud",
            "sleep", "scontrol", "unzip", "dnf", "apt-mark");

    final Path root;
    final Path state;
    final Path bin;
    final String token = "stub-token-" + "7f3e2d1c0b9a";

    ScriptSandbox(Path dir) throws IOException {
        this(dir, STUBS);
    }

    /** A sandbox whose test doubles are {@code stubs} (the loopback test leaves curl real). */
    ScriptSandbox(Path dir, List<String> stubs) throws IOException {
        root = Files.createDirectories(dir.resolve("root"));
        state = Files.createDirectories(dir.resolve("state"));
        bin = Files.createDirectories(dir.resolve("bin"));
        Path dispatcher = dir.resolve("stubs.sh");
        try (InputStream in = ScriptSandbox.class.getResourceAsStream("stubs.sh")) {
            Files.write(dispatcher, in.readAllBytes());
        }
        for (String name : stubs) {
            executable(bin.resolve(name), "#!/usr/bin/env bash\nexec bash " + dispatcher + " " + name + " \"$@\"\n");
        }
        executable(Files.createDirectories(root.resolve("opt/cycle_server")).resolve("cycle_server"),
                "#!/usr/bin/env bash\nexec bash " + dispatcher + " cycle_server \"$@\"\n");
        Files.createDirectories(root.resolve("opt/cycle_server/config/data"));
        Files.writeString(root.resolve("opt/cycle_server/config/cycle_server.properties"),
                "webServerPort=8080\nwebServerSslPort=8443\nwebServerEnableHttps=false\n");
        Files.createDirectories(root.resolve("etc/ssh"));
        Files.writeString(root.resolve("etc/ssh/sshd_config"), "PermitRootLogin prohibit-password\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\nusers:x:100:\n");
        Files.writeString(root.resolve("etc/fstab"), "LABEL=cloudimg-rootfs / ext4 defaults 0 1\n");
        Files.writeString(root.resolve("etc/os-release"), "ID=ubuntu\nVERSION_ID=\"22.04\"\nVERSION_CODENAME=jammy\n");
        Files.createDirectories(root.resolve("usr/local/bin"));
        Files.createDirectories(root.resolve("root"));
        Files.writeString(state.resolve("calls.log"), "");
    }

    /** The VM's userData, as ARM would fill it in. */
    ScriptSandbox facts(String json) throws IOException {
        Files.writeString(state.resolve("userdata.b64"),
                Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** What {@code jetpack config} answers on a cluster node. */
    ScriptSandbox jetpack(String json) throws IOException {
        Files.writeString(state.resolve("jetpack.json"), json);
        return this;
    }

    record Run(int exit, String stderr) {
    }

    /** Extra environment for the next runs (endpoints of a loopback stub, fewer attempts). */
    final Map<String, String> extraEnv = new TreeMap<>();

    /** Runs {@code script} (its text) with bash; returns its exit status and stderr. */
    Run run(String name, String script) throws IOException, InterruptedException {
        Path file = state.getParent().resolve(name);
        executable(file, script);
        ProcessBuilder pb = new ProcessBuilder("bash", file.toString()).redirectErrorStream(false);
        Map<String, String> env = pb.environment();
        env.put("PATH", bin + ":/usr/bin:/bin");
        env.put("HPCB_ROOT", root.toString());
        env.put("STUB_STATE", state.toString());
        env.put("STUB_TOKEN", token);
        env.put("HPCB_RETRY_DELAY", "0");
        env.put("LC_ALL", "C");
        env.putAll(extraEnv);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(name + " did not finish");
        }
        return new Run(p.exitValue(), err + new String(out, StandardCharsets.UTF_8));
    }

    String calls() throws IOException {
        return Files.readString(state.resolve("calls.log"));
    }

    /** Every file under the scratch root (except logs, which grow by design) with a digest of content and mode. */
    Map<String, String> snapshot() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString();
                if (rel.startsWith("var/log/")) {
                    continue;
                }
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                out.put(rel, digest(Files.readAllBytes(p)) + " " + perms);
            }
        }
        return out;
    }

    /** Every file's text under the scratch root, for secret searches. */
    String allText() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                sb.append("== ").append(root.relativize(p)).append('\n');
                sb.append(new String(Files.readAllBytes(p), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return sb.toString();
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        if (!file.toFile().setExecutable(true, false)) {
            throw new IOException("cannot make " + file + " executable");
        }
    }
}
