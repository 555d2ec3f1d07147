package io.github.hpcblueprints.azure.authorization;

/**
 * Built-in Azure Policy definitions this project assigns, with their fixed ids and the parameter each takes.
 */
public enum BuiltInPolicy {
    /** Deny resources outside the listed regions. */
    ALLOWED_LOCATIONS("e56962a6-4747-49cd-b67b-bf8b01975c4c", "listOfAllowedLocations", false),
    /** Deny VMs of sizes not listed. */
    ALLOWED_VM_SKUS("cccc23c7-8427-4f53-ad12-b6a63eb452b3", "listOfAllowedSKUs", false),
    /** Deny resources without the given tag. */
    REQUIRE_TAG("871b6d14-10aa-478d-b590-94f262ecfa99", "tagName", false),
    /** Copy a tag from the resource group to resources that lack it (Modify effect: needs an identity). */
    INHERIT_TAG_FROM_RESOURCE_GROUP("ea3f2387-9b95-492a-a190-fcdc54f7b070", "tagName", true);

    private final String id;
    private final String parameter;
    private final boolean modifies;

    BuiltInPolicy(String id, String parameter, boolean modifies) {
        this.id = id;
        this.parameter = parameter;
        this.modifies = modifies;
    }

    public String id() {
        return id;
    }

    /** The name of the definition's one parameter. */
    public String parameter() {
        return parameter;
    }

    /** True when the policy changes resources, so its assignment needs a managed identity. */
    public boolean modifies() {
        return modifies;
    }

    /** The definition's resource id (built-ins live at tenant level). */
    public String definitionId() {
        return "/providers/Microsoft.Authorization/policyDefinitions/" + id;
    }
}
