package io.github.hpcblueprints.rules;

import static io.github.hpcblueprints.rules.Specs.E;
import static io.github.hpcblueprints.rules.Specs.W;
import static io.github.hpcblueprints.rules.Specs.rule;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deployments that succeed once and fail the second time: what Azure refuses to change, names that must be unique
 * beyond the resource group, and names a deleted resource keeps. A second deployment (next month, a dev copy, a
 * course cluster deleted and recreated each term) is part of day one.
 */
final class RedeployRules {

    static final String ROLE_DEFINITION = "Microsoft.Authorization/roleDefinitions";
    private static final Pattern PARAMETER = Pattern.compile("^\\[parameters\\('([^']+)'\\)\\]$");

    private RedeployRules() {
    }

    static List<Rule> all() {
        return List.of(
                Rule.of(rule("HPCB-COST-006").severity(W, E).title("Budget start date that moves with the deployment")
                        .why("Azure refuses to change a budget's start date, and a start date of utcNow() is a new "
                                + "date in every month: the next month's deployment of the same template fails.")
                        .fix("Choose the date once: record it on the first deployment (for example as a resource "
                                + "group tag the parameter's default reads back) or pass the first date every time.")
                        .build(), RedeployRules::budgetStart),
                Rule.of(rule("HPCB-GOV-006").severity(W, E).title("Custom role name not unique in the tenant")
                        .why("A custom role's name must be unique in the whole Entra ID tenant: a second copy of the "
                                + "template (another resource group or subscription) fails with "
                                + "RoleDefinitionWithSameNameExists.")
                        .fix("Make roleName unique per assignable scope, e.g. format('{0} [{1}]', name, "
                                + "uniqueString(resourceGroup().id)).")
                        .build(), RedeployRules::roleNames),
                Rule.of(rule("HPCB-DATA-020").severity(W, E).title("Key Vault that cannot be created again")
                        .why("With purge protection a deleted vault keeps its name for the retention period; a "
                                + "resource group deleted and deployed again asks for the same name and fails "
                                + "(VaultAlreadyExists in deleted state).")
                        .fix("Make properties.createMode a parameter ('default', or 'recover' to bring the deleted "
                                + "vault back with its secrets) and document when to use it.")
                        .build(), RedeployRules::vaultRecreate));
    }

    /** A value as written, or a parameter's default when the value is just that parameter. */
    private static String written(TemplateView t, JsonNode value) {
        String text = value.asText("");
        Matcher m = PARAMETER.matcher(text);
        if (m.matches()) {
            JsonNode def = t.root().path("parameters").path(m.group(1)).path("defaultValue");
            return def.isMissingNode() ? "" : def.asText("");
        }
        return text;
    }

    private static void budgetStart(RuleContext c, Findings out) {
        for (RuleContext.Located b : c.resources(CostRules.BUDGET)) {
            JsonNode start = b.resource().get("properties.timePeriod.startDate");
            String text = written(b.template(), start).toLowerCase(Locale.ROOT);
            // a default that reads a date recorded on the resource group moves only on the first deployment
            if (text.contains("utcnow(") && !text.contains("resourcegroup().tags")) {
                out.at(b, b.resource().at("properties.timePeriod.startDate"), "the budget starts on the "
                        + "deployment's own month (utcNow()), which Azure refuses to change when a later month "
                        + "deploys again");
            }
        }
    }

    private static void roleNames(RuleContext c, Findings out) {
        for (RuleContext.Located r : c.resources(ROLE_DEFINITION)) {
            JsonNode name = r.resource().get("properties.roleName");
            if (name.isTextual() && !name.textValue().startsWith("[")) {
                out.at(r, r.resource().at("properties.roleName"), "custom role name '" + name.textValue()
                        + "' is a fixed text: a second copy of this template in the tenant fails on it");
            }
        }
    }

    private static void vaultRecreate(RuleContext c, Findings out) {
        for (RuleContext.Located v : c.resources(DataRules.VAULT)) {
            if (v.resource().json().path("existing").asBoolean(false)) {
                continue;
            }
            boolean purgeProtected = v.value("properties.enablePurgeProtection").text().equalsIgnoreCase("true");
            JsonNode mode = v.resource().get("properties.createMode");
            if (purgeProtected && (mode.isMissingNode() || !mode.asText("").startsWith("[parameters("))) {
                out.at(v, v.resource().at("properties"), "the vault is purge-protected and always created with "
                        + "the same createMode: deployed again after its resource group was deleted, it fails on "
                        + "its own soft-deleted name");
            }
        }
    }
}
