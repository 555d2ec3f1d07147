package io.github.hpcblueprints.hpc;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A single research VM beside the cluster (an analysis or visualisation box), owned by a project: it gets that
 * project's identity and data, Entra ID SSH sign-in, the shared storage mounts it lists, and a daily shutdown
 * unless a reason says otherwise.
 *
 * @param image a marketplace URN ({@code publisher:offer:sku:version}), an alias ({@code ubuntu2404},
 *     {@code ubuntu2204}, {@code almalinux-hpc}) or a custom image id
 * @param project the owning project; empty for an environment-level instance
 * @param mounts mount points of shared storage to mount
 * @param idleStop when the instance deallocates itself (the daily shutdown stays as the nightly backstop)
 */
public record ResearchInstance(String name, String vmSize, String image, String project, List<String> mounts,
        AutoShutdown autoShutdown, IdleStop idleStop) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,14}");

    public ResearchInstance {
        Objects.requireNonNull(vmSize);
        Objects.requireNonNull(image);
        Objects.requireNonNull(project);
        mounts = List.copyOf(mounts);
        Objects.requireNonNull(autoShutdown);
        Objects.requireNonNull(idleStop);
        ComputePart.image(image); // refuses an image the VM could not be created from, here rather than at compile
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("research instance name '" + name + "' must be 2-15 lowercase "
                    + "letters, digits and hyphens (it becomes the VM's host name)");
        }
    }

    /** An instance that deallocates itself after the default idle time. */
    public ResearchInstance(String name, String vmSize, String image, String project, List<String> mounts,
            AutoShutdown autoShutdown) {
        this(name, vmSize, image, project, mounts, autoShutdown, IdleStop.defaults());
    }
}
