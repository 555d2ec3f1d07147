package io.github.hpcblueprints.files;

import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes a folder all at once, and only a folder this tool wrote itself. Files go to a hidden staging folder beside
 * the target and replace the target only on {@link #commit()}; a failure before commit leaves the target as it was.
 *
 * <p>Every folder it writes carries a {@value Manifest#FILE_NAME} (the SHA-256 of each file it wrote, in
 * {@code sha256sum} format). The manifest is how a later run knows what it may replace: files the manifest lists are
 * replaced (or removed when no longer written); files it does not list are the user's and are carried over
 * untouched; an edited file, a user's file where a generated one must go, or a folder with no manifest at all is
 * refused unless {@link Overwrite#FORCE} is given, and even then nothing the tool did not write is deleted.
 *
 * <p>The swap is two renames. A process killed between them leaves {@code .NAME.old-*} beside a missing target;
 * the next {@link #create} puts it back (or clears it when the swap had finished) before doing anything else.
 *
 * <pre>{@code
 * try (StagedDirectory out = StagedDirectory.create(Path.of("generated/hpc"), Overwrite.SAFE)) {
 *     out.write("azuredeploy.json", json);
 *     out.commit();
 * }
 * }</pre>
 */
public final class StagedDirectory implements AutoCloseable {

    /** What may be replaced in an existing target folder. */
    public enum Overwrite {
        /** Only files this tool wrote and nobody changed since. */
        SAFE,
        /** Also edited generated files and files in the way of a generated one; still deletes nothing foreign. */
        FORCE
    }

    private final Path target;
    private final Path staging;
    private final Overwrite overwrite;
    /** Keep the files an earlier run wrote that this one does not write (a partial update, such as the docs). */
    private final boolean partial;
    /** What was written: each file's SHA-256 by relative path, which becomes the manifest. */
    private final Map<String, String> written = new TreeMap<>();
    private boolean committed;

    private StagedDirectory(Path target, Path staging, Overwrite overwrite, boolean partial) {
        this.target = target;
        this.staging = staging;
        this.overwrite = overwrite;
        this.partial = partial;
    }

    /** Stages a replacement of {@code target}, which must be a folder this tool wrote (see the class comment). */
    public static StagedDirectory create(Path target) {
        return create(target, Overwrite.SAFE);
    }

    public static StagedDirectory create(Path target, Overwrite overwrite) {
        return stage(target, overwrite, false);
    }

    /**
     * Stages an update of some files of {@code target}: the files written replace theirs, and every file an earlier
     * run wrote and this one does not is kept, still listed in the manifest as it was recorded (so an edited one
     * stays known as edited). Writing {@code README.md} alone this way leaves the templates beside it in place.
     */
    public static StagedDirectory update(Path target, Overwrite overwrite) {
        return stage(target, overwrite, true);
    }

    private static StagedDirectory stage(Path target, Overwrite overwrite, boolean partial) {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        try {
            Files.createDirectories(parent);
            SwapRecovery.recover(abs);
            Path staging = parent.resolve(SwapRecovery.stagingName(abs));
            Files.createDirectory(staging);
            return new StagedDirectory(abs, staging, overwrite, partial);
        } catch (IOException e) {
            throw new BlueprintException(Problem.of("OUT-IO", "cannot create the output folder: " + e.getMessage(),
                    Location.of(abs.toString(), 0, 0), "check that the parent folder is writable"));
        }
    }

    /**
     * What writing {@code files} into {@code target} would refuse, without touching anything: lets a caller check
     * every target before writing any.
     */
    public static List<Problem> check(Path target, java.util.Set<String> files, Overwrite overwrite) {
        return check(target, files, overwrite, false);
    }

    /** As {@link #check(Path, java.util.Set, Overwrite)}, for an {@link #update} when {@code partial}. */
    public static List<Problem> check(Path target, java.util.Set<String> files, Overwrite overwrite,
            boolean partial) {
        Path abs = target.toAbsolutePath().normalize();
        try {
            Path effective = SwapRecovery.effectiveTarget(abs);
            return Ownership.of(effective).refusals(effective, files, overwrite, partial);
        } catch (IOException e) {
            return List.of(Problem.of("OUT-IO", "cannot read " + abs + ": " + e.getMessage(),
                    Location.of(abs.toString(), 0, 0), "check the folder's permissions"));
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
            written.put(relativePath.replace('\\', '/'), Manifest.sha256(content));
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
        return Collections.unmodifiableList(new ArrayList<>(written.keySet()));
    }

    /**
     * Replaces the target folder with what was written plus the user's own files from the old one.
     *
     * @return the user's files carried over (relative paths), so a caller can say so
     */
    public List<String> commit() {
        if (committed) {
            throw new IllegalStateException("already committed");
        }
        List<String> kept;
        try {
            Ownership owner = Ownership.of(target);
            List<Problem> refusals = owner.refusals(target, written.keySet(), overwrite, partial);
            if (!refusals.isEmpty()) {
                throw new BlueprintException(refusals);
            }
            if (partial) {
                written.putAll(owner.keepGenerated(target, staging, written.keySet()));
            }
            kept = owner.carryOver(target, staging, written.keySet());
            Files.writeString(staging.resolve(Manifest.FILE_NAME), new Manifest(written).text());
            CrashPoint.reach("staged");
            Path old = target.resolveSibling(SwapRecovery.oldName(target));
            boolean hadTarget = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
            if (hadTarget) {
                move(target, old);
            }
            CrashPoint.reach("old-moved");
            try {
                move(staging, target);
            } catch (IOException e) {
                if (hadTarget) {
                    move(old, target);
                }
                throw e;
            }
            committed = true;
            CrashPoint.reach("swapped");
            if (hadTarget) {
                SwapRecovery.discardOld(old, target);
            }
        } catch (IOException e) {
            throw new BlueprintException(Problem.of("OUT-IO", "cannot move the output into place: " + e.getMessage(),
                    Location.of(target.toString(), 0, 0), "check that nothing holds the folder open"));
        }
        return kept;
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                Trees.delete(staging);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove staging folder " + staging, e);
            }
        }
    }

    private Path resolve(String relativePath) {
        Path file = staging.resolve(relativePath).normalize();
        if (!file.startsWith(staging) || relativePath.isBlank() || file.equals(staging)
                || file.getFileName().toString().equals(Manifest.FILE_NAME)) {
            throw new IllegalArgumentException("'" + relativePath + "' is not a path inside the output folder");
        }
        return file;
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static List<Path> siblings(Path target, String prefix) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(target.getParent())) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(target.getParent(), prefix + "*")) {
            s.forEach(out::add);
        }
        Collections.sort(out);
        return out;
    }
}
