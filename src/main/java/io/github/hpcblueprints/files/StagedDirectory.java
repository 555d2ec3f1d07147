package io.github.hpcblueprints.files;

import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Writes a folder all at once: files go to a hidden staging folder beside the target and replace the target only on
 * {@link #commit()}. A failure or an exception before commit leaves the target as it was and removes the staging
 * folder, so readers never see a half-written output.
 *
 * <pre>{@code
 * try (StagedDirectory out = StagedDirectory.create(Path.of("generated/hpc"))) {
 *     out.write("azuredeploy.json", json);
 *     out.commit();
 * }
 * }</pre>
 */
public final class StagedDirectory implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private final Set<String> written = new TreeSet<>();
    private boolean committed;

    private StagedDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    public static StagedDirectory create(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        try {
            Files.createDirectories(parent);
            Path staging = parent.resolve("." + abs.getFileName() + ".staging-" + UUID.randomUUID());
            Files.createDirectory(staging);
            return new StagedDirectory(abs, staging);
        } catch (IOException e) {
            throw new BlueprintException(Problem.of("OUT-IO", "cannot create the output folder: " + e.getMessage(),
                    Location.of(abs.toString(), 0, 0), "check that the parent folder is writable"));
        }
    }

    /** The folder that {@link #commit()} fills. */
    public Path target() {
        return target;
    }

    /** Writes a UTF-8 text file at a relative path ({@code a/b.txt}); parents are created. */
    public void write(String relativePath, String content) {
        write(relativePath, content.getBytes(StandardCharsets.UTF_8));
    }

    public void write(String relativePath, byte[] content) {
        Path file = resolve(relativePath);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            written.add(relativePath.replace('\\', '/'));
        } catch (IOException e) {
            throw new BlueprintException(Problem.of("OUT-IO", "cannot write " + relativePath + ": " + e.getMessage(),
                    Location.of(target.resolve(relativePath).toString(), 0, 0), "check free space and permissions"));
        }
    }

    /** Marks a written file executable (scripts). */
    public void makeExecutable(String relativePath) {
        Path file = resolve(relativePath);
        if (!file.toFile().setExecutable(true, false)) {
            throw new UncheckedIOException(new IOException("cannot make " + relativePath + " executable"));
        }
    }

    /** The relative paths written so far, sorted. */
    public List<String> files() {
        return Collections.unmodifiableList(new ArrayList<>(written));
    }

    /** Replaces the target folder with what was written. */
    public void commit() {
        if (committed) {
            throw new IllegalStateException("already committed");
        }
        Path old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
        try {
            boolean hadTarget = Files.exists(target);
            if (hadTarget) {
                move(target, old);
            }
            try {
                move(staging, target);
            } catch (IOException e) {
                if (hadTarget) {
                    move(old, target);
                }
                throw e;
            }
            committed = true;
            if (hadTarget) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new BlueprintException(Problem.of("OUT-IO", "cannot move the output into place: " + e.getMessage(),
                    Location.of(target.toString(), 0, 0), "check that nothing holds the folder open"));
        }
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove staging folder " + staging, e);
            }
        }
    }

    private Path resolve(String relativePath) {
        Path file = staging.resolve(relativePath).normalize();
        if (!file.startsWith(staging) || relativePath.isBlank()) {
            throw new IllegalArgumentException("'" + relativePath + "' is not a path inside the output folder");
        }
        return file;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
