package io.github.hpcblueprints.build;

import io.github.hpcblueprints.arm.ArmJsonWriter;
import io.github.hpcblueprints.arm.ArmReader;
import io.github.hpcblueprints.arm.ParametersFile;
import io.github.hpcblueprints.arm.Template;
import io.github.hpcblueprints.diagnostics.SourceTree;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.CompiledEnvironment;
import io.github.hpcblueprints.hpc.EnvironmentCompiler;
import io.github.hpcblueprints.hpc.ResearchInstance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Everything one environment builds to, made once: the compiled templates (each serialised once and read back
 * once), the CycleCloud and cloud-init files, and the environment and blueprint they came from. {@code generate}
 * writes it, {@code validate} judges it, and whatever comes next (plan, docs) reads the same value, so no two of
 * them can disagree about what a blueprint produces.
 *
 * @param name the output folder's name (the blueprint file's name without {@code .yaml})
 * @param blueprint the blueprint's YAML tree, for locating findings in it; empty for an environment built in Java
 * @param cycleCloudFiles the CycleCloud and cloud-init files by output path, rendered once
 * @param templates the resource-group template, then the subscription template when there is one
 */
public record Build(String name, ClusterEnvironment environment, Optional<SourceTree> blueprint,
        CompiledEnvironment compiled, Map<String, String> cycleCloudFiles, List<BuiltTemplate> templates) {

    public Build {
        Objects.requireNonNull(name);
        Objects.requireNonNull(environment);
        Objects.requireNonNull(blueprint);
        Objects.requireNonNull(compiled);
        cycleCloudFiles = Collections.unmodifiableMap(new TreeMap<>(cycleCloudFiles));
        templates = List.copyOf(templates);
    }

    /**
     * Compiles an environment whose CycleCloud files were rendered already; the VMs' custom data is the cloud-init
     * text among them, looked up rather than rendered again.
     *
     * @param serverCloudInit the CycleCloud server's cloud-init, from the rendered files
     * @param instanceCloudInit a research instance's cloud-init, from the rendered files
     */
    public static Build of(String name, ClusterEnvironment env, Optional<SourceTree> blueprint,
            Map<String, String> cycleCloudFiles, Function<ClusterEnvironment, String> serverCloudInit,
            BiFunction<ClusterEnvironment, ResearchInstance, String> instanceCloudInit) {
        CompiledEnvironment c = EnvironmentCompiler.compile(env, serverCloudInit, instanceCloudInit);
        List<BuiltTemplate> templates = new ArrayList<>();
        templates.add(built(name, "azuredeploy.json", "main", c.resourceGroup(), c.parameters()));
        c.subscription().ifPresent(s -> templates.add(built(name, "subscription.json", "subscription", s,
                c.subscriptionParameters().orElseThrow())));
        return new Build(name, env, blueprint, c, cycleCloudFiles, templates);
    }

    private static BuiltTemplate built(String name, String file, String baseName, Template t, ParametersFile p) {
        String json = ArmJsonWriter.write(t);
        // the rules read what is written, so their findings carry the written file's lines and columns
        return new BuiltTemplate(file, baseName, t, p, json, ArmReader.read(json, name + "/" + file));
    }
}
