package io.github.hpcblueprints.generate;

import io.github.hpcblueprints.arm.ArmJsonWriter;
import io.github.hpcblueprints.arm.ParametersFile;
import io.github.hpcblueprints.arm.Template;
import io.github.hpcblueprints.bicep.BicepParamWriter;
import io.github.hpcblueprints.bicep.BicepWriter;
import io.github.hpcblueprints.blueprint.Blueprint;
import io.github.hpcblueprints.blueprint.BlueprintLoader;
import io.github.hpcblueprints.cyclecloud.CycleCloudFiles;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Generator;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.files.StagedDirectory;
import io.github.hpcblueprints.files.StagedDirectory.Overwrite;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.CompiledEnvironment;
import io.github.hpcblueprints.hpc.EnvironmentCompiler;
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

    /** Loads and renders a blueprint without writing anything (ARM JSON and Bicep). */
    public GeneratedFiles render(Path blueprintFile, Optional<SecurityProfile> profile) {
        return render(blueprintFile, profile, OutputFormat.BOTH);
    }

    /** Loads and renders a blueprint without writing anything. */
    public GeneratedFiles render(Path blueprintFile, Optional<SecurityProfile> profile, OutputFormat format) {
        Blueprint loaded = loader.load(blueprintFile);
        Blueprint b = profile.map(loaded::withProfile).orElse(loaded);
        Path home = blueprintFile.toAbsolutePath().normalize().getParent();
        return render(outputName(blueprintFile), b.environment(), Optional.of(b.tree()), home, format);
    }

    /** The files of an environment (from YAML or the Java DSL), ARM JSON and Bicep. */
    public GeneratedFiles render(String name, ClusterEnvironment env) {
        return render(name, env, OutputFormat.BOTH);
    }

    /** The files of an environment (from YAML or the Java DSL). */
    public GeneratedFiles render(String name, ClusterEnvironment env, OutputFormat format) {
        return render(name, env, Optional.empty(), Path.of("").toAbsolutePath(), format);
    }

    private GeneratedFiles render(String name, ClusterEnvironment env, Optional<SourceTree> tree, Path home,
            OutputFormat format) {
        try {
            return renderChecked(name, env, tree, home, format);
        } catch (IllegalArgumentException e) {
            throw BlueprintException.refusedValue(e, name, tree);
        }
    }

    private GeneratedFiles renderChecked(String name, ClusterEnvironment env, Optional<SourceTree> tree, Path home,
            OutputFormat format) {
        CompiledEnvironment c = EnvironmentCompiler.compile(env, CycleCloudFiles::serverCloudInit,
                CycleCloudFiles::instanceCloudInit);
        Map<String, String> files = new LinkedHashMap<>(CycleCloudFiles.render(env));
        if (format.arm()) {
            files.put("azuredeploy.json", ArmJsonWriter.write(c.resourceGroup()));
            files.put("azuredeploy.parameters.json", c.parameters().write());
            c.subscription().ifPresent(s -> files.put("subscription.json", ArmJsonWriter.write(s)));
            c.subscriptionParameters().ifPresent(p -> files.put("subscription.parameters.json", p.write()));
        }
        List<BicepFindings.Target> bicep = new ArrayList<>();
        if (format.bicep()) {
            bicep.add(bicep(files, c.resourceGroup(), c.parameters(), "azuredeploy.json", "main"));
            c.subscription().ifPresent(s -> bicep.add(bicep(files, s, c.subscriptionParameters().orElseThrow(),
                    "subscription.json", "subscription")));
        }
        // findings.json names files as a reader of the output folder sees them: templates beside it, the
        // blueprint (and its profiles) relative to the blueprint's folder, never a machine's absolute path.
        Report report = new ValidationService(loader).validate(name, env, tree, Optional.empty())
                .mapSources(s -> relative(s, name, home));
        // findings cite the files written: with --format bicep, the .bicep declarations, not JSON never written
        files.put("findings.json", BicepFindings.annotate(JsonReport.write(report), bicep,
                format.arm() ? Optional.empty() : Optional.of(Map.copyOf(files))));
        return new GeneratedFiles(name, files);
    }

    private static BicepFindings.Target bicep(Map<String, String> files, Template t, ParametersFile values,
            String armFile, String baseName) {
        String header = "Generated by " + Generator.describe() + "; do not edit, regenerate.";
        Map<String, String> written = BicepWriter.write(t, baseName + ".bicep", header);
        files.putAll(written);
        files.put(baseName + ".bicepparam", BicepParamWriter.write(t, values, baseName + ".bicep", header));
        return new BicepFindings.Target(armFile, baseName + ".bicep", t);
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
        return renderAll(blueprintFiles, profile, OutputFormat.BOTH);
    }

    /** As {@link #renderAll(List, Optional)}, writing only the deployment files of {@code format}. */
    public List<GeneratedFiles> renderAll(List<Path> blueprintFiles, Optional<SecurityProfile> profile,
            OutputFormat format) {
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
                rendered.add(render(file, profile, format));
            } catch (BlueprintException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new BlueprintException(problems);
        }
        return rendered;
    }

    /** Writes rendered files to {@code outDir/<name>/}, replacing what an earlier run wrote there. */
    public static Path write(GeneratedFiles files, Path outDir) {
        return write(files, outDir, Overwrite.SAFE).folder();
    }

    /**
     * Writes rendered files to {@code outDir/<name>/}. Only a folder this tool wrote is replaced (see
     * {@link StagedDirectory}); the user's own files in it are kept.
     */
    public static Written write(GeneratedFiles files, Path outDir, Overwrite overwrite) {
        try (StagedDirectory dir = StagedDirectory.create(outDir.resolve(files.name()), overwrite)) {
            files.files().forEach(dir::write);
            for (String f : files.files().keySet()) {
                if (f.endsWith(".sh")) {
                    dir.makeExecutable(f);
                }
            }
            List<String> kept = dir.commit();
            return new Written(dir.target(), kept);
        }
    }

    /**
     * Checks every target folder before writing any: when one would be refused (not written by this tool, edited
     * files, files in the way), nothing at all is written and every refusal is reported.
     */
    public static List<Written> writeAll(List<GeneratedFiles> rendered, Path outDir, Overwrite overwrite) {
        List<Problem> refusals = new ArrayList<>();
        for (GeneratedFiles files : rendered) {
            refusals.addAll(StagedDirectory.check(outDir.resolve(files.name()), files.files().keySet(), overwrite));
        }
        if (!refusals.isEmpty()) {
            throw new BlueprintException(refusals);
        }
        List<Written> out = new ArrayList<>();
        for (GeneratedFiles files : rendered) {
            out.add(write(files, outDir, overwrite));
        }
        return out;
    }

    /** A folder written, and the user's files it kept from before. */
    public record Written(Path folder, List<String> keptFiles) {
        public Written {
            keptFiles = List.copyOf(keptFiles);
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

    /**
     * The blueprints in a folder and its subfolders, sorted; folders named {@code profiles} (organisation profiles
     * that blueprints extend), {@code schema} and hidden folders are skipped.
     */
    public static List<Path> blueprintsUnder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new BlueprintException(Problem.of("IO", "no folder " + folder, Location.of(folder.toString(), 0, 0),
                    "check blueprintsDirectory"));
        }
        try (var s = Files.walk(folder)) {
            return s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .filter(Files::isRegularFile)
                    .filter(p -> {
                        for (Path part : folder.relativize(p.getParent())) {
                            String n = part.toString();
                            if (n.equals("profiles") || n.equals("schema") || n.startsWith(".")) {
                                return false;
                            }
                        }
                        return true;
                    }).sorted().toList();
        } catch (IOException e) {
            throw new BlueprintException(Problem.of("IO", "cannot list " + folder + ": " + e.getMessage(),
                    Location.of(folder.toString(), 0, 0), "check the folder exists"));
        }
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
