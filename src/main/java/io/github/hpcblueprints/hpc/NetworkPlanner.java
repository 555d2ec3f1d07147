package io.github.hpcblueprints.hpc;

import io.github.hpcblueprints.azure.network.Cidr;
import io.github.hpcblueprints.diagnostics.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sizes and places the subnets of a new virtual network. Ranges the blueprint gives are kept (and checked); the
 * others get their role's default size (the Lustre subnet sized for the file system, the compute subnet for the
 * largest the cluster can grow to) and the first free aligned block, largest first, so the plan is deterministic.
 */
final class NetworkPlanner {

    private NetworkPlanner() {
    }

    /**
     * @param wanted the roles the environment needs, with the prefix each needs at least
     * @param given ranges fixed by the blueprint
     * @return every wanted role's range
     */
    static Map<SubnetRole, Cidr> plan(Cidr space, Map<SubnetRole, Integer> wanted, Map<SubnetRole, Cidr> given,
            List<Problem> problems) {
        Map<SubnetRole, Cidr> out = new EnumMap<>(SubnetRole.class);
        List<Cidr> taken = new ArrayList<>();
        for (Map.Entry<SubnetRole, Cidr> g : given.entrySet()) {
            Cidr c = g.getValue();
            if (!space.contains(c)) {
                problems.add(at(g.getKey(), "subnet " + c + " (" + g.getKey().key()
                        + ") is outside the address space " + space, "choose a range inside " + space));
                continue;
            }
            for (Map.Entry<SubnetRole, Cidr> other : out.entrySet()) {
                if (other.getValue().overlaps(c)) {
                    problems.add(at(g.getKey(), "subnet " + c + " (" + g.getKey().key() + ") overlaps "
                            + other.getValue() + " (" + other.getKey().key() + ")", "give each subnet its own range"));
                }
            }
            out.put(g.getKey(), c);
            taken.add(c);
        }
        List<SubnetRole> toPlace = new ArrayList<>(wanted.keySet());
        toPlace.removeAll(given.keySet());
        toPlace.sort(Comparator.comparingInt((SubnetRole r) -> wanted.get(r)).thenComparing(Enum::ordinal));
        for (SubnetRole role : toPlace) {
            // room to grow: a planned compute subnet is at least a /24 even when the cluster needs less
            int need = role == SubnetRole.COMPUTE ? Math.min(wanted.get(role), 24) : wanted.get(role);
            int prefix = Math.max(need, space.prefix());
            Cidr placed = firstFree(space, prefix, taken);
            if (placed == null) {
                problems.add(Problem.at(CODE, "$.network.addressSpace", "the address space " + space
                        + " has no free /" + prefix + " left for the " + role.key() + " subnet",
                        "use a larger address space or give the subnets explicitly under network.subnets"));
                continue;
            }
            out.put(role, placed);
            taken.add(placed);
        }
        return out;
    }

    /** Checks the ranges the environment needs against what each role requires. */
    static void check(Map<SubnetRole, Cidr> subnets, Map<SubnetRole, Integer> wanted, Set<SubnetRole> sized,
            List<Problem> problems) {
        for (Map.Entry<SubnetRole, Integer> w : wanted.entrySet()) {
            Cidr c = subnets.get(w.getKey());
            if (c == null) {
                continue;
            }
            if (c.prefix() > w.getValue()) {
                String why = switch (w.getKey()) {
                    case BASTION -> "Azure Bastion needs /26 or larger";
                    case LUSTRE -> "Azure Managed Lustre of this capacity needs /" + w.getValue()
                            + " or larger (and the subnet cannot be resized later)";
                    case COMPUTE -> "the cluster can grow to more nodes than a " + c + " holds (Azure reserves five "
                            + "addresses per subnet)";
                    default -> "this role needs /" + w.getValue() + " or larger";
                };
                problems.add(at(w.getKey(), "subnet " + c + " (" + w.getKey().key() + ") is too small: " + why,
                        "use a /" + w.getValue() + " or larger range"));
            }
        }
        if (!sized.isEmpty()) {
            for (SubnetRole r : sized) {
                if (!wanted.containsKey(r)) {
                    problems.add(at(r, "subnet '" + r.key() + "' is given but nothing in this blueprint uses it",
                            "remove it, or add what uses it"));
                }
            }
        }
    }

    private static Cidr firstFree(Cidr space, int prefix, List<Cidr> taken) {
        long count = 1L << (prefix - space.prefix());
        for (long i = 0; i < count; i++) {
            Cidr candidate = space.subnet(prefix, (int) i);
            if (taken.stream().noneMatch(candidate::overlaps)) {
                return candidate;
            }
        }
        return null;
    }

    private static final String CODE = "BLUEPRINT-NETWORK";

    /** A problem located at the role's entry under {@code network.subnets}. */
    private static Problem at(SubnetRole role, String message, String hint) {
        return Problem.at(CODE, "$.network.subnets." + role.key(), message, hint);
    }

    /** The smallest prefix whose usable addresses (size minus Azure's five) hold {@code hosts}. */
    static int prefixFor(long hosts) {
        for (int p = 29; p >= 8; p--) {
            if ((1L << (32 - p)) - 5 >= hosts) {
                return p;
            }
        }
        return 8;
    }
}
