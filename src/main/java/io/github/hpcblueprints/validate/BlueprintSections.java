package io.github.hpcblueprints.validate;

import io.github.hpcblueprints.diagnostics.JsonPath;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.SourceTree;
import io.github.hpcblueprints.rules.Finding;
import java.util.List;
import java.util.Map;

/**
 * Which blueprint section makes which kind of resource, so that a finding in a template {@code validate} only
 * compiled (never wrote) can be shown in the blueprint a user edits, at the section to change.
 */
final class BlueprintSections {

    /** Resource type prefixes, most specific first, and the section that makes them. */
    private static final List<Map.Entry<String, String>> BY_TYPE = List.of(
            Map.entry("Microsoft.Network/privateEndpoints", "$.network"),
            Map.entry("Microsoft.Network/", "$.network"),
            Map.entry("Microsoft.Storage/", "$.storage"),
            Map.entry("Microsoft.StorageCache/", "$.storage.lustre"),
            Map.entry("Microsoft.NetApp/", "$.storage.netApp"),
            Map.entry("Microsoft.KeyVault/", "$.cycleCloud"),
            Map.entry("Microsoft.Consumption/", "$.cost"),
            Map.entry("Microsoft.Insights/actionGroups", "$.cost"),
            Map.entry("Microsoft.DevTestLab/", "$.cost.autoShutdown"),
            Map.entry("Microsoft.Authorization/policyAssignments", "$.governance"),
            Map.entry("Microsoft.Authorization/locks", "$.governance"),
            Map.entry("Microsoft.OperationalInsights/", "$.governance"),
            Map.entry("Microsoft.Insights/", "$.governance"),
            Map.entry("Microsoft.Authorization/", "$.access"),
            Map.entry("Microsoft.ManagedIdentity/", "$.access"));

    private BlueprintSections() {
    }

    /**
     * A finding located in a generated template ({@code <name>/azuredeploy.json}) re-pointed at the blueprint: its
     * file, the line of the section that makes the resource (the blueprint's first line when that section is not
     * written), the generated file named in the message; the JSON path stays the template's. Findings already in
     * the blueprint are returned as they are.
     */
    static Finding pointAtBlueprint(Finding f, String name, SourceTree blueprint) {
        String source = f.location().source();
        if (!source.startsWith(name + "/")) {
            return f;
        }
        String template = source.substring(name.length() + 1);
        String section = sectionOf(f.resource(), name);
        while (!section.equals(JsonPath.ROOT) && !blueprint.keyPositions().containsKey(section)) {
            section = JsonPath.parent(section);
        }
        Location at = section.equals(JsonPath.ROOT) ? new Location(blueprint.source(), 1, 1, "")
                : blueprint.keyPositions().get(section);
        Location where = new Location(blueprint.source(), at.line(), at.column(), f.location().jsonPath());
        return new Finding(f.ruleId(), f.severity(), f.message() + " (in the generated " + template + ")", where,
                f.resource(), f.unknown(), f.suppressedBecause());
    }

    /** The section for a finding's resource ({@code Type 'name'}), or the blueprint's root when none fits. */
    static String sectionOf(String resource, String name) {
        String type = resource.contains(" ") ? resource.substring(0, resource.indexOf(' ')) : resource;
        if (type.startsWith("Microsoft.Compute/") || type.startsWith("Microsoft.Network/networkInterfaces")) {
            return resource.contains("-cc'") || resource.contains("-cc-") ? "$.cycleCloud" : "$.researchInstances";
        }
        for (Map.Entry<String, String> e : BY_TYPE) {
            if (type.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return JsonPath.ROOT;
    }
}
