package io.github.hpcblueprints.generate;

import io.github.hpcblueprints.blueprint.Blueprint;
import io.github.hpcblueprints.blueprint.BlueprintLoader;
import io.github.hpcblueprints.build.Build;
import io.github.hpcblueprints.cyclecloud.CycleCloudFiles;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.SourceTree;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.SecurityProfile;
import io.github.hpcblueprints.rules.Report;
import io.github.hpcblueprints.rules.SchemaLookup;
import io.github.hpcblueprints.validate.ValidationService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * From a blueprint to its {@link Build}, once: load (with its profiles), render the CycleCloud files, compile with
 * those files as the VMs' boot scripts, serialise and read back each template. {@link GenerateService} writes the
 * build; {@link #validateAll} judges builds without writing.
 */
public final class Pipeline {

    private final BlueprintLoader loader;
    private final ValidationService validation = new ValidationService();

    public Pipeline(BlueprintLoader loader) {
        this.loader = loader;
    }

    public Pipeline() {
        this(new BlueprintLoader());
    }

    /** Loads and builds a blueprint file ({@code profile} overrides its security profile). */
    public Build build(Path blueprintFile, Optional<SecurityProfile> profile) {
        Blueprint loaded = loader.load(blueprintFile);
        Blueprint b = profile.map(loaded::withProfile).orElse(loaded);
        return build(GenerateService.outputName(blueprintFile), b.environment(), Optional.of(b.tree()));
    }

    /**
     * Builds an environment (from YAML or the Java DSL). A typed builder's refusal that surfaces only now becomes a
     * problem located at the value it names, never a crash.
     */
    public static Build build(String name, ClusterEnvironment env, Optional<SourceTree> blueprint) {
        try {
            Map<String, String> files = CycleCloudFiles.render(env);
            return Build.of(name, env, blueprint, files,
                    e -> files.getOrDefault(CycleCloudFiles.serverCloudInitPath(e), ""),
                    (e, r) -> files.getOrDefault(CycleCloudFiles.instanceCloudInitPath(e, r), ""));
        } catch (IllegalArgumentException e) {
            throw BlueprintException.refusedValue(e, name, blueprint);
        }
    }

    /** Validates one blueprint as {@code hpcb validate} shows it (findings in templates shown in the blueprint). */
    public Report validate(Path blueprintFile, Optional<SecurityProfile> profile, Optional<SchemaLookup> schemas) {
        return validation.validate(build(blueprintFile, profile), schemas);
    }

    /**
     * Validates every blueprint, whatever the others give: a file that cannot be judged adds its problems to the
     * report instead of stopping the run.
     */
    public Report validateAll(List<Path> blueprintFiles, Optional<SecurityProfile> profile,
            Optional<SchemaLookup> schemas) {
        List<Report> reports = new ArrayList<>();
        boolean hardened = profile.map(p -> p == SecurityProfile.HARDENED).orElse(false);
        for (Path file : blueprintFiles) {
            try {
                Report r = validate(file, profile, schemas);
                hardened |= r.hardened();
                reports.add(r);
            } catch (BlueprintException e) {
                reports.add(Report.unjudged(e.problems(), hardened));
            }
        }
        return Report.merge(reports, hardened);
    }

    BlueprintLoader loader() {
        return loader;
    }

    ValidationService validation() {
        return validation;
    }
}
