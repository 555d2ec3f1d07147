package io.github.hpcblueprints.generate;

import io.github.hpcblueprints.arm.ParametersFile;
import io.github.hpcblueprints.arm.Template;
import io.github.hpcblueprints.bicep.BicepParamWriter;
import io.github.hpcblueprints.bicep.BicepWriter;
import io.github.hpcblueprints.blueprint.BlueprintLoader;
import io.github.hpcblueprints.build.Build;
import io.github.hpcblueprints.build.BuiltTemplate;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Generator;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.files.StagedDirectory;
import io.github.hpcblueprints.files.StagedDirectory.Overwrite;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.SecurityProfile;
import io.github.hpcblueprints.rules.Report;
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

    private static final String README = "README.md";

    private final Pipeline pipeline;

    public GenerateService(BlueprintLoader loader) {
        this.pipeline = new Pipeline(loader);
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
        Build build = pipeline.build(blueprintFile, profile);
        return files(build, blueprintFile.toAbsolutePath().normalize().getParent(), format);
    }

    /** The files of an environment (from YAML or the Java DSL), ARM JSON and Bicep. */
    public GeneratedFiles render(String name, ClusterEnvironment env) {
        return render(name, env, OutputFormat.BOTH);
    }

    /** The files of an environment (from YAML or the Java DSL). */
    public GeneratedFiles render(String name, ClusterEnvironment env, OutputFormat format) {
        return files(Pipeline.build(name, env, Optional.empty()), Path.of("").toAbsolutePath(), format);
    }

    /**
     * Only the README of a blueprint, what {@code hpcb docs} writes: made from the same build and verdict as the
     * README {@code generate} writes beside the templates, so the two are the same bytes.
     */
    public GeneratedFiles renderDocs(Path blueprintFile, Optional<SecurityProfile> profile) {
        Build build = pipeline.build(blueprintFile, profile);
        Report report = judge(build, blueprintFile.toAbsolutePath().normalize().getParent());
        return new GeneratedFiles(build.name(), Map.of(README, io.github.hpcblueprints.docs.BlueprintDocs
                .readme(build, report)));
    }

    /** The README of every blueprint, rendered before any is written (see {@link #renderAll}). */
    public List<GeneratedFiles> renderAllDocs(List<Path> blueprintFiles, Optional<SecurityProfile> profile) {
        return renderEach(blueprintFiles, file -> renderDocs(file, profile));
    }

    /**
     * Writes each README into {@code outDir/<name>/} beside what {@code generate} wrote there, which stays (see
     * {@link StagedDirectory#update}); every folder is checked before any is written.
     */
    public static List<Written> writeAllDocs(List<GeneratedFiles> rendered, Path outDir, Overwrite overwrite) {
        return writeAll(rendered, outDir, overwrite, true);
    }

    private Report judge(Build build, Path home) {
        // findings name files as a reader of the output folder sees them: templates beside it, the blueprint (and
        // its profiles) relative to the blueprint's folder, never a machine's absolute path
        return pipeline.validation().judge(build, Optional.empty()).mapSources(s -> relative(s, build.name(), home));
    }

    /** The files a build writes: each made once, the findings judged on the very templates written. */
    private GeneratedFiles files(Build build, Path home, OutputFormat format) {
        String name = build.name();
        Map<String, String> files = new LinkedHashMap<>(build.cycleCloudFiles());
        List<BicepFindings.Target> bicep = new ArrayList<>();
        for (BuiltTemplate t : build.templates()) {
            if (format.arm()) {
                files.put(t.file(), t.json());
                files.put(t.parametersFile(), t.parameters().write());
            }
            if (format.bicep()) {
                bicep.add(bicep(files, t.template(), t.parameters(), t.file(), t.baseName()));
            }
        }
        Report report = judge(build, home);
        // findings cite the files written: with --format bicep, the .bicep declarations, not JSON never written
        files.put("findings.json", BicepFindings.write(report, bicep,
                format.arm() ? Optional.empty() : Optional.of(Map.copyOf(files))));
        files.put(README, io.github.hpcblueprints.docs.BlueprintDocs.readme(build, report));
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
        return renderEach(blueprintFiles, file -> render(file, profile, format));
    }

    private static List<GeneratedFiles> renderEach(List<Path> blueprintFiles,
            java.util.function.Function<Path, GeneratedFiles> render) {
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
                rendered.add(render.apply(file));
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
        return write(files, outDir, overwrite, false);
    }

    /** {@code partial}: the files join the folder's ({@link StagedDirectory#update}) instead of replacing them. */
    private static Written write(GeneratedFiles files, Path outDir, Overwrite overwrite, boolean partial) {
        Path target = outDir.resolve(files.name());
        try (StagedDirectory dir = partial ? StagedDirectory.update(target, overwrite)
                : StagedDirectory.create(target, overwrite)) {
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
        return writeAll(rendered, outDir, overwrite, false);
    }

    private static List<Written> writeAll(List<GeneratedFiles> rendered, Path outDir, Overwrite overwrite,
            boolean partial) {
        List<Problem> refusals = new ArrayList<>();
        for (GeneratedFiles files : rendered) {
            refusals.addAll(StagedDirectory.check(outDir.resolve(files.name()), files.files().keySet(), overwrite,
                    partial));
        }
        if (!refusals.isEmpty()) {
            throw new BlueprintException(refusals);
        }
        List<Written> out = new ArrayList<>();
        for (GeneratedFiles files : rendered) {
            out.add(write(files, outDir, overwrite, partial));
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
