package io.github.hpcblueprints.files;

import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who owns what in an existing output folder: the files its manifest lists are this tool's, everything else is the
 * user's. A folder from before manifests is recognised by its {@code findings.json}, stamped with the generator.
 */
final class Ownership {

    enum Kind { ABSENT, NOT_A_FOLDER, MANIFEST, LEGACY, FOREIGN }

    private static final int LISTED = 8;

    private final Kind kind;
    private final Manifest manifest;

    private Ownership(Kind kind, Manifest manifest) {
        this.kind = kind;
        this.manifest = manifest;
    }

    static Ownership of(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return new Ownership(Kind.ABSENT, null);
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return new Ownership(Kind.NOT_A_FOLDER, null);
        }
        Path manifestFile = target.resolve(Manifest.FILE_NAME);
        if (Files.isRegularFile(manifestFile, LinkOption.NOFOLLOW_LINKS)) {
            Optional<Manifest> m = Manifest.parse(Files.readString(manifestFile, StandardCharsets.UTF_8));
            if (m.isPresent()) {
                return new Ownership(Kind.MANIFEST, m.get());
            }
        }
        Path findings = target.resolve("findings.json");
        if (Files.isRegularFile(findings, LinkOption.NOFOLLOW_LINKS) && Files.size(findings) < 16 << 20
                && Files.readString(findings, StandardCharsets.UTF_8).startsWith("{\n  \"generator\": \"hpc-blueprints ")) {
            return new Ownership(Kind.LEGACY, null);
        }
        return new Ownership(Kind.FOREIGN, null);
    }

    /**
     * What writing {@code willWrite} would refuse under {@code overwrite}; empty when it may go ahead. A partial
     * update minds only the edits it would replace: the files it leaves alone stay as the user has them.
     */
    List<Problem> refusals(Path target, Set<String> willWrite, StagedDirectory.Overwrite overwrite, boolean partial)
            throws IOException {
        boolean force = overwrite == StagedDirectory.Overwrite.FORCE;
        Location at = Location.of(target.toString(), 0, 0);
        switch (kind) {
            case ABSENT, LEGACY:
                return List.of();
            case NOT_A_FOLDER:
                return List.of(Problem.of("OUT-NOT-OURS", "this is a file, where the output folder must go; nothing was written",
                        at, "move the file away or choose another --out"));
            case FOREIGN:
                if (force) {
                    return List.of();
                }
                List<String> theirs = entries(target);
                return List.of(Problem.of("OUT-NOT-OURS", "this folder exists and was not written by hpcb generate "
                        + "(it has no " + Manifest.FILE_NAME + "); nothing was touched. It holds "
                        + describe(theirs), at, "choose another --out folder, or rename the blueprint; --force "
                        + "writes into it anyway (it replaces files in the way and deletes none)"));
            default:
                break;
        }
        List<String> edited = new ArrayList<>();
        List<String> inTheWay = new ArrayList<>();
        for (String rel : entries(target)) {
            Path file = target.resolve(rel);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                if (willWrite.contains(rel)) {
                    inTheWay.add(rel);
                }
                continue;
            }
            if (manifest.lists(rel)) {
                if ((!partial || willWrite.contains(rel)) && !manifest.unchanged(rel, Files.readAllBytes(file))) {
                    edited.add(rel);
                }
            } else if (willWrite.contains(rel)) {
                inTheWay.add(rel);
            }
        }
        List<Problem> out = new ArrayList<>();
        if (!edited.isEmpty() && !force) {
            out.add(Problem.of("OUT-EDITED", "files generated here were edited since: "
                    + describe(edited) + "; nothing was touched", at, "copy your changes into the blueprint (generated "
                    + "files are overwritten on every run), then rerun with --force to replace them"));
        }
        if (!inTheWay.isEmpty() && !force) {
            out.add(Problem.of("OUT-NOT-OURS", "files hpcb did not write are where it must write: " + describe(inTheWay)
                    + "; nothing was touched", at, "move them elsewhere (other files you add "
                    + "to the folder are kept), or rerun with --force to replace them"));
        }
        return out;
    }

    /**
     * For a partial update: puts the files an earlier run wrote, and this one does not, into {@code staging} as
     * they are, and returns them with the hashes the manifest recorded.
     */
    Map<String, String> keepGenerated(Path target, Path staging, Set<String> willWrite) throws IOException {
        Map<String, String> kept = new java.util.TreeMap<>();
        if (kind != Kind.MANIFEST) {
            return kept;
        }
        for (Map.Entry<String, String> e : manifest.sha256ByPath().entrySet()) {
            Path from = target.resolve(e.getKey());
            if (willWrite.contains(e.getKey()) || !Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS)) {
                continue; // rewritten now, or deleted by the user since: nothing to keep
            }
            Path to = staging.resolve(e.getKey());
            Files.createDirectories(to.getParent());
            link(from, to);
            kept.put(e.getKey(), e.getValue());
        }
        return kept;
    }

    private static void link(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /**
     * Puts the user's files from {@code target} into {@code staging} (hard links where the file system allows, so
     * nothing is copied twice): everything except what this tool wrote and what it is about to write.
     */
    List<String> carryOver(Path target, Path staging, Set<String> willWrite) throws IOException {
        List<String> kept = new ArrayList<>();
        if (kind == Kind.ABSENT || kind == Kind.NOT_A_FOLDER) {
            return kept;
        }
        for (String rel : entries(target)) {
            Path from = target.resolve(rel);
            Path to = staging.resolve(rel);
            if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(to);
                continue;
            }
            if (willWrite.contains(rel) || (kind == Kind.MANIFEST && manifest.lists(rel))) {
                continue;
            }
            Files.createDirectories(to.getParent());
            if (Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS)) {
                link(from, to);
            } else {
                Files.copy(from, to, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
            }
            kept.add(rel);
        }
        return kept;
    }

    /** Every file, link and folder under {@code root} as a sorted relative path, the manifest left out. */
    static List<String> entries(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(rel -> !rel.equals(Manifest.FILE_NAME)).sorted().toList();
        }
    }

    private static String describe(List<String> files) {
        List<String> shown = files.size() > LISTED ? files.subList(0, LISTED) : files;
        return String.join(", ", shown) + (files.size() > LISTED ? " and " + (files.size() - LISTED) + " more" : "");
    }
}
