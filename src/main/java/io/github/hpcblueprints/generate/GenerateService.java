package io.github.hpcblueprints.generate;

import io.github.hpcblueprints.arm.ArmJsonWriter;
import io.github.hpcblueprints.blueprint.Blueprint;
import io.github.hpcblueprints.blueprint.BlueprintLoader;
import io.github.hpcblueprints.cyclecloud.CycleCloudFiles;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.files.StagedDirectory;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.CompiledEnvironment;
import io.github.hpcblueprints.hpc.Compiler;
import io.github.hpcblueprints.hpc.SecurityProfile;
import io.github.hpcblueprints.diagnostics.SourceTree;
import io.github.hpcblueprints.rules.Report;
import io.github.hpcblueprints.validate.JsonReport;
import io.github.hpcblueprints.validate.ValidationService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The product's main job, shared by the CLI and the Maven goal: blueprint in, everything needed to stand the
 * environment up out, written to {@code OUT/<blueprint file name>/} all at once (never a half-written folder).
 */
public final class GenerateService {

    private final BlueprintLoader loader;

    public GenerateService(BlueprintLoader loader) {
        this.loader = loader;
    }

    public GenerateService() {
        this(new BlueprintLoader());
    }

    /** Loads and renders a blueprint without writing anything. */
    public GeneratedFiles render(Path blueprintFile, Optional<SecurityProfile> profile) {
        Blueprint loaded = loader.load(blueprintFile);
        Blueprint b = profile.map(loaded::withProfile).orElse(loaded);
        Path home = blueprintFile.toAbsolutePath().normalize().getParent();
        return render(outputName(blueprintFile), b.environment(), Optional.of(b.tree()), home);
    }

    /** The files of an environment (from YAML or the Java DSL). */
    public GeneratedFiles render(String name, ClusterEnvironment env) {
        return render(name, env, Optional.empty(), Path.of("").toAbsolutePath());
    }

    private GeneratedFiles render(String name, ClusterEnvironment env, Optional<SourceTree> tree, Path home) {
        CompiledEnvironment c = Compiler.compile(env, CycleCloudFiles::serverCloudInit,
                CycleCloudFiles::instanceCloudInit);
        Map<String, String> files = new LinkedHashMap<>(CycleCloudFiles.render(env));
        files.put("azuredeploy.json", ArmJsonWriter.write(c.resourceGroup()));
        files.put("azuredeploy.parameters.json", c.parameters().write());
        c.subscription().ifPresent(s -> files.put("subscription.json", ArmJsonWriter.write(s)));
        c.subscriptionParameters().ifPresent(p -> files.put("subscription.parameters.json", p.write()));
        // findings.json names files as a reader of the output folder sees them: templates beside it, the
        // blueprint (and its profiles) relative to the blueprint's folder, never a machine's absolute path.
        Report report = new ValidationService(loader).validate(name, env, tree, Optional.empty())
                .mapSources(s -> relative(s, name, home));
        files.put("findings.json", JsonReport.write(report));
        return new GeneratedFiles(name, files);
    }

    /** Renders and writes one blueprint; returns the folder written. */
    public Path generate(Path blueprintFile, Path outDir, Optional<SecurityProfile> profile) {
        return write(render(blueprintFile, profile), outDir);
    }

    /**
     * Renders every blueprint before writing any, so that one bad blueprint among several writes nothing; the
     * problems of all bad blueprints are reported together.
     */
    public List<GeneratedFiles> renderAll(List<Path> blueprintFiles, Optional<SecurityProfile> profile) {
        List<GeneratedFiles> rendered = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Path file : blueprintFiles) {
            Path other = byName.putIfAbsent(outputName(file), file);
            if (other != null) {
                problems.add(Problem.of("OUT-CLASH", "blueprints " + other + " and " + file + " would both be "
                        + "written to '" + outputName(file) + "/'", Location.of(file.toString(), 0, 0),
                        "rename one of them or generate them into different --out folders"));
                continue;
            }
            try {
                rendered.add(render(file, profile));
            } catch (BlueprintException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new BlueprintException(problems);
        }
        return rendered;
    }

    /** Writes rendered files to {@code outDir/<name>/}, replacing what was there. */
    public static Path write(GeneratedFiles files, Path outDir) {
        try (StagedDirectory dir = StagedDirectory.create(outDir.resolve(files.name()))) {
            files.files().forEach(dir::write);
            for (String f : files.files().keySet()) {
                if (f.endsWith(".sh")) {
                    dir.makeExecutable(f);
                }
            }
            dir.commit();
            return dir.target();
        }
    }

    private static String relative(String source, String name, Path home) {
        if (source.startsWith(name + "/")) {
            return source.substring(name.length() + 1);
        }
        Path p = source.isEmpty() ? Path.of("") : Path.of(source);
        if (p.isAbsolute()) {
            return p.startsWith(home) ? home.relativize(p).toString().replace('\\', '/') : p.getFileName().toString();
        }
        return source;
    }

    /** A blueprint's output folder name: its file name without {@code .yaml}. */
    public static String outputName(Path blueprintFile) {
        String file = blueprintFile.getFileName().toString();
        return file.replaceAll("\\.(ya?ml)$", "");
    }

    /** The blueprints directly in a folder (not its profiles/), sorted. */
    public static List<Path> blueprintsIn(Path folder) {
        try (var s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new BlueprintException(Problem.of("IO", "cannot list " + folder + ": " + e.getMessage(),
                    Location.of(folder.toString(), 0, 0), "check the folder exists"));
        }
    }
}
