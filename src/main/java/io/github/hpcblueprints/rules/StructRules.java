package io.github.hpcblueprints.rules;

import static io.github.hpcblueprints.rules.Specs.E;
import static io.github.hpcblueprints.rules.Specs.W;
import static io.github.hpcblueprints.rules.Specs.rule;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.arm.DependencyGraph;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.ExprParser;
import io.github.hpcblueprints.arm.ExpressionIndex;
import io.github.hpcblueprints.json.JsonPrinter;
import io.github.hpcblueprints.arm.TemplateChecks;
import io.github.hpcblueprints.arm.TemplateLimits;
import io.github.hpcblueprints.diagnostics.JsonPath;
import io.github.hpcblueprints.diagnostics.Problem;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** STRUCT: the template is well formed, uses what Azure knows, and carries nothing unused or unsafe by mistake. */
final class StructRules {

    private static final Pattern PARAMETER = Pattern.compile("(?i)parameters\\(\\s*'([^']*)'\\s*\\)");
    private static final Pattern VARIABLE = Pattern.compile("(?i)variables\\(\\s*'([^']*)'\\s*\\)");

    /** The id of the rule for suppressions that match no finding. */
    static final String STALE_SUPPRESSION = "HPCB-STRUCT-017";

    private StructRules() {
    }

    static List<Rule> all() {
        return List.of(
                fromChecks(rule("HPCB-STRUCT-001").severity(E, E).title("Unresolved reference")
                        .why("A parameters(), variables() or dependsOn entry that names nothing fails the deployment "
                                + "only after it has started, often half-way.")
                        .fix("Declare what is referenced, or correct the name (the message suggests the closest one).")
                        .build(),
                        t -> refsAndGraph(t), "ARM-REF", "ARM-DEPENDS"),
                fromChecks(rule("HPCB-STRUCT-002").severity(E, E).title("Dependency cycle")
                        .why("ARM cannot order resources that depend on each other in a circle and rejects the "
                                + "template.")
                        .fix("Remove one dependsOn (or reference()) from the circle the message lists.")
                        .build(),
                        t -> refsAndGraph(t), "ARM-CYCLE"),
                fromChecks(rule("HPCB-STRUCT-003").severity(E, E).title("reference() to a resource that is not there")
                        .why("reference() of a resource neither in the template nor declared existing fails at "
                                + "deployment, or silently reads a resource from another deployment.")
                        .fix("Add the resource, or pass its full id with resourceId() and an apiVersion.")
                        .build(),
                        t -> refsAndGraph(t), "ARM-REFERENCE"),
                Rule.of(rule("HPCB-STRUCT-004").severity(E, E).title("Resource type or apiVersion unknown to Azure")
                        .why("A type or apiVersion that Azure's published schemas do not know is a typo or a retired "
                                + "version; the deployment fails. What only a partial local copy of the schemas "
                                + "lacks is a note naming the copy; an apiVersion dated in the future is an error.")
                        .fix("Use a type and apiVersion from the schemas (the message lists the known versions).")
                        .build(), StructRules::knownTypes),
                Rule.of(rule("HPCB-STRUCT-005").severity(W, E).title("apiVersion more than two years old")
                        .why("Old apiVersions miss security settings added since (TLS floors, network defaults) and "
                                + "are retired in time.")
                        .fix("Move to the newest stable apiVersion the schemas know for the type.")
                        .bicep("use-recent-api-versions")
                        .build(), StructRules::oldApis),
                Rule.of(rule("HPCB-STRUCT-006").severity(E, E).title("Template over ARM's limits")
                        .why("ARM refuses templates with more than 256 parameters, 512 variables, 800 resources, 64 "
                                + "outputs or 4 MB, and expressions over 24,576 characters.")
                        .fix("Split the template into nested deployments or template specs; combine parameters into "
                                + "objects.")
                        .bicep("max-params, max-variables, max-resources, max-outputs")
                        .build(),
                        StructRules::limits),
                Rule.of(rule("HPCB-STRUCT-007").severity(E, E).title("Invalid resource name")
                        .why("A child resource needs one name segment per type level; storage accounts and key vaults "
                                + "have strict length and character rules; Azure rejects the rest.")
                        .fix("Fix the name as the message explains.")
                        .checkov("CKV_AZURE_43").psrule("Azure.Storage.Name, Azure.KeyVault.Name")
                        .build(),
                        StructRules::names),
                Rule.of(rule("HPCB-STRUCT-008").severity(W, E).title("Unused parameter")
                        .why("A parameter nothing uses still has to be supplied, and misleads whoever deploys.")
                        .fix("Remove it, or use it where it was meant to be used.")
                        .psrule("Azure.Template.UseParameters").bicep("no-unused-params")
                        .build(), (c, out) -> unused(c, out, "parameters", PARAMETER)),
                Rule.of(rule("HPCB-STRUCT-009").severity(W, E).title("Unused variable")
                        .why("An unused variable is dead code that readers must still understand.")
                        .fix("Remove it, or use it where it was meant to be used.")
                        .psrule("Azure.Template.UseVariables").bicep("no-unused-vars")
                        .build(),
                        (c, out) -> unused(c, out, "variables", VARIABLE)),
                Rule.of(rule("HPCB-STRUCT-010").severity(W, E).title("Hard-coded location")
                        .why("A literal region pins every deployment to it and breaks deployments elsewhere.")
                        .fix("Use a location parameter (defaulting to resourceGroup().location).")
                        .psrule("Azure.Template.ResourceLocation").bicep("no-hardcoded-location")
                        .build(), StructRules::locations),
                secretRule(rule("HPCB-STRUCT-011").severity(E, E).title("Secure parameter with a default")
                        .why("A default of a securestring or secureObject parameter is stored in the template "
                                + "in clear.")
                        .fix("Remove the default; pass the value at deployment or as a Key Vault reference.")
                        .bicep("secure-parameter-default")
                        .build(), "SECRET-DEFAULT",
                        "SECRET-PARAM-TYPE"),
                secretRule(rule("HPCB-STRUCT-012").severity(E, E).title("Output or tag exposes a secret")
                        .why("Outputs and tags can be read by anyone who can read the deployment or the resource; a "
                                + "secure parameter or a list*() result there is a leaked secret.")
                        .fix("Remove it; whoever needs the secret reads it from Key Vault.")
                        .bicep("outputs-should-not-contain-secrets")
                        .build(), "SECRET-LEAK"),
                fromChecks(rule("HPCB-STRUCT-013").severity(E, E).title("Expression does not parse")
                        .why("ARM evaluates bracketed strings as expressions; one that does not parse fails the "
                                + "deployment.")
                        .fix("Fix the expression at the column the message gives (quote "
                                + "strings with '', balance brackets).")
                        .build(),
                        t -> TemplateChecks.expressions(t.document().expressions()), "ARM-EXPR"),
                fromChecks(rule("HPCB-STRUCT-014").severity(E, E).title("Duplicate resource")
                        .why("Two resources with the same type and name conflict; one silently overwrites the other.")
                        .fix("Rename or remove one of them.")
                        .build(), t -> graphOnly(t), "ARM-DUPLICATE"),
                fromChecks(rule("HPCB-STRUCT-015").severity(E, E).title("Deployment-time function used too early")
                        .why("reference() and list*() work only inside resource properties and outputs; ARM needs "
                                + "names, dependsOn, variables and conditions before any resource exists.")
                        .fix("Compute the value from parameters, variables or resourceId(), or move the expression "
                                + "into properties.")
                        .build(), t -> refsAndGraph(t), "ARM-FUNC-PLACE"),
                Rule.of(rule("HPCB-STRUCT-016").severity(E, E).title("Resource does not match Azure's schema")
                        .why("A property Azure's schema does not allow (a wrong type, a misspelt name, a value outside "
                                + "an enum) is rejected or ignored at deployment.")
                        .fix("Correct the property as the message says.")
                        .build(),
                        StructRules::schemas),
                fromChecks(rule("HPCB-STRUCT-020").severity(W, E).title("Key written twice")
                        .why("ARM deploys a template with a key written twice in one object and uses the last "
                                + "value; editors, linters and people reading the file often see the first, so the "
                                + "template does something other than it appears to.")
                        .fix("Keep one of the two keys: the one with the value you mean.")
                        .build(), t -> t.document().problems(),
                        io.github.hpcblueprints.diagnostics.SourceTreeReader.DUPLICATE_KEY),
                // reported by whoever applies suppressions (they know which matched); no template check of its own
                Rule.of(rule(STALE_SUPPRESSION).severity(W, E).title("Suppression that matches nothing")
                        .why("A suppression whose rule no longer fires there (the template changed, or the target is "
                                + "misspelt) accepts nothing, and will silently accept a future finding nobody "
                                + "reviewed.")
                        .fix("Remove the suppression, or correct its rule id and target (a JSON path prefix or part "
                                + "of a resource name).")
                        .build(), (c, out) -> { }));
    }

    // ---- structural checks of the arm core, mapped to rules ------------------------------------------------

    private static List<Problem> refsAndGraph(TemplateView t) {
        ExpressionIndex index = t.document().expressions();
        List<Problem> out = new java.util.ArrayList<>(TemplateChecks.references(t.root(), index));
        out.addAll(TemplateChecks.graphProblems(t.document().dependencies(), true));
        return out;
    }

    private static List<Problem> graphOnly(TemplateView t) {
        DependencyGraph g = t.document().dependencies();
        List<Problem> out = new java.util.ArrayList<>(TemplateChecks.duplicates(g));
        out.addAll(TemplateChecks.nameSegments(g));
        return out;
    }

    private static Rule fromChecks(RuleInfo info, Function<TemplateView, List<Problem>> checks, String... codes) {
        Set<String> wanted = Set.of(codes);
        return Rule.of(info, (c, out) -> {
            for (TemplateView t : c.templates()) {
                if (!t.root().isObject()) {
                    continue;
                }
                for (Problem p : checks.apply(t)) {
                    if (wanted.contains(p.code())) {
                        String path = p.location().jsonPath().isEmpty() ? "$" : p.location().jsonPath();
                        out.at(t, path, p.message() + (p.hint().isEmpty() ? "" : " (" + p.hint() + ")"));
                    }
                }
            }
        });
    }

    private static Rule secretRule(RuleInfo info, String... codes) {
        Set<String> wanted = Set.of(codes);
        return Rule.of(info, (c, out) -> {
            for (TemplateView t : c.templates()) {
                if (!t.root().isObject()) {
                    continue;
                }
                for (Problem p : t.secretProblems()) {
                    if (wanted.contains(p.code())) {
                        out.at(t, p.location().jsonPath(), p.message());
                    }
                }
            }
        });
    }

    /** Name segments per type level, and the storage account and key vault naming rules. */
    private static void names(RuleContext c, Findings out) {
        for (TemplateView t : c.templates()) {
            if (!t.root().isObject()) {
                continue;
            }
            for (Problem p : graphOnly(t)) {
                if (p.code().equals("ARM-NAME")) {
                    out.at(t, p.location().jsonPath(), p.message() + " (" + p.hint() + ")");
                }
            }
        }
        for (RuleContext.Located l : c.resources()) {
            ResourceView r = l.resource();
            if (r.json().path("existing").asBoolean(false) || r.nameKeys().size() != 1) {
                continue;
            }
            boolean storage = r.is("Microsoft.Storage/storageAccounts");
            if (!storage && !r.is("Microsoft.KeyVault/vaults")) {
                continue;
            }
            Optional<Expr> name = Links.expr(r.json().get("name"));
            if (name.isEmpty()) {
                continue;
            }
            NameShape shape = NameShape.of(name.get(), l.template());
            String what = storage ? "a storage account name" : "a key vault name";
            String allowed = storage ? "[a-z0-9]" : "[A-Za-z0-9-]";
            String bad = shape.literal().replaceAll(allowed, "");
            List<String> wrong = new java.util.ArrayList<>();
            if (!bad.isEmpty()) {
                wrong.add("has characters Azure refuses ('" + bad + "'); " + (storage
                        ? "only lower-case letters and digits" : "only letters, digits and hyphens") + " are allowed");
            }
            if (shape.max() != NameShape.UNBOUNDED && shape.max() > 24) {
                wrong.add("can be " + shape.max() + " characters long; the limit is 24");
            }
            if (shape.max() < 3) {
                wrong.add("is at most " + shape.max() + " characters long; the minimum is 3");
            }
            if (!storage && shape.literal().contains("--")) {
                wrong.add("has two hyphens in a row");
            }
            if (!wrong.isEmpty()) {
                out.at(l, r.at("name"), what + " " + String.join(" and ", wrong));
            } else if (shape.unknownChars() || shape.max() == NameShape.UNBOUNDED) {
                out.unknown(l, r.at("name"), what, new Value.Unknown("its characters or length come from values "
                        + "known only at deployment"));
            }
        }
    }

    // ---- rules of their own -----------------------------------------------------------------------------

    private static void knownTypes(RuleContext c, Findings out) {
        c.schemas().ifPresent(s -> {
            for (RuleContext.Located l : c.resources()) {
                ResourceView r = l.resource();
                if (r.type().isEmpty()) {
                    continue;
                }
                // an apiVersion from a variable or parameter default is judged as what it resolves to
                String apiVersion = r.apiVersion().startsWith("[") && !l.value("apiVersion").text().isEmpty()
                        ? l.value("apiVersion").text() : r.apiVersion();
                LocalDate used = date(apiVersion);
                if (used != null && used.isAfter(LocalDate.now())) {
                    // a date Azure cannot have reached: a typo, whatever any copy of the schemas holds
                    out.at(l, r.at("apiVersion"), r.type() + " has apiVersion " + apiVersion + ", a date still to "
                            + "come; the newest stable in the schemas is " + s.newestStable(r.type()).orElse("?"));
                } else if (!s.knowsType(r.type())) {
                    // unknown to the copy is not unknown to Azure: a copy may be partial
                    out.note(l, r.at("type"), s.source() + " has no resource type " + r.type()
                            + " (check the type; the copy may lack it)");
                } else if (!apiVersion.startsWith("[") && !s.knows(r.type(), apiVersion)) {
                    out.note(l, r.at("apiVersion"), r.type() + " has no apiVersion " + apiVersion + " in "
                            + s.source() + "; the newest stable there is " + s.newestStable(r.type()).orElse("?"));
                }
            }
        });
    }

    private static void oldApis(RuleContext c, Findings out) {
        c.schemas().ifPresent(s -> {
            for (RuleContext.Located l : c.resources()) {
                ResourceView r = l.resource();
                String newest = s.newestStable(r.type()).orElse("");
                LocalDate used = date(r.apiVersion());
                LocalDate best = date(newest);
                if (used != null && best != null && used.plusYears(2).isBefore(best)) {
                    out.at(l, r.at("apiVersion"), r.type() + " uses apiVersion " + r.apiVersion() + ", more than "
                            + "two years older than " + newest);
                }
            }
        });
    }

    private static LocalDate date(String apiVersion) {
        if (apiVersion.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(apiVersion.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void schemas(RuleContext c, Findings out) {
        c.schemas().ifPresent(s -> {
            for (TemplateView t : c.templates()) {
                JsonNode resources = t.root().path("resources");
                if (!resources.isArray()) {
                    continue;
                }
                for (int i = 0; i < resources.size(); i++) {
                    JsonNode r = resources.get(i);
                    String type = r.path("type").asText("");
                    if (!s.knows(type, r.path("apiVersion").asText(""))) {
                        continue; // STRUCT-004 says so
                    }
                    for (SchemaLookup.Violation v : s.validate(r, JsonPath.index("$.resources", i))) {
                        out.at(t, v.path(), v.message());
                    }
                }
            }
        });
    }

    private static void limits(RuleContext c, Findings out) {
        for (TemplateView t : c.templates()) {
            JsonNode root = t.root();
            if (!root.isObject()) {
                continue;
            }
            limit(out, t, "parameters", root.path("parameters").size(), TemplateLimits.MAX_PARAMETERS);
            limit(out, t, "variables", root.path("variables").size(), TemplateLimits.MAX_VARIABLES);
            limit(out, t, "resources", t.resources().size(), TemplateLimits.MAX_RESOURCES);
            limit(out, t, "outputs", root.path("outputs").size(), TemplateLimits.MAX_OUTPUTS);
            // no character prints as more than 6 bytes (a u-escape) and layout only shrinks when removed: a text
            // a sixth of the limit cannot reach it, and most are far below, so only the rest are printed and measured
            boolean small = t.document().textLength() * 6L <= TemplateLimits.MAX_TEMPLATE_BYTES;
            int bytes = small ? 0 : JsonPrinter.print(root).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > TemplateLimits.MAX_TEMPLATE_BYTES) {
                out.at(t, "$", "the template is " + bytes + " bytes; ARM's limit is " + TemplateLimits
                        .MAX_TEMPLATE_BYTES);
            }
            for (ExpressionIndex.Site s : t.document().expressions().sites()) {
                if (s.text().length() > TemplateLimits.MAX_EXPRESSION_CHARS) {
                    out.at(t, s.path(), "an expression of " + s.text().length() + " characters; ARM's limit is "
                            + TemplateLimits.MAX_EXPRESSION_CHARS);
                }
            }
        }
    }

    private static void limit(Findings out, TemplateView t, String what, int count, int max) {
        if (count > max) {
            out.at(t, "$." + what, count + " " + what + "; ARM allows at most " + max);
        }
    }

    private static void unused(RuleContext c, Findings out, String section, Pattern use) {
        for (TemplateView t : c.templates()) {
            JsonNode declared = t.root().path(section);
            if (!declared.isObject() || declared.isEmpty()) {
                continue;
            }
            Set<String> used = new HashSet<>();
            for (ExpressionIndex.Site s : t.document().expressions().sites()) {
                Matcher m = use.matcher(s.text());
                while (m.find()) {
                    used.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = declared.fields(); it.hasNext(); ) {
                String name = it.next().getKey();
                if (section.equals("variables") && name.equals("copy")) {
                    continue;
                }
                if (!used.contains(name.toLowerCase(Locale.ROOT))) {
                    out.at(t, JsonPath.child("$." + section, name), section.substring(0, section.length() - 1)
                            + " '" + name + "' is declared but never used");
                }
            }
        }
    }

    private static void locations(RuleContext c, Findings out) {
        for (RuleContext.Located l : c.resources()) {
            JsonNode loc = l.resource().json().get("location");
            if (loc != null && loc.isTextual() && !ExprParser.isExpressionString(loc.textValue())
                    && !loc.textValue().equalsIgnoreCase("global")) {
                out.at(l, l.resource().at("location"), "location is the literal '" + loc.textValue() + "'");
            }
        }
    }
}
