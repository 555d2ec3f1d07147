package io.github.hpcblueprints.blueprint;

import io.github.hpcblueprints.json.TextFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.hpcblueprints.arm.ArmReader;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.diagnostics.SourceTree;
import io.github.hpcblueprints.diagnostics.SourceTreeReader;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads YAML blueprints: reads the file (and the profiles it {@code extends}, recursively), merges them, validates
 * the result against the blueprint JSON Schema and maps it onto a {@link ClusterEnvironment}. Any mistake comes back
 * as a {@link BlueprintException} whose problems name the file, line, column and key, with a hint.
 */
public final class BlueprintLoader {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final int MAX_DEPTH = 8;

    private final ProfileSource profiles;

    public BlueprintLoader() {
        this(ProfileSource.defaultCache(), Duration.ofSeconds(20));
    }

    /** A loader with its own profile cache folder and network timeout (tests, locked-down machines). */
    public BlueprintLoader(Path profileCache, Duration timeout) {
        this(new ProfileSource(profileCache, timeout));
    }

    BlueprintLoader(ProfileSource profiles) {
        this.profiles = profiles;
    }

    /** The largest blueprint or profile read: a real one is a few kilobytes. */
    public static final int MAX_CHARS = 1 << 20;
    /** Blueprints nest about six levels; anything far deeper is a mistake, refused where it starts. */
    static final int MAX_DEPTH_NESTING = 64;

    /** Loads a blueprint file. */
    public Blueprint load(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            if (java.nio.file.Files.isRegularFile(abs) && java.nio.file.Files.size(abs) > 4L * MAX_CHARS) {
                throw tooLarge(abs.toString(), java.nio.file.Files.size(abs) + " bytes");
            }
        } catch (java.io.IOException e) {
            // readText below reports what cannot be read
        }
        return load(TextFiles.read(abs), abs.toString(), abs.getParent(), abs.getFileName().toString());
    }

    /**
     * Loads blueprint text.
     *
     * @param name how the text is named in problems
     * @param directory where relative {@code extends} paths start
     * @param sourceLabel the name stamped into generated files (usually the file name)
     */
    public Blueprint load(String text, String name, Path directory, String sourceLabel) {
        SourceTree own = readYaml(text, name);
        SourceTree merged = resolveExtends(own, directory, new LinkedHashSet<>(List.of(name)), 0);
        List<Problem> problems = SchemaCheck.check(merged);
        if (!problems.isEmpty()) {
            throw new BlueprintException(problems);
        }
        BlueprintMapper mapper = new BlueprintMapper();
        ClusterEnvironment env = mapper.map(merged.root(), sourceLabel);
        if (!mapper.problems().isEmpty() || env == null) {
            List<Problem> located = new ArrayList<>();
            // a refusal naming its value ('Inbox_1') is pointed at that value's key inside the refused section
            mapper.problems().forEach(p -> located.add(p.location().hasPosition() ? p
                    : p.withLocation(merged.locateValue(p.message(), p.location().jsonPath()))));
            throw new BlueprintException(located);
        }
        return new Blueprint(env, merged);
    }

    private static BlueprintException tooLarge(String name, String size) {
        return new BlueprintException(Problem.of("BLUEPRINT-SIZE", "the file is too large to be a blueprint (" + size
                + "; at most " + MAX_CHARS + " characters)", Location.of(name, 1, 1),
                "keep long text (descriptions, notes) in a README beside the blueprint"));
    }

    static SourceTree readYaml(String text, String name) {
        if (text.length() > MAX_CHARS) {
            throw tooLarge(name, text.length() + " characters");
        }
        SourceTree tree = SourceTreeReader.read(YAML, text, name, "YAML-SYNTAX", MAX_DEPTH_NESTING);
        if (!tree.problems().isEmpty()) {
            throw new BlueprintException(tree.problems());
        }
        if (!tree.root().isObject()) {
            throw new BlueprintException(Problem.of("BLUEPRINT-TYPE", "a blueprint is a YAML mapping (key: value "
                    + "lines), not " + describe(tree.root()), Location.of(name, 1, 1), "start with name: and region:"));
        }
        return tree;
    }

    private SourceTree resolveExtends(SourceTree tree, Path directory, Set<String> chain, int depth) {
        JsonNode ext = tree.root().get("extends");
        if (ext == null) {
            return tree;
        }
        Location at = tree.locate("$.extends");
        if (!ext.isTextual() || ext.textValue().isBlank()) {
            throw new BlueprintException(Problem.of("BLUEPRINT-EXTENDS", "extends must name one profile", at,
                    "extends: profiles/university-defaults.yaml"));
        }
        if (depth >= MAX_DEPTH) {
            throw new BlueprintException(Problem.of("BLUEPRINT-EXTENDS", "profiles extend each other more than "
                    + MAX_DEPTH + " levels deep", at, "flatten the profile chain"));
        }
        ProfileSource.Loaded loaded = profiles.load(ext.textValue(), directory, at);
        if (!chain.add(loaded.name())) {
            throw new BlueprintException(Problem.of("BLUEPRINT-EXTENDS", "profiles extend each other in a cycle: "
                    + String.join(" -> ", chain) + " -> " + loaded.name(), at, "remove one of the extends"));
        }
        SourceTree profile = readYaml(loaded.text(), loaded.name());
        SourceTree base = resolveExtends(profile, loaded.directory(), chain, depth + 1);
        return TreeMerge.merge(base, tree);
    }

    private static String describe(JsonNode n) {
        return n.isMissingNode() ? "an empty document" : n.isArray() ? "a list" : "a single value";
    }
}
