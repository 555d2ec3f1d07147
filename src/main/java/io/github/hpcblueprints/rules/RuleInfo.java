package io.github.hpcblueprints.rules;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a rule is, for people: its id, how much it matters in each profile, what it checks, why, how to fix it, and
 * the same check in other tools where one exists (empty lists where none does).
 *
 * @param baseline severity in the {@code baseline} profile
 * @param hardened severity in the {@code hardened} profile
 * @param checkov checkov check ids ({@code CKV_AZURE_3})
 * @param psrule PSRule for Azure rule names ({@code Azure.Storage.SecureTransfer})
 * @param bicep Bicep linter rule names ({@code no-unused-params})
 */
public record RuleInfo(String id, Category category, Severity baseline, Severity hardened, String title,
        String rationale, String fix, List<String> checkov, List<String> psrule, List<String> bicep) {

    public RuleInfo {
        Objects.requireNonNull(id);
        if (!id.matches("HPCB-(STRUCT|DATA|ACCESS|COST|NET|GOV)-\\d{3}") || !id.contains("-" + category + "-")) {
            throw new IllegalArgumentException("rule id " + id + " does not match its category " + category);
        }
        checkov = List.copyOf(checkov);
        psrule = List.copyOf(psrule);
        bicep = List.copyOf(bicep);
    }

    /** Where the catalogue explains this rule (the anchor of its heading). */
    public String docsAnchor() {
        return "learning-path/rules.md#" + id.toLowerCase(Locale.ROOT);
    }

    public Severity severity(boolean hardenedProfile) {
        return hardenedProfile ? hardened : baseline;
    }
}
