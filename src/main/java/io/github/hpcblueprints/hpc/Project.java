package io.github.hpcblueprints.hpc;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A research project sharing the environment. Each project gets its own node arrays (one per partition it uses),
 * its own managed identity, its own Blob container, and data roles only there, so one project's jobs cannot read
 * another's data; its resources carry {@code project=<name>} so its cost can be traced and budgeted.
 *
 * @param groupParameter the name of the template parameter holding the project's Entra ID group object id
 * @param groupObjectId the object id when the blueprint gives it (not a secret), else empty
 * @param budget monthly budget in the billing currency; 0 for none
 * @param partitions the partitions its jobs may use
 * @param members Linux user names on the cluster whose jobs may use the project's partitions (and so its identity
 *     and data); Slurm refuses everyone else there
 */
public record Project(String name, String owner, String groupParameter, String groupObjectId, long budget,
        List<String> partitions, List<String> members, int maxJobCoreHours) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{1,11}");
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    /** A project whose members are added later ({@link #withMembers}). */
    public Project(String name, String owner, String groupParameter, String groupObjectId, long budget,
            List<String> partitions) {
        this(name, owner, groupParameter, groupObjectId, budget, partitions, List.of(), 0);
    }

    /** A project without a per-job cap. */
    public Project(String name, String owner, String groupParameter, String groupObjectId, long budget,
            List<String> partitions, List<String> members) {
        this(name, owner, groupParameter, groupObjectId, budget, partitions, members, 0);
    }

    public Project {
        Objects.requireNonNull(owner);
        Objects.requireNonNull(groupParameter);
        Objects.requireNonNull(groupObjectId);
        partitions = List.copyOf(partitions);
        members = List.copyOf(members);
        for (String m : members) {
            if (!USER.matcher(m).matches()) {
                throw new IllegalArgumentException("project '" + name + "': member '" + m + "' is not a Linux user "
                        + "name");
            }
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("project name '" + name + "' must be 2-12 lowercase letters and "
                    + "digits, starting with a letter (it becomes part of node array and container names)");
        }
        if (budget < 0) {
            throw new IllegalArgumentException("project '" + name + "': budget must not be negative");
        }
        if (maxJobCoreHours < 0) {
            throw new IllegalArgumentException("project '" + name + "': maxJobCoreHours must not be negative");
        }
    }

    public Project withMembers(String... users) {
        return new Project(name, owner, groupParameter, groupObjectId, budget, partitions, List.of(users),
                maxJobCoreHours);
    }

    /** The Blob container holding the project's data. */
    public String container() {
        return "project-" + name;
    }

    /** The Unix group its members share on the cluster. */
    public String unixGroup() {
        return "proj-" + name;
    }
}
