package io.github.hpcblueprints.files;

/**
 * Named points in the folder swap where a test can stop the JVM dead ({@code -Dhpcb.crashAt=NAME}, then
 * {@code Runtime.halt}, which like SIGKILL runs no finally block or shutdown hook), to prove the next run recovers.
 * Does nothing unless that property names the point.
 */
final class CrashPoint {

    private CrashPoint() {
    }

    static void reach(String name) {
        if (name.equals(System.getProperty("hpcb.crashAt"))) {
            Runtime.getRuntime().halt(137);
        }
    }
}
