package io.github.hpcblueprints.files;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Names of the hidden folders beside a target during a swap, and the clean-up after a run that died mid-swap:
 * a missing target with an {@code .old-*} copy beside it gets that copy back; leftover staging folders go.
 */
final class SwapRecovery {

    private static final System.Logger LOG = System.getLogger(SwapRecovery.class.getName());

    private SwapRecovery() {
    }

    static String stagingName(Path target) {
        return stagingPrefix(target) + UUID.randomUUID();
    }

    static String oldName(Path target) {
        return oldPrefix(target) + UUID.randomUUID();
    }

    private static String stagingPrefix(Path target) {
        return "." + target.getFileName() + ".staging-";
    }

    private static String oldPrefix(Path target) {
        return "." + target.getFileName() + ".old-";
    }

    /** The folder whose ownership decides a write: the target, or the copy recovery would put back. */
    static Path effectiveTarget(Path target) throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return target;
        }
        return newestOld(target).orElse(target);
    }

    static void recover(Path target) throws IOException {
        for (Path staging : StagedDirectory.siblings(target, stagingPrefix(target))) {
            LOG.log(Level.INFO, "removing " + staging + ", left by a run that stopped before it finished");
            Trees.delete(staging);
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Optional<Path> old = newestOld(target);
            if (old.isPresent()) {
                LOG.log(Level.WARNING, "restoring " + target + " from " + old.get().getFileName()
                        + ": a run stopped between moving the old output aside and moving the new one in");
                StagedDirectory.move(old.get(), target);
            }
        }
        for (Path old : StagedDirectory.siblings(target, oldPrefix(target))) {
            discardOld(old, target);
        }
    }

    /**
     * Deletes the swapped-out folder once the new one is in place: files its own manifest lists (ours) and files the
     * new folder has at the same path (carried over, or replaced with consent). Anything else stays, with a warning,
     * so a failed carry-over never loses a user's file.
     */
    static void discardOld(Path old, Path target) throws IOException {
        Optional<Manifest> manifest = Optional.empty();
        Path manifestFile = old.resolve(Manifest.FILE_NAME);
        if (Files.isRegularFile(manifestFile, LinkOption.NOFOLLOW_LINKS)) {
            manifest = Manifest.parse(Files.readString(manifestFile, StandardCharsets.UTF_8));
        }
        List<String> entries = new java.util.ArrayList<>(Ownership.entries(old));
        java.util.Collections.reverse(entries); // children before their folders
        boolean keptAny = false;
        for (String rel : entries) {
            Path p = old.resolve(rel);
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                try (var s = Files.list(p)) {
                    if (s.findAny().isEmpty()) {
                        Files.delete(p);
                    }
                }
                continue;
            }
            boolean ours = manifest.map(m -> m.lists(rel)).orElse(false);
            if (ours || Files.exists(target.resolve(rel), LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(p);
            } else {
                keptAny = true;
            }
        }
        if (keptAny) {
            LOG.log(Level.WARNING, "kept " + old + ": it holds files that are not in " + target + "; move them back "
                    + "yourself, then delete it");
            return;
        }
        Files.deleteIfExists(manifestFile);
        Files.delete(old);
    }

    private static Optional<Path> newestOld(Path target) throws IOException {
        List<Path> olds = StagedDirectory.siblings(target, oldPrefix(target));
        return olds.stream().max(Comparator.comparing(SwapRecovery::modified));
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
