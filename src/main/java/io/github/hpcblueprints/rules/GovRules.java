package io.github.hpcblueprints.rules;

import static io.github.hpcblueprints.rules.Specs.I;
import static io.github.hpcblueprints.rules.Specs.rule;

import java.util.List;

/** GOV: the environment stays as designed after deployment. */
final class GovRules {

    static final String POLICY_ASSIGNMENT = "Microsoft.Authorization/policyAssignments";

    private GovRules() {
    }

    static List<Rule> all() {
        return List.of(
                policy(rule("HPCB-GOV-001").severity(I, Specs.E).title("No allowed-locations policy")
                        .why("Without it, anyone with rights can create resources (and copies of data) in any region.")
                        .fix("Assign the built-in 'Allowed locations' policy (governance.allowedLocations).")
                        .psrule("Azure.Resource.AllowedRegions")
                        .build(), "e56962a6-4747-49cd-b67b-bf8b01975c4c",
                        "Allowed locations"),
                policy(rule("HPCB-GOV-002").severity(I, Specs.E).title("No allowed-VM-sizes policy")
                        .why("Without it, one job script or portal click can start the most expensive GPUs Azure has.")
                        .fix("Assign the built-in 'Allowed virtual machine size SKUs' policy "
                                + "(governance.allowedVmSizes).")
                        .build(), "cccc23c7-8427-4f53-ad12-b6a63eb452b3", "Allowed virtual machine size SKUs"),
                policy(rule("HPCB-GOV-003").severity(I, Specs.E).title("No required-tags policy")
                        .why("Cost tags set by the template drift away on resources created later; a policy "
                                + "keeps them.")
                        .fix("Assign the built-in 'Require a tag on resources' policy for project, owner and "
                                + "environment (governance.requiredTags).")
                        .build(),
                        "871b6d14-10aa-478d-b590-94f262ecfa99", "Require a tag on resources"),
                Rule.of(rule("HPCB-GOV-004").severity(I, Specs.E).title("No diagnostic logs for Key Vault or storage")
                        .why("Without diagnostic settings nobody can tell afterwards who read a secret or a dataset.")
                        .fix("Send Key Vault and storage logs to Log Analytics with a diagnostic setting "
                                + "(governance.logRetentionDays).")
                        .psrule("Azure.KeyVault.Logs")
                        .build(), GovRules::diagnostics),
                Rule.of(rule("HPCB-GOV-005").severity(I, Specs.E).title("Virtual network without a delete lock")
                        .why("Every node, private endpoint and the CycleCloud server sit in the virtual network; "
                                + "deleting it (or a subnet) by mistake stops them all at once.")
                        .fix("Add a Microsoft.Authorization/locks resource with level CanNotDelete scoped to the "
                                + "network, or deploy the core as a deployment stack with deny settings.")
                        .build(), GovRules::networkLock));
    }

    private static Rule policy(RuleInfo info, String definition, String name) {
        return Rule.of(info, (c, out) -> {
            if (c.resources().isEmpty()) {
                return;
            }
            boolean assigned = c.resources(POLICY_ASSIGNMENT).stream().anyMatch(p -> p.resource()
                    .get("properties.policyDefinitionId").asText("").contains(definition));
            if (!assigned) {
                out.at(c.templates().get(0), "$.resources", "no '" + name + "' policy assignment");
            }
        });
    }

    private static void diagnostics(RuleContext c, Findings out) {
        List<RuleContext.Located> settings = c.resources("microsoft.insights/diagnosticSettings");
        for (String type : List.of(DataRules.VAULT, DataRules.ACCOUNT)) {
            for (RuleContext.Located target : c.resources(type)) {
                boolean logged = settings.stream().anyMatch(s -> Links.scopeIs(s.resource(), target.resource(), true));
                if (!logged) {
                    out.at(target, target.resource().path(), "no diagnostic setting sends its logs anywhere");
                }
            }
        }
    }

    private static void networkLock(RuleContext c, Findings out) {
        if (!c.resources("Microsoft.Resources/deploymentStacks").isEmpty()) {
            return;
        }
        List<RuleContext.Located> locks = c.resources("Microsoft.Authorization/locks").stream()
                .filter(l -> l.value("properties.level").text().equalsIgnoreCase("CanNotDelete")
                        || l.value("properties.level").text().equalsIgnoreCase("ReadOnly")).toList();
        if (locks.stream().anyMatch(l -> !l.resource().json().has("scope"))) {
            return; // a lock on the whole resource group covers the network
        }
        for (RuleContext.Located vnet : c.resources(NetRules.VNET)) {
            boolean locked = locks.stream().anyMatch(l -> Links.scopeIs(l.resource(), vnet.resource(), false));
            if (!locked) {
                out.at(vnet, vnet.resource().path(), "nothing stops the virtual network being deleted (no "
                        + "CanNotDelete lock on it or on the resource group)");
            }
        }
    }
}
