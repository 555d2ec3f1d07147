package io.github.hpcblueprints.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.hpcblueprints.arm.ArmDocument;
import io.github.hpcblueprints.arm.ArmJsonWriter;
import io.github.hpcblueprints.arm.ArmReader;
import io.github.hpcblueprints.blueprint.Blueprint;
import io.github.hpcblueprints.blueprint.BlueprintLoader;
import io.github.hpcblueprints.cyclecloud.CycleCloudFiles;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.diagnostics.SourceTree;
import io.github.hpcblueprints.diagnostics.SourceTreeReader;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.CompiledEnvironment;
import io.github.hpcblueprints.hpc.Compiler;
import io.github.hpcblueprints.hpc.SecurityProfile;
import io.github.hpcblueprints.rules.Catalogue;
import io.github.hpcblueprints.rules.DomainSuppressions;
import io.github.hpcblueprints.rules.RuleInfo;
import io.github.hpcblueprints.diagnostics.Suggest;
import io.github.hpcblueprints.rules.Finding;
import io.github.hpcblueprints.rules.Report;
import io.github.hpcblueprints.rules.RuleContext;
import io.github.hpcblueprints.rules.RuleEngine;
import io.github.hpcblueprints.rules.SchemaLookup;
import io.github.hpcblueprints.rules.Suppression;
import io.github.hpcblueprints.rules.TemplateView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Judging templates: a blueprint's (compiled exactly as {@code generate} does, with the environment for the domain
 * rules) or any ARM JSON files ({@code lint}). Both return one {@link Report}.
 */
public final class ValidationService {

    private final BlueprintLoader loader;
    private final RuleEngine engine;

    public ValidationService(BlueprintLoader loader) {
        this.loader = loader;
        this.engine = RuleEngine.standard();
    }

    public ValidationService() {
        this(new BlueprintLoader());
    }

    /** Validates a blueprint; findings in templates are located in {@code <name>/azuredeploy.json} as generated. */
    public Report validate(Path blueprintFile, Optional<SecurityProfile> profile, Optional<SchemaLookup> schemas) {
        Blueprint loaded = loader.load(blueprintFile);
        Blueprint b = profile.map(loaded::withProfile).orElse(loaded);
        String name = blueprintFile.getFileName().toString().replaceAll("\\.(ya?ml)$", "");
        return validate(name, b.environment(), Optional.of(b.tree()), schemas);
    }

    /** Validates an environment (from YAML or the Java DSL). */
    public Report validate(String name, ClusterEnvironment env, Optional<SourceTree> blueprint,
            Optional<SchemaLookup> schemas) {
        knownRules(env, blueprint);
        CompiledEnvironment c;
        try {
            c = Compiler.compile(env, CycleCloudFiles::serverCloudInit, CycleCloudFiles::instanceCloudInit);
        } catch (IllegalArgumentException e) {
            throw BlueprintException.refusedValue(e, name, blueprint);
        }
        List<TemplateView> templates = new ArrayList<>();
        templates.add(view(ArmJsonWriter.write(c.resourceGroup()), name + "/azuredeploy.json"));
        c.subscription().ifPresent(s -> templates.add(view(ArmJsonWriter.write(s), name + "/subscription.json")));
        RuleContext context = new RuleContext(templates, Optional.of(env), blueprint,
                env.profile() == SecurityProfile.HARDENED, schemas);
        return engine.run(context, DomainSuppressions.of(env));
    }

    /** A suppression of a rule that does not exist would silently suppress nothing. */
    private static void knownRules(ClusterEnvironment env, Optional<SourceTree> blueprint) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < env.suppressions().size(); i++) {
            String rule = env.suppressions().get(i).ruleId();
            if (Catalogue.standard().info(rule).isEmpty()) {
                Problem p = Problem.at("SUPPRESSIONS", "$.suppressions[" + i + "].rule", "there is no rule " + rule,
                        suggestRule(rule));
                problems.add(blueprint.map(t -> t.locate(p)).orElse(p));
            }
        }
        if (!problems.isEmpty()) {
            throw new BlueprintException(problems);
        }
    }

    private static String suggestRule(String rule) {
        String guess = Suggest.closest(rule, Catalogue.standard().infos().stream().map(RuleInfo::id).toList());
        return guess.isEmpty() ? "use an id from hpcb rules" : "did you mean " + guess + "? (hpcb rules lists them)";
    }

    private static TemplateView view(String json, String source) {
        return new TemplateView(ArmReader.read(json, source));
    }

    /**
     * Lints ARM templates: files, or folders searched for {@code *.json} templates (parameters files and other JSON
     * are skipped). Each template is judged on its own, as one deployment.
     */
    public Report lint(List<Path> paths, boolean hardened, Optional<SchemaLookup> schemas,
            List<Suppression> suppressions) {
        List<Finding> all = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<Problem> unreadable = new ArrayList<>();
        for (Path file : templateFiles(paths)) {
            ArmDocument doc = ArmReader.read(file);
            List<Problem> syntax = doc.problems().stream().filter(p -> p.code().equals("ARM-JSON")).toList();
            if (!syntax.isEmpty()) {
                unreadable.addAll(syntax);
                continue;
            }
            if (!doc.isTemplate()) {
                continue;
            }
            RuleContext context = new RuleContext(List.of(new TemplateView(doc)), Optional.empty(), Optional.empty(),
                    hardened, schemas);
            Report r = engine.run(context, suppressions);
            all.addAll(r.findings());
            sources.add(doc.source());
        }
        if (!unreadable.isEmpty()) {
            throw new BlueprintException(unreadable);
        }
        return new Report(all, hardened, sources);
    }

    static List<Path> templateFiles(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    // hidden files and folders (.git, an interrupted generate's .NAME.old-*/.staging-*) are never
                    // templates of the project
                    s.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".json"))
                            .filter(f -> !f.getFileName().toString().endsWith(".parameters.json"))
                            .filter(f -> !hidden(p.relativize(f)))
                            .filter(f -> !f.toString().contains("/node_modules/"))
                            .sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new BlueprintException(Problem.of("LINT-INPUT", "no such file or folder: " + p,
                        Location.of(p.toString(), 0, 0), "check the path"));
            }
        }
        return out;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads a suppressions file ({@code .hpcb-suppressions.yaml}): a list of {@code rule}, {@code reason}, and
     * optionally {@code target} (JSON path or resource name) and {@code file} (path suffix).
     */
    public static List<Suppression> readSuppressions(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new BlueprintException(Problem.of("SUPPRESSIONS", "cannot read " + file + ": " + e.getMessage(),
                    Location.of(file.toString(), 0, 0), "check the path"));
        }
        SourceTree tree = SourceTreeReader.read(new YAMLFactory(), text, file.toString(), "YAML-SYNTAX");
        if (!tree.problems().isEmpty()) {
            throw new BlueprintException(tree.problems());
        }
        JsonNode root = tree.root().has("suppressions") ? tree.root().get("suppressions") : tree.root();
        List<Suppression> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode s = root.get(i);
            String path = "$[" + i + "]";
            String rule = s.path("rule").asText("");
            String reason = s.path("reason").asText("");
            if (Catalogue.standard().info(rule).isEmpty()) {
                problems.add(tree.locate(Problem.at("SUPPRESSIONS", path + ".rule", "'" + rule + "' is not a rule id",
                        suggestRule(rule))));
            } else if (reason.isBlank()) {
                problems.add(tree.locate(Problem.at("SUPPRESSIONS", path + ".reason", "suppressing " + rule
                        + " needs a reason", "say why breaking the rule is acceptable here")));
            } else {
                out.add(new Suppression(rule, reason, s.path("target").asText(""), s.path("file").asText(""),
                        file.getFileName().toString()));
            }
        }
        if (!root.isArray()) {
            problems.add(Problem.of("SUPPRESSIONS", "expected a list of suppressions", Location.of(file.toString(),
                    1, 1), "- rule: HPCB-NET-004\n    reason: ..."));
        }
        if (!problems.isEmpty()) {
            throw new BlueprintException(problems);
        }
        return out;
    }
}
