package io.github.hpcblueprints.azure.authorization;

import io.github.hpcblueprints.arm.Expr;
import java.util.Locale;
import java.util.Optional;

/**
 * The Azure built-in roles this project assigns or recognises, with their fixed ids (the same in every tenant,
 * checked against Microsoft's built-in roles reference). {@link #isPrivileged()} marks the roles that can grant
 * access to others; the generator never assigns them.
 */
public enum BuiltInRole {
    OWNER("Owner", "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", true),
    USER_ACCESS_ADMINISTRATOR("User Access Administrator", "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", true),
    CONTRIBUTOR("Contributor", "b24988ac-6180-42a0-ab88-20f7382dd24c", false),
    READER("Reader", "acdd72a7-3385-48ef-bd42-f606fba81ae7", false),
    STORAGE_BLOB_DATA_OWNER("Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", false),
    STORAGE_BLOB_DATA_CONTRIBUTOR("Storage Blob Data Contributor", "ba92f5b4-2d11-453d-a403-e96b0029c9fe", false),
    STORAGE_BLOB_DATA_READER("Storage Blob Data Reader", "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1", false),
    STORAGE_ACCOUNT_CONTRIBUTOR("Storage Account Contributor", "17d1049b-9a84-46fb-8f53-869881c3d3ab", false),
    VIRTUAL_MACHINE_CONTRIBUTOR("Virtual Machine Contributor", "9980e02c-c2be-4d73-94e8-173b1dc7cf3c", false),
    VIRTUAL_MACHINE_USER_LOGIN("Virtual Machine User Login", "fb879df8-f326-4884-b1cf-06f3ad86be52", false),
    VIRTUAL_MACHINE_ADMINISTRATOR_LOGIN("Virtual Machine Administrator Login",
            "1c0163c0-47e6-4577-8991-ea5c82e286e4", false),
    NETWORK_CONTRIBUTOR("Network Contributor", "4d97b98b-1d4f-4787-a291-c67834d212e7", false),
    MANAGED_IDENTITY_OPERATOR("Managed Identity Operator", "f1a07417-d97a-45cb-824c-7a7467783830", false),
    KEY_VAULT_SECRETS_USER("Key Vault Secrets User", "4633458b-17de-408a-b874-0445c86b69e6", false),
    KEY_VAULT_SECRETS_OFFICER("Key Vault Secrets Officer", "b86a8fe4-44ce-4948-aee5-eccb2c155cd7", false);

    private final String displayName;
    private final String id;
    private final boolean privileged;

    BuiltInRole(String displayName, String id, boolean privileged) {
        this.displayName = displayName;
        this.id = id;
        this.privileged = privileged;
    }

    public String displayName() {
        return displayName;
    }

    /** The role definition's GUID. */
    public String id() {
        return id;
    }

    /**
     * Roles that change nothing in Azure: they read resources or data, or let a user sign in to a VM. (Key Vault
     * Secrets User reads secrets: nothing changes, yet what it reads may be the keys to the rest.)
     */
    public boolean isReadOnly() {
        return switch (this) {
            case READER, STORAGE_BLOB_DATA_READER, VIRTUAL_MACHINE_USER_LOGIN, VIRTUAL_MACHINE_ADMINISTRATOR_LOGIN,
                    KEY_VAULT_SECRETS_USER -> true;
            default -> false;
        };
    }

    /** Roles that can change who has access (Owner, User Access Administrator). */
    public boolean isPrivileged() {
        return privileged;
    }

    /** {@code subscriptionResourceId('Microsoft.Authorization/roleDefinitions', id)}. */
    public Expr definitionId() {
        return Expr.subscriptionResourceId("Microsoft.Authorization/roleDefinitions", Expr.str(id));
    }

    /** The role with this GUID, case-insensitively. */
    public static Optional<BuiltInRole> byId(String guid) {
        String g = guid.toLowerCase(Locale.ROOT);
        for (BuiltInRole r : values()) {
            if (r.id.equals(g)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
