package io.github.hpcblueprints.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The list of files a run wrote into an output folder, with each file's SHA-256, in the format {@code sha256sum}
 * writes and checks ({@code sha256sum -c .hpcb-manifest} in the folder verifies it). Its presence marks the folder
 * as this tool's; its entries say which files may be replaced.
 */
record Manifest(Map<String, String> sha256ByPath) {

    static final String FILE_NAME = ".hpcb-manifest";

    Manifest {
        sha256ByPath = java.util.Collections.unmodifiableMap(new TreeMap<>(sha256ByPath));
    }

    /** Reads a manifest; empty when the text is not one (then the folder is not treated as ours). */
    static Optional<Manifest> parse(String text) {
        Map<String, String> out = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 67 || !line.substring(0, 64).matches("[0-9a-f]{64}")
                    || !line.startsWith("  ", 64)) {
                return Optional.empty();
            }
            out.put(line.substring(66), line.substring(0, 64));
        }
        return Optional.of(new Manifest(out));
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        sha256ByPath.forEach((path, hash) -> sb.append(hash).append("  ").append(path).append('\n'));
        return sb.toString();
    }

    boolean lists(String path) {
        return sha256ByPath.containsKey(path);
    }

    /** Whether {@code bytes} are what this manifest recorded for {@code path}. */
    boolean unchanged(String path, byte[] bytes) {
        return sha256(bytes).equals(sha256ByPath.get(path));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
