package io.github.hpcblueprints.rules;

import static io.github.hpcblueprints.rules.Specs.E;
import static io.github.hpcblueprints.rules.Specs.I;
import static io.github.hpcblueprints.rules.Specs.W;
import static io.github.hpcblueprints.rules.Specs.rule;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** ACCESS: the right people and identities, and only them. */
final class AccessRules {

    static final String NSG = "Microsoft.Network/networkSecurityGroups";
    private static final Set<String> ANYWHERE = Set.of("*", "internet", "0.0.0.0/0", "any", "::/0");
    private static final Map<String, String> PRIVILEGED = Map.of(
            "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "Owner",
            "b24988ac-6180-42a0-ab88-20f7382dd24c", "Contributor",
            "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", "User Access Administrator");

    private AccessRules() {
    }

    static List<Rule> all() {
        return List.of(
                Rule.of(rule("HPCB-ACCESS-001").severity(E, E).title("Linux VM accepts passwords")
                        .why("Passwords are guessed, reused and phished; SSH keys and Entra ID sign-in are not.")
                        .fix("Set linuxConfiguration.disablePasswordAuthentication to true and remove adminPassword.")
                        .checkov("CKV_AZURE_1, CKV_AZURE_149, CKV_AZURE_178").psrule("Azure.VM.PublicKey")
                        .build(),
                        AccessRules::passwords),
                Rule.of(rule("HPCB-ACCESS-002").severity(E, E).title("SSH open to the internet")
                        .why("Port 22 open to the internet is scanned and brute-forced within minutes.")
                        .fix("Remove the rule; administer through Azure Bastion (or a VPN) instead.")
                        .checkov("CKV_AZURE_10").psrule("Azure.NSG.AnyInboundSource")
                        .build(), (c, out) -> openPorts(c, out, 22, "SSH")),
                Rule.of(rule("HPCB-ACCESS-003").severity(E, E).title("RDP open to the internet")
                        .why("Port 3389 open to the internet is one of the most attacked services there is.")
                        .fix("Remove the rule; use Azure Bastion.")
                        .checkov("CKV_AZURE_9").psrule("Azure.NSG.AnyInboundSource")
                        .build(),
                        (c, out) -> openPorts(c, out, 3389, "RDP")),
                Rule.of(rule("HPCB-ACCESS-004").severity(E, E).title("Inbound from the internet beyond HTTPS")
                        .why("An HPC environment needs no inbound internet traffic except HTTPS to Bastion; any other "
                                + "open port is attack surface.")
                        .fix("Restrict the rule's source to known networks or service tags, or remove it.")
                        .checkov("CKV_AZURE_160").psrule("Azure.NSG.AnyInboundSource")
                        .build(), AccessRules::broadInbound),
                Rule.of(rule("HPCB-ACCESS-005").severity(W, E).title("Public IP on a VM")
                        .why("A public address on a VM bypasses Bastion and exposes every listening service to the "
                                + "internet's scanners.")
                        .fix("Remove the public IP; reach the VM through Bastion; send outbound through NAT.")
                        .psrule("Azure.VM.PublicIPAttached")
                        .build(), AccessRules::publicIps),
                Rule.of(rule("HPCB-ACCESS-006").severity(E, E).title("Privileged role granted")
                        .why("Owner, Contributor and User Access Administrator let a principal do (or grant) anything "
                                + "in their scope; a compromised node or pipeline inherits all of it.")
                        .fix("Grant a narrower built-in role or a custom role with only the actions needed.")
                        .psrule("Azure.RBAC.LimitOwner")
                        .build(), AccessRules::privileged),
                Rule.of(rule("HPCB-ACCESS-007").severity(W, E).title("Role granted to a user")
                        .why("Roles given to individual users outlive their projects and are hard to review.")
                        .fix("Grant the role to an Entra ID group and manage membership there.")
                        .psrule("Azure.RBAC.UseGroups")
                        .build(), AccessRules::toUsers),
                Rule.of(rule("HPCB-ACCESS-008").severity(E, E).title("Custom role allows every action")
                        .why("A custom role with '*' actions is Owner in disguise.")
                        .fix("List the actions the role needs (Microsoft.Compute/virtualMachines/*, ...).")
                        .checkov("CKV_AZURE_39")
                        .build(), AccessRules::wildcardRoles),
                Rule.of(rule("HPCB-ACCESS-011").severity(I, E).title("VM accepts extensions")
                        .why("VM extensions and Run Command execute as root from the Azure control plane; a VM that "
                                + "needs none should refuse them.")
                        .fix("Set osProfile.allowExtensionOperations to false (where an extension is needed, suppress "
                                + "with its reason).")
                        .checkov("CKV_AZURE_50")
                        .build(),
                        (c, out) -> DataRules.property(c, out, DataRules.VM,
                                "properties.osProfile.allowExtensionOperations", n -> !n.asBoolean(true), false,
                                "extension operations", "the VM accepts extension operations")));
    }

    /**
     * A Windows VM (or scale set, whose model is under {@code prefix}): by its OS configuration, OS disk or image,
     * following variables and parameter defaults as the rest of the rules do (the quickstarts pass the image in).
     */
    static boolean windows(RuleContext.Located vm, String prefix) {
        if (vm.resource().get(prefix + ".osProfile").has("windowsConfiguration")) {
            return true;
        }
        String image = prefix + ".storageProfile.imageReference.";
        return all(vm.value(prefix + ".storageProfile.osDisk.osType"), t -> t.equalsIgnoreCase("windows"))
                || all(vm.value(image + "publisher"), t -> t.contains("windows"))
                // Windows images published by other teams: SQL Server on Windows Server, Visual Studio
                || all(vm.value(image + "offer"), t -> t.contains("windows") || t.matches(".*-ws20\\d\\d.*")
                        || t.startsWith("visualstudio"));
    }

    /** True when the value is known (or each choice is) and its text passes the test, lower-cased. */
    private static boolean all(Value v, java.util.function.Predicate<String> test) {
        java.util.function.Predicate<JsonNode> ok = n -> n.isTextual()
                && test.test(n.textValue().toLowerCase(java.util.Locale.ROOT));
        return (v instanceof Value.Known || v instanceof Value.OneOf) && v.test(ok, false) == Value.Verdict.PASS;
    }

    /** Linux VMs and scale sets (whose VM model is {@code properties.virtualMachineProfile}). */
    private static void passwords(RuleContext c, Findings out) {
        for (RuleContext.Located l : c.resources(DataRules.VM)) {
            passwords(l, "properties", out);
        }
        for (RuleContext.Located l : c.resources(DataRules.SCALE_SET)) {
            passwords(l, "properties.virtualMachineProfile", out);
        }
    }

    private static void passwords(RuleContext.Located l, String prefix, Findings out) {
        JsonNode os = l.resource().get(prefix + ".osProfile");
        if (windows(l, prefix)) {
            return; // a Windows VM signs in with its password; this rule is about Linux
        }
        if (os.has("adminPassword")) {
            String text = os.path("adminPassword").asText("");
            Value publisher = l.value(prefix + ".storageProfile.imageReference.publisher");
            boolean osKnown = os.has("linuxConfiguration") || l.resource().get(prefix + ".storageProfile.osDisk")
                    .has("osType") || publisher instanceof Value.Known || publisher instanceof Value.OneOf
                    || l.resource().get(prefix + ".storageProfile.imageReference").has("id");
            if (!osKnown) {
                // an image passed in without a default: Linux or Windows is the deployment's choice
                out.unknown(l, l.resource().at(prefix + ".osProfile.adminPassword"), "password sign-in on Linux",
                        new Value.Unknown("the image, and so Linux or Windows, is chosen at deployment ("
                                + (publisher instanceof Value.Unknown u ? u.why() : "no image publisher") + ")"));
            } else if (text.startsWith("[") && text.toLowerCase(java.util.Locale.ROOT).contains("if(")) {
                // the quickstarts' authenticationType parameter: a password only when a deployment chooses it
                out.unknown(l, l.resource().at(prefix + ".osProfile.adminPassword"), "password sign-in",
                        new Value.Unknown("chosen at deployment by " + text));
            } else {
                out.at(l, l.resource().at(prefix + ".osProfile.adminPassword"), "the VM has an admin password");
            }
            return;
        }
        if (!os.has("linuxConfiguration")) {
            return;
        }
        String path = prefix + ".osProfile.linuxConfiguration.disablePasswordAuthentication";
        Value v = l.value(path);
        out.verdict(l, path, v, v.test(n -> n.asBoolean(false), false), "password authentication",
                "password authentication is not disabled");
    }

    /** Every inbound allow rule from anywhere: inline rules of NSGs and separate securityRules resources. */
    record NsgRule(RuleContext.Located owner, String path, JsonNode properties) {
    }

    private static final java.util.regex.Pattern RULES_IN_VARIABLE =
            java.util.regex.Pattern.compile("^\\[variables\\('([^']+)'\\)\\]$");

    static List<NsgRule> inboundFromAnywhere(RuleContext c) {
        List<NsgRule> out = new ArrayList<>();
        for (RuleContext.Located nsg : c.resources(NSG)) {
            JsonNode rules = nsg.resource().get("properties.securityRules");
            String at = nsg.resource().at("properties.securityRules");
            // the rules may sit in a variable ("securityRules": "[variables('rules')]"): judge them there
            java.util.regex.Matcher variable = RULES_IN_VARIABLE.matcher(rules.asText(""));
            if (rules.isTextual() && variable.matches()) {
                rules = nsg.template().root().path("variables").path(variable.group(1));
                at = io.github.hpcblueprints.diagnostics.JsonPath.child("$.variables", variable.group(1));
            }
            for (int i = 0; i < rules.size(); i++) {
                out.add(new NsgRule(nsg, at + "[" + i + "].properties", rules.get(i).path("properties")));
            }
        }
        for (RuleContext.Located r : c.resources(NSG + "/securityRules")) {
            out.add(new NsgRule(r, r.resource().at("properties"), r.resource().properties()));
        }
        out.removeIf(r -> !r.properties().path("direction").asText("").equalsIgnoreCase("Inbound")
                || !r.properties().path("access").asText("").equalsIgnoreCase("Allow")
                || !fromAnywhere(r.properties()));
        return out;
    }

    private static boolean fromAnywhere(JsonNode p) {
        List<String> sources = new ArrayList<>();
        if (p.has("sourceAddressPrefix")) {
            sources.add(p.path("sourceAddressPrefix").asText(""));
        }
        p.path("sourceAddressPrefixes").forEach(s -> sources.add(s.asText("")));
        return sources.stream().anyMatch(s -> ANYWHERE.contains(s.toLowerCase(Locale.ROOT)));
    }

    static boolean coversPort(JsonNode p, int port) {
        List<String> ranges = new ArrayList<>();
        if (p.has("destinationPortRange")) {
            ranges.add(p.path("destinationPortRange").asText(""));
        }
        p.path("destinationPortRanges").forEach(r -> ranges.add(r.asText("")));
        for (String r : ranges) {
            if (r.equals("*")) {
                return true;
            }
            String[] parts = r.split("-");
            try {
                int lo = Integer.parseInt(parts[0].strip());
                int hi = parts.length > 1 ? Integer.parseInt(parts[1].strip()) : lo;
                if (port >= lo && port <= hi) {
                    return true;
                }
            } catch (NumberFormatException e) {
                // an expression: not a port we can read
            }
        }
        return false;
    }

    private static void openPorts(RuleContext c, Findings out, int port, String service) {
        for (NsgRule r : inboundFromAnywhere(c)) {
            if (coversPort(r.properties(), port)) {
                out.at(r.owner(), r.path(), service + " (port " + port + ") is allowed in from anywhere");
            }
        }
    }

    private static void broadInbound(RuleContext c, Findings out) {
        for (NsgRule r : inboundFromAnywhere(c)) {
            List<String> ranges = new ArrayList<>();
            if (r.properties().has("destinationPortRange")) {
                ranges.add(r.properties().path("destinationPortRange").asText(""));
            }
            r.properties().path("destinationPortRanges").forEach(x -> ranges.add(x.asText("")));
            if (ranges.stream().allMatch(p -> p.equals("22") || p.equals("3389"))) {
                continue; // ACCESS-002/003 say so
            }
            if (ranges.contains("*")) {
                // an allow-all rule: more than SSH and RDP, which ACCESS-002/003 name
                out.at(r.owner(), r.path(), "every port is allowed in from anywhere");
            } else if (!ranges.equals(List.of("443"))) {
                out.at(r.owner(), r.path(), "ports " + ranges + " are allowed in from anywhere");
            }
        }
    }

    private static void publicIps(RuleContext c, Findings out) {
        for (RuleContext.Located nic : c.resources("Microsoft.Network/networkInterfaces")) {
            JsonNode configs = nic.resource().get("properties.ipConfigurations");
            for (int i = 0; i < configs.size(); i++) {
                if (configs.get(i).path("properties").has("publicIPAddress")) {
                    out.at(nic, nic.resource().at("properties.ipConfigurations[" + i + "].properties.publicIPAddress"),
                            "the network interface has a public IP address");
                }
            }
        }
    }

    private static void privileged(RuleContext c, Findings out) {
        for (RuleContext.Located l : c.resources(DataRules.ROLE_ASSIGNMENT)) {
            String role = l.resource().get("properties.roleDefinitionId").asText("").toLowerCase(Locale.ROOT);
            PRIVILEGED.forEach((id, name) -> {
                if (role.contains(id)) {
                    out.at(l, l.resource().at("properties.roleDefinitionId"), "the assignment grants " + name);
                }
            });
        }
    }

    private static void toUsers(RuleContext c, Findings out) {
        for (RuleContext.Located l : c.resources(DataRules.ROLE_ASSIGNMENT)) {
            if (l.value("properties.principalType").text().equalsIgnoreCase("User")) {
                out.at(l, l.resource().at("properties.principalType"), "the role is granted to a single user");
            }
        }
    }

    private static void wildcardRoles(RuleContext c, Findings out) {
        for (RuleContext.Located l : c.resources("Microsoft.Authorization/roleDefinitions")) {
            JsonNode permissions = l.resource().get("properties.permissions");
            for (int i = 0; i < permissions.size(); i++) {
                JsonNode actions = permissions.get(i).path("actions");
                for (int j = 0; j < actions.size(); j++) {
                    if (actions.get(j).asText("").equals("*")) {
                        out.at(l, l.resource().at("properties.permissions[" + i + "].actions[" + j + "]"),
                                "the custom role allows every action ('*')");
                    }
                }
            }
        }
    }
}
