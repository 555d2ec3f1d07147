package io.github.hpcblueprints.rules;

import java.util.Arrays;
import java.util.List;

/** Shorthand for writing rule descriptions in the catalogue files (and in a {@link RuleSet}). */
public final class Specs {

    private Specs() {
    }

    /**
     * A rule's description, field by field: {@code rule(id).severity(baseline, hardened).title(...).why(...)
     * .fix(...)}, then the same check's ids in other tools where one exists ({@code .checkov("CKV_AZURE_3")},
     * {@code .psrule(...)}, {@code .bicep(...)}, comma-separated), and {@code .build()}.
     */
    public static Entry rule(String id) {
        return new Entry(id);
    }

    /** A catalogue entry being written; every field but the equivalents is required. */
    public static final class Entry {
        private final String id;
        private Severity baseline;
        private Severity hardened;
        private String title;
        private String why;
        private String fix;
        private String checkov = "";
        private String psrule = "";
        private String bicep = "";

        private Entry(String id) {
            this.id = id;
        }

        /** Severity in the baseline and in the hardened profile. */
        public Entry severity(Severity inBaseline, Severity inHardened) {
            this.baseline = inBaseline;
            this.hardened = inHardened;
            return this;
        }

        public Entry title(String text) {
            this.title = text;
            return this;
        }

        /** Why the rule matters (the rationale people read in the catalogue and in explain). */
        public Entry why(String text) {
            this.why = text;
            return this;
        }

        public Entry fix(String text) {
            this.fix = text;
            return this;
        }

        public Entry checkov(String ids) {
            this.checkov = ids;
            return this;
        }

        public Entry psrule(String ids) {
            this.psrule = ids;
            return this;
        }

        public Entry bicep(String ids) {
            this.bicep = ids;
            return this;
        }

        public RuleInfo build() {
            if (baseline == null || title == null || why == null || fix == null) {
                throw new IllegalStateException("rule " + id + " needs severity, title, why and fix");
            }
            return new RuleInfo(id, Category.valueOf(id.split("-")[1]), baseline, hardened, title, why, fix,
                    list(checkov), list(psrule), list(bicep));
        }
    }

    private static List<String> list(String csv) {
        return csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).toList();
    }

    public static final Severity E = Severity.ERROR;
    public static final Severity W = Severity.WARNING;
    public static final Severity I = Severity.INFO;
}
