package io.github.hpcblueprints.rules;

import static io.github.hpcblueprints.rules.Specs.E;
import static io.github.hpcblueprints.rules.Specs.I;
import static io.github.hpcblueprints.rules.Specs.W;
import static io.github.hpcblueprints.rules.Specs.rule;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.azure.network.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** NET: a network with no surprises. */
final class NetRules {

    static final String VNET = "Microsoft.Network/virtualNetworks";
    static final String SUBNET = "Microsoft.Network/virtualNetworks/subnets";
    static final String PRIVATE_ENDPOINT = "Microsoft.Network/privateEndpoints";
    /** Subnets Azure forbids (or manages) NSGs on. */
    private static final Set<String> NO_NSG = Set.of("gatewaysubnet", "azurefirewallsubnet",
            "azurefirewallmanagementsubnet", "routeserversubnet");

    private NetRules() {
    }

    static List<Rule> all() {
        return List.of(
                Rule.of(rule("HPCB-NET-001").severity(E, E).title("Subnet outside its network or overlapping another")
                        .why("Azure rejects a subnet outside the address space or overlapping a sibling, after earlier "
                                + "resources were already deployed.")
                        .fix("Give every subnet its own range inside the VNet's address space.")
                        .build(),
                        NetRules::ranges),
                Rule.of(rule("HPCB-NET-002").severity(E, E).title("Bastion subnet misnamed or too small")
                        .why("Azure Bastion needs a subnet named exactly AzureBastionSubnet of /26 or larger.")
                        .fix("Name the subnet AzureBastionSubnet and give it a /26.")
                        .build(), NetRules::bastion),
                Rule.of(rule("HPCB-NET-003").severity(E, E).title("Subnet without a network security group")
                        .why("Without an NSG every VM in the subnet is reachable by everything that can route to it.")
                        .fix("Attach an NSG to the subnet (deny from the internet; allow what the role needs).")
                        .psrule("Azure.VNET.UseNSGs")
                        .build(), NetRules::nsgs),
                Rule.of(rule("HPCB-NET-004").severity(I, E).title("Storage or Key Vault without a private endpoint")
                        .why("Without a private endpoint the service is reached over its public endpoint, even when a "
                                + "firewall narrows who may.")
                        .fix("Add a private endpoint in the environment's endpoints subnet and disable public access.")
                        .checkov("CKV_AZURE_59, CKV_AZURE_189")
                        .build(), NetRules::privateEndpoints),
                Rule.of(rule("HPCB-NET-005").severity(W, E).title("Private endpoint without DNS")
                        .why("A private endpoint without its private DNS zone group resolves to the public address, "
                                + "so clients silently bypass it.")
                        .fix("Add a privateDnsZoneGroups child pointing at the privatelink zone linked to the VNet.")
                        .build(), NetRules::endpointDns),
                Rule.of(rule("HPCB-NET-006").severity(W, E).title("Subnet with default outbound access")
                        .why("Default outbound access gives VMs an implicit, shared public IP nobody chose; Azure is "
                                + "retiring it.")
                        .fix("Set defaultOutboundAccess to false and give the subnet a NAT gateway.")
                        .build(),
                        NetRules::defaultOutbound),
                Rule.of(rule("HPCB-NET-007").severity(W, E).title("Subnet without a way out")
                        .why("With default outbound access off and no NAT gateway, VMs cannot reach package "
                                + "repositories or Azure's public endpoints.")
                        .fix("Attach a NAT gateway (or route through a firewall).")
                        .build(), NetRules::noWayOut));
    }

    /** Subnets of a VNet: inline ones and separate child resources, with their path and properties. */
    record SubnetView(RuleContext.Located owner, String path, String name, JsonNode properties) {
    }

    static List<SubnetView> subnets(RuleContext c, RuleContext.Located vnet) {
        List<SubnetView> children = new ArrayList<>();
        for (RuleContext.Located s : c.resources(SUBNET)) {
            if (Links.isChildOf(s.resource(), vnet.resource())) {
                children.add(new SubnetView(s, s.resource().path(), lastName(s.resource()), s.resource().properties()));
            }
        }
        // a subnet both inline and as a child resource is one subnet, which the child (deployed later) sets: it is
        // not two subnets overlapping each other
        java.util.Set<String> childNames = new java.util.HashSet<>();
        children.forEach(v -> childNames.add(v.name().toLowerCase(java.util.Locale.ROOT)));
        List<SubnetView> out = new ArrayList<>();
        JsonNode inline = vnet.resource().get("properties.subnets");
        for (int i = 0; i < inline.size(); i++) {
            String name = inlineName(inline.get(i));
            if (!childNames.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                out.add(new SubnetView(vnet, vnet.resource().at("properties.subnets[" + i + "]"), name,
                        inline.get(i).path("properties")));
            }
        }
        out.addAll(children);
        return out;
    }

    /** All subnet resources and inline subnets, whether or not their VNet is in the template. */
    static List<SubnetView> allSubnets(RuleContext c) {
        List<SubnetView> out = new ArrayList<>();
        for (RuleContext.Located vnet : c.resources(VNET)) {
            JsonNode inline = vnet.resource().get("properties.subnets");
            for (int i = 0; i < inline.size(); i++) {
                out.add(new SubnetView(vnet, vnet.resource().at("properties.subnets[" + i + "]"),
                        inlineName(inline.get(i)), inline.get(i).path("properties")));
            }
        }
        for (RuleContext.Located s : c.resources(SUBNET)) {
            out.add(new SubnetView(s, s.resource().path(), lastName(s.resource()), s.resource().properties()));
        }
        return out;
    }

    /** An inline subnet's name as written: a literal, or its expression's text ({@code variables('subnet')}). */
    private static String inlineName(JsonNode subnet) {
        return ownName(subnet.path("name"));
    }

    /** The subnet's own name: its last name segment as written ({@code variables('subnetName')} for a computed one). */
    private static String lastName(ResourceView r) {
        return ownName(r.json().path("name"));
    }

    private static String ownName(JsonNode name) {
        return Links.expr(name).map(e -> {
            List<io.github.hpcblueprints.arm.Expr> segments = io.github.hpcblueprints.arm.ResourceNames.segments(e);
            io.github.hpcblueprints.arm.Expr last = segments.get(segments.size() - 1);
            return last instanceof io.github.hpcblueprints.arm.Expr.Str str ? str.value() : last.render();
        }).orElse(name.asText(""));
    }

    private static Optional<Cidr> cidr(RuleContext.Located at, JsonNode node) {
        Value v = at.template().value(node);
        if (v instanceof Value.Known k) {
            try {
                return Optional.of(Cidr.parse(k.node().asText()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static void ranges(RuleContext c, Findings out) {
        for (RuleContext.Located vnet : c.resources(VNET)) {
            List<Cidr> space = new ArrayList<>();
            vnet.resource().get("properties.addressSpace.addressPrefixes")
                    .forEach(p -> cidr(vnet, p).ifPresent(space::add));
            List<SubnetView> subnets = subnets(c, vnet);
            List<Cidr> seen = new ArrayList<>();
            List<String> seenNames = new ArrayList<>();
            for (SubnetView s : subnets) {
                Optional<Cidr> range = cidr(s.owner(), s.properties().path("addressPrefix"));
                if (range.isEmpty()) {
                    continue;
                }
                if (!space.isEmpty() && space.stream().noneMatch(a -> a.contains(range.get()))) {
                    out.at(s.owner(), s.path() + ".properties.addressPrefix", "subnet " + s.name() + " ("
                            + range.get() + ") is outside the address space " + space);
                }
                for (int i = 0; i < seen.size(); i++) {
                    if (seen.get(i).overlaps(range.get())) {
                        out.at(s.owner(), s.path() + ".properties.addressPrefix", "subnet " + s.name() + " ("
                                + range.get() + ") overlaps " + seenNames.get(i) + " (" + seen.get(i) + ")");
                    }
                }
                seen.add(range.get());
                seenNames.add(s.name());
            }
        }
    }

    private static void bastion(RuleContext c, Findings out) {
        for (RuleContext.Located b : c.resources("Microsoft.Network/bastionHosts")) {
            JsonNode configs = b.resource().get("properties.ipConfigurations");
            for (int i = 0; i < configs.size(); i++) {
                String id = configs.get(i).path("properties").path("subnet").path("id").asText("");
                if (!id.contains("AzureBastionSubnet")) {
                    out.at(b, b.resource().at("properties.ipConfigurations[" + i + "].properties.subnet"),
                            "Bastion's subnet is not named AzureBastionSubnet");
                }
            }
        }
        for (SubnetView s : allSubnets(c)) {
            if (!s.name().equals("AzureBastionSubnet")) {
                continue;
            }
            cidr(s.owner(), s.properties().path("addressPrefix")).ifPresent(range -> {
                if (range.prefix() > 26) {
                    out.at(s.owner(), s.path() + ".properties.addressPrefix", "AzureBastionSubnet is " + range
                            + "; Bastion needs /26 or larger");
                }
            });
        }
    }

    private static void nsgs(RuleContext c, Findings out) {
        for (SubnetView s : allSubnets(c)) {
            if (NO_NSG.contains(s.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (!s.properties().has("networkSecurityGroup")) {
                out.at(s.owner(), s.path(), "subnet " + s.name() + " has no network security group");
            }
        }
    }

    private static void privateEndpoints(RuleContext c, Findings out) {
        List<RuleContext.Located> endpoints = c.resources(PRIVATE_ENDPOINT);
        for (String type : List.of(DataRules.ACCOUNT, DataRules.VAULT)) {
            for (RuleContext.Located target : c.resources(type)) {
                boolean reached = endpoints.stream().anyMatch(pe -> {
                    JsonNode conns = pe.resource().get("properties.privateLinkServiceConnections");
                    for (JsonNode conn : conns) {
                        if (Links.id(conn.path("properties").path("privateLinkServiceId"))
                                .map(id -> Links.refersTo(id, target.resource())).orElse(false)) {
                            return true;
                        }
                    }
                    return false;
                });
                if (!reached) {
                    out.at(target, target.resource().path(), (type.equals(DataRules.VAULT) ? "the key vault"
                            : "the storage account") + " is reached without a private endpoint");
                }
            }
        }
    }

    private static void endpointDns(RuleContext c, Findings out) {
        for (RuleContext.Located pe : c.resources(PRIVATE_ENDPOINT)) {
            boolean dns = c.resources(PRIVATE_ENDPOINT + "/privateDnsZoneGroups").stream()
                    .anyMatch(g -> Links.isChildOf(g.resource(), pe.resource()));
            if (!dns) {
                out.at(pe, pe.resource().path(), "the private endpoint has no private DNS zone group");
            }
        }
    }

    private static void defaultOutbound(RuleContext c, Findings out) {
        for (SubnetView s : allSubnets(c)) {
            JsonNode v = s.properties().path("defaultOutboundAccess");
            if (!(v.isBoolean() && !v.booleanValue())) {
                out.at(s.owner(), s.path(), "subnet " + s.name() + " keeps default outbound access");
            }
        }
    }

    /** Subnets VMs are placed in (named by a network interface of the template) need a way out. */
    private static void noWayOut(RuleContext c, Findings out) {
        List<String> used = new ArrayList<>();
        for (RuleContext.Located nic : c.resources("Microsoft.Network/networkInterfaces")) {
            for (JsonNode ip : nic.resource().get("properties.ipConfigurations")) {
                used.add(ip.path("properties").path("subnet").path("id").asText(""));
            }
        }
        for (RuleContext.Located s : c.resources(SUBNET)) {
            boolean hostsVms = used.stream().anyMatch(id -> Links.id(com.fasterxml.jackson.databind.node.TextNode
                    .valueOf(id)).map(x -> Links.refersTo(x, s.resource())).orElse(false));
            JsonNode p = s.resource().properties();
            JsonNode v = p.path("defaultOutboundAccess");
            boolean closed = v.isBoolean() && !v.booleanValue();
            if (hostsVms && closed && !p.has("natGateway") && !p.has("routeTable")) {
                out.at(s, s.resource().path(), "subnet " + lastName(s.resource()) + " holds VMs but has neither "
                        + "default outbound access nor a NAT gateway or route table");
            }
        }
    }
}
