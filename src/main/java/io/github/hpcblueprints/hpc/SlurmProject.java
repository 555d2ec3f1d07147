package io.github.hpcblueprints.hpc;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which release of CycleCloud's Slurm project ({@code cyclecloud/slurm}, github.com/Azure/cyclecloud-slurm) installs
 * which Slurm release. The cluster template names the project release, so nodes never pick up whatever project
 * the server happens to carry. Read from the project's {@code project.ini} history (each release's
 * {@code slurm.version} default), November 2026; a Slurm release the table does not know is refused rather than
 * guessed.
 */
public final class SlurmProject {

    private static final Map<String, String> RELEASE_FOR_SLURM = new TreeMap<>(Map.of(
            "25.05.2", "4.0.4",
            "25.05.5", "4.0.6",
            "25.11.4", "4.0.8",
            "25.11.5", "4.0.9"));

    private SlurmProject() {
    }

    /** The project release that installs {@code slurmVersion}. */
    public static Optional<String> releaseFor(String slurmVersion) {
        return Optional.ofNullable(RELEASE_FOR_SLURM.get(slurmVersion));
    }

    /** The Slurm releases a cluster may ask for. */
    public static java.util.Set<String> slurmVersions() {
        return RELEASE_FOR_SLURM.keySet();
    }
}
