package io.github.hpcblueprints.deploy;

/**
 * A template the local plan cannot evaluate the way ARM would: says what (the function, the loop) and where (the
 * template file and JSON path), and what to do about it.
 */
public final class PlanException extends RuntimeException {

    private final String file;
    private final String path;
    private final String fix;

    public PlanException(String file, String path, String message, String fix) {
        super(message);
        this.file = file;
        this.path = path;
        this.fix = fix;
    }

    public String file() {
        return file;
    }

    public String path() {
        return path;
    }

    public String fix() {
        return fix;
    }
}
