package io.github.hpcblueprints.arm;

/** ARM's documented template limits. */
public final class TemplateLimits {

    public static final int MAX_PARAMETERS = 256;
    public static final int MAX_VARIABLES = 512;
    public static final int MAX_RESOURCES = 800;
    public static final int MAX_OUTPUTS = 64;
    /** 4 MB; measured here on the written file, before ARM expands copy loops. */
    public static final int MAX_TEMPLATE_BYTES = 4 * 1024 * 1024;
    public static final int MAX_EXPRESSION_CHARS = 24_576;

    private TemplateLimits() {
    }
}
