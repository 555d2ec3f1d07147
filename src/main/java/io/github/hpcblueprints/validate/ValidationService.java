package io.github.hpcblueprints.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.hpcblueprints.arm.ArmDocument;
import io.github.hpcblueprints.arm.ArmReader;
import io.github.hpcblueprints.build.Build;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.diagnostics.SourceTree;
import io.github.hpcblueprints.diagnostics.SourceTreeReader;
import io.github.hpcblueprints.hpc.ClusterEnvironment;
import io.github.hpcblueprints.hpc.DomainSuppressions;
import io.github.hpcblueprints.hpc.SecurityProfile;
import io.github.hpcblueprints.rules.Catalogue;
import io.github.hpcblueprints.rules.RuleInfo;
import io.github.hpcblueprints.diagnostics.Suggest;
import io.github.hpcblueprints.rules.Finding;
import io.github.hpcblueprints.rules.Report;
import io.github.hpcblueprints.rules.Severity;
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

    private final RuleEngine engine = RuleEngine.standard();

    /**
     * Judges a build as {@code generate} records it in {@code findings.json}: findings in a template are located in
     * that template ({@code <name>/azuredeploy.json}, lines as written), findings in the blueprint in the blueprint.
     */
    public Report judge(Build build, Optional<SchemaLookup> schemas) {
        ClusterEnvironment env = build.environment();
        knownRules(env, build.blueprint());
        List<TemplateView> templates = build.templates().stream().map(t -> new TemplateView(t.document())).toList();
        RuleContext context = new RuleContext(templates, List.of(build.compiled(), build), build.blueprint(),
                env.profile() == SecurityProfile.HARDENED, schemas);
        // findings in the blueprint carry its file even when there is no YAML tree (the Java DSL names its source)
        return judge(engine, context, env, build.blueprint()).mapSources(s -> s.isEmpty() ? env.source() : s);
    }

    /**
     * Judges a build as {@code validate} shows it. Nothing is written, so a finding in a template it would generate
     * is pointed at the blueprint itself, at the section that makes the resource (code scanning annotates the file a
     * user edits); the message names the generated file and the JSON path keeps the place in it.
     */
    public Report validate(Build build, Optional<SchemaLookup> schemas) {
        Report r = judge(build, schemas);
        return build.blueprint().map(tree -> r.mapFindings(f -> BlueprintSections.pointAtBlueprint(f, build.name(),
                tree))).orElse(r);
    }

    /** What a report means for a run: input problems outrank findings, findings at or above the threshold fail. */
    public static Verdict verdict(Report report, Severity failOn) {
        if (!report.problems().isEmpty()) {
            return Verdict.BAD_INPUT;
        }
        return report.failsAt(failOn) ? Verdict.FINDINGS : Verdict.CLEAN;
    }

    /**
     * The rules on a compiled environment, with the domain's suppressions and the blueprint's own; each of the
     * blueprint's suppressions that matches nothing is reported (HPCB-STRUCT-017) where it is written.
     */
    public static Report judge(RuleEngine engine, RuleContext context, ClusterEnvironment env,
            Optional<SourceTree> blueprint) {
        Report report = engine.run(context, DomainSuppressions.of(env, blueprint));
        // the blueprint's own suppressions (not the ones the domain adds for settings with reasons) must match
        return RuleEngine.withStaleSuppressions(report, DomainSuppressions.stated(env, blueprint));
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

    /**
     * Lints ARM templates: files, or folders searched for {@code *.json} templates (parameters files, other JSON and
     * hidden folders are skipped). A template is judged as one deployment, together with its subscription companion
     * ({@code subscription.json} beside an {@code azuredeploy.json}, as generate writes them), so lint and validate
     * give one verdict. A file that cannot be read, or a file named explicitly that is not an ARM template, is an
     * input problem in the report; the rest are still judged.
     */
    public Report lint(List<Path> paths, boolean hardened, Optional<SchemaLookup> schemas,
            List<Suppression> suppressions) {
        List<Problem> problems = new ArrayList<>();
        List<TemplateFile> files = templateFiles(paths, problems);
        // files are read and judged on every core; results are gathered in the files' order, so output is stable
        List<Read> read = files.parallelStream().map(ValidationService::read).toList();
        java.util.Map<Path, List<ArmDocument>> byFolder = new java.util.TreeMap<>();
        for (int i = 0; i < files.size(); i++) {
            TemplateFile file = files.get(i);
            Read r = read.get(i);
            problems.addAll(r.problems());
            if (r.doc() == null) {
                continue;
            }
            if (!r.doc().isTemplate()) {
                if (file.explicit()) {
                    problems.add(notATemplate(file.path(), r.doc()));
                }
                continue;
            }
            byFolder.computeIfAbsent(file.path().toAbsolutePath().getParent(), k -> new ArrayList<>()).add(r.doc());
        }
        List<List<ArmDocument>> deployments = new ArrayList<>();
        byFolder.values().forEach(docs -> deployments.addAll(deployments(docs)));
        List<Report> reports = deployments.parallelStream().map(deployment -> engine.run(new RuleContext(
                deployment.stream().map(TemplateView::new).toList(), Optional.empty(), Optional.empty(), hardened,
                schemas), suppressions)).toList();
        Report merged = Report.merge(reports, hardened);
        merged = new Report(merged.findings(), hardened, merged.sources(), problems);
        return RuleEngine.withStaleSuppressions(merged, suppressions);
    }

    /** One file read: the document, or the problems that stop it being judged. */
    private record Read(ArmDocument doc, List<Problem> problems) {
    }

    private static Read read(TemplateFile file) {
        ArmDocument doc;
        try {
            doc = ArmReader.read(file.path());
        } catch (BlueprintException e) {
            return new Read(null, e.problems());
        }
        List<Problem> syntax = doc.problems().stream().filter(p -> p.code().equals("ARM-JSON")).toList();
        return syntax.isEmpty() ? new Read(doc, List.of()) : new Read(null, syntax);
    }

    /** The templates of one folder as deployments: a subscription.json joins the azuredeploy.json beside it. */
    private static List<List<ArmDocument>> deployments(List<ArmDocument> docs) {
        ArmDocument main = null;
        ArmDocument subscription = null;
        for (ArmDocument d : docs) {
            String n = Path.of(d.source()).getFileName().toString();
            if (n.equals("azuredeploy.json")) {
                main = d;
            } else if (n.equals("subscription.json")) {
                subscription = d;
            }
        }
        List<List<ArmDocument>> out = new ArrayList<>();
        for (ArmDocument d : docs) {
            if (main != null && subscription != null && d == subscription) {
                continue;
            }
            out.add(d == main && subscription != null ? List.of(main, subscription) : List.of(d));
        }
        return out;
    }

    private static Problem notATemplate(Path file, ArmDocument doc) {
        String schema = doc.root().path("$schema").asText("");
        String what = schema.contains("deploymentParameters") || doc.root().has("parameters")
                && !doc.root().has("resources") ? "an ARM parameters file, not a template"
                : "JSON, but not an ARM template (no deploymentTemplate $schema, no resources)";
        return Problem.of("LINT-INPUT", "this is " + what, Location.of(file.toString(), 1, 1),
                "lint the template it belongs to (hpcb lint reads ARM deployment templates)");
    }

    /** A file to lint, and whether the user named it (then anything but a template is an input problem). */
    record TemplateFile(Path path, boolean explicit) {
    }

    static List<TemplateFile> templateFiles(List<Path> paths, List<Problem> problems) {
        List<TemplateFile> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    // hidden files and folders (.git, an interrupted generate's .NAME.old-*/.staging-*) are never
                    // templates of the project
                    s.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".json"))
                            .filter(f -> !f.getFileName().toString().endsWith(".parameters.json"))
                            .filter(f -> !hidden(p.relativize(f)))
                            .filter(f -> !f.toString().contains("/node_modules/"))
                            .sorted().forEach(f -> out.add(new TemplateFile(f, false)));
                } catch (IOException e) {
                    problems.add(Problem.of("LINT-INPUT", "cannot list the folder: " + e.getMessage(),
                            Location.of(p.toString(), 0, 0), "check its permissions"));
                }
            } else if (Files.isRegularFile(p)) {
                String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                if (name.endsWith(".bicep") || name.endsWith(".bicepparam")) {
                    problems.add(Problem.of("LINT-INPUT", "this is a Bicep file; hpcb lint reads ARM JSON templates",
                            Location.of(p.toString(), 1, 1), "lint the JSON template built from it (az bicep build "
                                    + "--file " + p.getFileName() + "), or the azuredeploy.json hpcb generate wrote "
                                    + "beside it"));
                } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                    problems.add(Problem.of("LINT-INPUT", "this is YAML, not an ARM template; lint reads ARM JSON",
                            Location.of(p.toString(), 1, 1), "for a blueprint, run: hpcb validate " + p));
                } else {
                    out.add(new TemplateFile(p, true));
                }
            } else {
                problems.add(Problem.of("LINT-INPUT", "no such file or folder", Location.of(p.toString(), 0, 0),
                        "check the path"));
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
                        file.getFileName().toString(), Location.of(file.toString(), tree.locate(path).line(), 1)));
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
