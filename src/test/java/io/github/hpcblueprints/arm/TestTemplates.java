package io.github.hpcblueprints.arm;

/** Gives tests in other packages the arm-core sample templates. */
public final class TestTemplates {

    private TestTemplates() {
    }

    public static Template networkAndStorage() {
        return SampleTemplates.networkAndStorage();
    }
}
