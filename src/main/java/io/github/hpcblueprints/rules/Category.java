package io.github.hpcblueprints.rules;

/** What a rule protects, as in the rule ids ({@code HPCB-DATA-001}). */
public enum Category {
    /** The template is well formed. */
    STRUCT("The template is well formed", "01-foundations"),
    /** Data stays private and survives mistakes. */
    DATA("Data stays private and survives mistakes", "02-data"),
    /** The right people, and only them. */
    ACCESS("The right people, and only them", "03-access"),
    /** No surprise bills. */
    COST("No surprise bills", "04-cost"),
    /** A network with no surprises. */
    NET("A network with no surprises", "05-network-governance"),
    /** The environment stays as designed. */
    GOV("The environment stays as designed", "05-network-governance");

    private final String motto;
    private final String module;

    Category(String motto, String module) {
        this.motto = motto;
        this.module = module;
    }

    /** The learning-path module that teaches this category's rules: its README, relative to the repository. */
    public String lesson() {
        return "learning-path/" + module + "/README.md";
    }

    public String motto() {
        return motto;
    }
}
