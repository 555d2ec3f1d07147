package io.github.hpcblueprints.azure.compute;

import java.util.Set;

/**
 * The Linux administrator user names Azure refuses for a VM's {@code osProfile.adminUsername} (the "disallowed
 * values" of the Compute API's OSProfile), so a blueprint cannot ask for one and fail at deployment.
 */
public final class AdminUsernames {

    private static final Set<String> DISALLOWED = Set.of("administrator", "admin", "user", "user1", "test", "user2",
            "test1", "user3", "admin1", "1", "123", "a", "actuser", "adm", "admin2", "aspnet", "backup", "console",
            "david", "guest", "john", "owner", "root", "server", "sql", "support", "support_388945a0", "sys", "test2",
            "test3", "user4", "user5");

    private AdminUsernames() {
    }

    public static void check(String name) {
        if (DISALLOWED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("admin user '" + name + "' is reserved: Azure refuses it as a VM's "
                    + "administrator (root, admin, user, test and others); choose another name, such as hpcadmin");
        }
    }
}
