package io.github.hpcblueprints.azure.keyvault;

import io.github.hpcblueprints.arm.ParametersFile;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A secret that stays in Key Vault: the vault's resource id and the secret's name. A parameters file passes it to a
 * secure parameter as a reference that ARM resolves at deployment time; the value never appears in a file.
 */
public record SecretReference(String vaultResourceId, String secretName) {

    private static final Pattern SECRET = Pattern.compile("[0-9A-Za-z-]{1,127}");

    public SecretReference {
        Objects.requireNonNull(vaultResourceId);
        Objects.requireNonNull(secretName);
        if (!SECRET.matcher(secretName).matches()) {
            throw new IllegalArgumentException("secret name '" + secretName + "' must be 1-127 letters, digits and "
                    + "hyphens");
        }
    }

    /** Puts this reference into a parameters file for {@code parameterName}. */
    public ParametersFile.Builder applyTo(ParametersFile.Builder file, String parameterName) {
        return file.keyVaultReference(parameterName, vaultResourceId, secretName);
    }
}
