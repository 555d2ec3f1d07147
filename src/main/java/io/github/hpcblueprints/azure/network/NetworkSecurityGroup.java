package io.github.hpcblueprints.azure.network;

import io.github.hpcblueprints.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.Names;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A network security group with its rules ({@code Microsoft.Network/networkSecurityGroups}).
 *
 * <p>Secure default: no rule of its own, so Azure's defaults apply (inbound only from the virtual network and the
 * load balancer; everything from the internet denied). Rules are checked when added: priorities 100-4096 and unique
 * per direction, names unique.
 */
public final class NetworkSecurityGroup extends ResourceSpec<NetworkSecurityGroup> {

    public static final String TYPE = "Microsoft.Network/networkSecurityGroups";
    public static final String API_VERSION = "2025-07-01";

    private final List<SecurityRule> rules = new ArrayList<>();

    private NetworkSecurityGroup(Expr name) {
        super(name, TYPE, API_VERSION);
        Names.general("network security group", name, 80);
    }

    public static NetworkSecurityGroup named(Expr name) {
        return new NetworkSecurityGroup(name);
    }

    public static NetworkSecurityGroup named(String name) {
        return named(Expr.str(name));
    }

    /** Adds a rule; refuses a second rule with the same priority and direction, or the same name. */
    public NetworkSecurityGroup rule(SecurityRule rule) {
        for (SecurityRule r : rules) {
            if (r.direction() == rule.direction() && r.priority() == rule.priority()) {
                throw new IllegalArgumentException("security rule '" + rule.name() + "': priority " + rule.priority()
                        + " is already used by '" + r.name() + "' for " + rule.direction()
                        + " traffic; priorities must be unique per direction");
            }
            if (r.name().equalsIgnoreCase(rule.name())) {
                throw new IllegalArgumentException("security rule name '" + rule.name() + "' is used twice");
            }
        }
        rules.add(rule);
        return this;
    }

    public List<SecurityRule> rules() {
        return List.copyOf(rules);
    }

    @Override
    protected NetworkSecurityGroup self() {
        return this;
    }

    @Override
    public Resource toResource() {
        ArrayNode list = JsonTrees.array();
        rules.forEach(r -> list.add(r.toJson()));
        return base(true).properties(Json.obj("securityRules", list)).build();
    }
}
