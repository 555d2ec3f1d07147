package io.github.hpcblueprints.azure.keyvault;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.arm.ResourceNames;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.List;

/**
 * A secret a template puts into its Key Vault ({@code Microsoft.KeyVault/vaults/secrets}), from a secure parameter:
 * the value travels only in the deployment request, and the machines that need it read it from the vault with their
 * identity. ARM writes the secret through the vault's resource provider, so the vault's firewall does not stand in
 * the way (MicrosoftDocs/azure-docs#68668).
 */
public final class KeyVaultSecret extends ResourceSpec<KeyVaultSecret> {

    public static final String TYPE = "Microsoft.KeyVault/vaults/secrets";
    public static final String API_VERSION = KeyVault.API_VERSION;

    private final Expr value;
    private final String contentType;

    private KeyVaultSecret(Expr name, Expr value, String contentType) {
        super(name, TYPE, API_VERSION);
        this.value = value;
        this.contentType = contentType;
    }

    /** A secret whose value is a secure parameter ({@code parameters('...')}); anything else is refused. */
    public static KeyVaultSecret of(Ref<KeyVault> vault, String secretName, Expr secureParameter, String contentType) {
        if (!secretName.matches("[0-9A-Za-z-]{1,127}")) {
            throw new IllegalArgumentException("secret name '" + secretName + "' must be 1-127 letters, digits and "
                    + "hyphens");
        }
        if (!secureParameter.toArmString().startsWith("[parameters(")) {
            throw new IllegalArgumentException("a secret's value comes from a secure parameter, not "
                    + secureParameter.toArmString());
        }
        KeyVaultSecret s = new KeyVaultSecret(ResourceNames.join(List.of(vault.name(), Expr.str(secretName))),
                secureParameter, contentType);
        s.dependsOn(vault);
        return s;
    }

    @Override
    protected KeyVaultSecret self() {
        return this;
    }

    @Override
    public Resource toResource() {
        return base(false).properties(Json.obj("value", value, "contentType", contentType,
                "attributes", Json.obj("enabled", true))).build();
    }
}
