package io.github.hpcblueprints.rules;

/** What a rule protects, as in the rule ids ({@code HPCB-DATA-001}). */
public enum Category {
    /** The template is well formed. */
    STRUCT("The template is well formed"),
    /** Data stays private and survives mistakes. */
    DATA("Data stays private and survives mistakes"),
    /** The right people, and only them. */
    ACCESS("The right people, and only them"),
    /** No surprise bills. */
    COST("No surprise bills"),
    /** A network with no surprises. */
    NET("A network with no surprises"),
    /** The environment stays as designed. */
    GOV("The environment stays as designed");

    private final String motto;

    Category(String motto) {
        this.motto = motto;
    }

    public String motto() {
        return motto;
    }
}
