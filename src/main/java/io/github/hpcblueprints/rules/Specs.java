package io.github.hpcblueprints.rules;

import java.util.Arrays;
import java.util.List;

/** Shorthand for writing rule descriptions in the catalogue files. */
final class Specs {

    private Specs() {
    }

    /**
     * A rule description; {@code equivalents} are comma-separated ids in checkov, PSRule for Azure and the Bicep
     * linter ("" where none exists).
     */
    static RuleInfo info(String id, Severity baseline, Severity hardened, String title, String rationale, String fix,
            String checkov, String psrule, String bicep) {
        String category = id.split("-")[1];
        return new RuleInfo(id, Category.valueOf(category), baseline, hardened, title, rationale, fix, list(checkov),
                list(psrule), list(bicep));
    }

    private static List<String> list(String csv) {
        return csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).toList();
    }

    static final Severity E = Severity.ERROR;
    static final Severity W = Severity.WARNING;
    static final Severity I = Severity.INFO;
}
