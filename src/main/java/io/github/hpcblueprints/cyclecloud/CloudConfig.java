package io.github.hpcblueprints.cyclecloud;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code #cloud-config} document with files to write and commands to run once, written by hand rather than by a
 * YAML library so that the output is byte-for-byte stable and file contents stay readable literal blocks.
 */
final class CloudConfig {

    /** @param encoding cloud-init's {@code encoding} of the content ({@code gz+b64}), empty for plain text */
    record WriteFile(String path, String permissions, String content, String encoding) {
    }

    private final List<String> comments = new ArrayList<>();
    private final List<WriteFile> files = new ArrayList<>();
    private final List<String> runcmd = new ArrayList<>();

    CloudConfig comment(String line) {
        comments.add(line);
        return this;
    }

    CloudConfig file(String path, String permissions, String content) {
        if (!path.matches("/[A-Za-z0-9._/-]+")) {
            throw new IllegalArgumentException("not a plain absolute path: " + path);
        }
        if (!content.endsWith("\n")) {
            throw new IllegalArgumentException(path + ": file content must end with a newline");
        }
        files.add(new WriteFile(path, permissions, content, ""));
        return this;
    }

    /**
     * A file cloud-init writes from gzip-compressed, base64-encoded content ({@code encoding: gz+b64}, cloud-init's
     * write_files module): for copies of files the output folder also holds in plain text, so that the whole
     * document stays within Azure's custom data limit.
     */
    CloudConfig compressedFile(String path, String permissions, String content) {
        file(path, permissions, content);
        String b64 = java.util.Base64.getMimeEncoder(76, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(Gzip.compress(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        files.set(files.size() - 1, new WriteFile(path, permissions, b64 + "\n", "gz+b64"));
        return this;
    }

    /** Runs an absolute path with no arguments (so nothing needs quoting). */
    CloudConfig run(String path) {
        runcmd.add(path);
        return this;
    }

    /** Runs a command given as plain words (letters, digits, {@code ./-_}), so nothing needs quoting. */
    CloudConfig run(String command, String... args) {
        List<String> words = new ArrayList<>(List.of(command));
        words.addAll(List.of(args));
        for (String w : words) {
            if (!w.matches("[A-Za-z0-9._/-]+")) {
                throw new IllegalArgumentException("not a plain word: " + w);
            }
        }
        runcmd.add(String.join(", ", words));
        return this;
    }

    String write() {
        StringBuilder sb = new StringBuilder("#cloud-config\n");
        comments.forEach(c -> sb.append("# ").append(c).append('\n'));
        sb.append("write_files:\n");
        for (WriteFile f : files) {
            sb.append("  - path: ").append(f.path()).append('\n');
            sb.append("    owner: root:root\n");
            sb.append("    permissions: '").append(f.permissions()).append("'\n");
            if (!f.encoding().isEmpty()) {
                sb.append("    encoding: ").append(f.encoding()).append('\n');
            }
            sb.append("    content: |\n");
            for (String line : f.content().split("\n", -1)) {
                if (line.isEmpty()) {
                    sb.append('\n');
                } else {
                    sb.append("      ").append(line).append('\n');
                }
            }
            // split() leaves one empty string after the final newline; the block keeps exactly one
            sb.setLength(sb.length() - 1);
        }
        sb.append("runcmd:\n");
        runcmd.forEach(r -> sb.append("  - [").append(r).append("]\n"));
        return sb.toString();
    }
}
