package io.github.hpcblueprints.azure.network;

import io.github.hpcblueprints.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.Json;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One rule of a {@link NetworkSecurityGroup}. Priorities are 100-4096 (lower wins); address prefixes are CIDR
 * ranges, single addresses, {@code *} or service tags ({@code VirtualNetwork}, {@code AzureCloud}, {@code Internet}
 * ...); ports are {@code *}, a port or a range {@code 1019-1023}.
 */
public record SecurityRule(String name, int priority, Direction direction, Access access, String protocol,
        List<String> sourcePrefixes, List<String> sourcePorts, List<String> destinationPrefixes,
        List<String> destinationPorts, String description) {

    /** Inbound or outbound traffic. */
    public enum Direction { Inbound, Outbound }

    /** What the rule does. */
    public enum Access { Allow, Deny }

    private static final Set<String> PROTOCOLS = Set.of("Tcp", "Udp", "Icmp", "Esp", "Ah", "*");
    private static final Pattern PORT = Pattern.compile("\\*|\\d{1,5}(-\\d{1,5})?");
    private static final Pattern TAG = Pattern.compile("\\*|[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)?");
    private static final Pattern ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,78}[A-Za-z0-9_]|[A-Za-z0-9]");

    public SecurityRule {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("security rule name '" + name + "' must be 1-80 letters, digits, "
                    + "'_', '.', '-', start with a letter or digit and end with a letter, digit or '_'");
        }
        if (priority < 100 || priority > 4096) {
            throw new IllegalArgumentException("security rule '" + name + "': priority " + priority
                    + " is outside 100-4096");
        }
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException("security rule '" + name + "': protocol '" + protocol
                    + "' is not one of " + PROTOCOLS);
        }
        sourcePrefixes = checkPrefixes(name, "source", sourcePrefixes);
        destinationPrefixes = checkPrefixes(name, "destination", destinationPrefixes);
        sourcePorts = checkPorts(name, "source", sourcePorts);
        destinationPorts = checkPorts(name, "destination", destinationPorts);
        Objects.requireNonNull(direction);
        Objects.requireNonNull(access);
        description = description == null ? "" : description;
    }

    /** Allows inbound TCP to {@code ports} from {@code sources}. */
    public static SecurityRule allowInbound(String name, int priority, List<String> sources, String... ports) {
        return new SecurityRule(name, priority, Direction.Inbound, Access.Allow, "Tcp", sources, List.of("*"),
                List.of("VirtualNetwork"), List.of(ports), "");
    }

    /** Denies all inbound traffic from {@code source} (a last line before Azure's defaults). */
    public static SecurityRule denyInbound(String name, int priority, String source) {
        return new SecurityRule(name, priority, Direction.Inbound, Access.Deny, "*", List.of(source), List.of("*"),
                List.of("*"), List.of("*"), "");
    }

    public static SecurityRule allowOutbound(String name, int priority, String protocol, String destination,
            String... ports) {
        return new SecurityRule(name, priority, Direction.Outbound, Access.Allow, protocol, List.of("VirtualNetwork"),
                List.of("*"), List.of(destination), List.of(ports), "");
    }

    public static SecurityRule denyOutbound(String name, int priority, String destination) {
        return new SecurityRule(name, priority, Direction.Outbound, Access.Deny, "*", List.of("*"), List.of("*"),
                List.of(destination), List.of("*"), "");
    }

    public SecurityRule withDescription(String text) {
        return new SecurityRule(name, priority, direction, access, protocol, sourcePrefixes, sourcePorts,
                destinationPrefixes, destinationPorts, text);
    }

    /** The rule as an NSG's {@code securityRules} entry (single values as the singular property). */
    public ObjectNode toJson() {
        ObjectNode p = JsonTrees.object();
        if (!description.isEmpty()) {
            p.put("description", description);
        }
        p.put("priority", priority);
        p.put("direction", direction.name());
        p.put("access", access.name());
        p.put("protocol", protocol);
        list(p, "sourceAddressPrefix", sourcePrefixes);
        list(p, "sourcePortRange", sourcePorts);
        list(p, "destinationAddressPrefix", destinationPrefixes);
        list(p, "destinationPortRange", destinationPorts);
        return Json.obj("name", name, "properties", p);
    }

    private static void list(ObjectNode p, String singular, List<String> values) {
        if (values.size() == 1) {
            p.put(singular, values.get(0));
        } else {
            p.set(singular.endsWith("Prefix") ? singular + "es" : singular + "s", Json.arrOf(values));
        }
    }

    private static List<String> checkPrefixes(String rule, String side, List<String> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("security rule '" + rule + "': no " + side + " address");
        }
        for (String v : values) {
            boolean ok = TAG.matcher(v).matches() || ADDRESS.matcher(v).matches() || Cidr.isValid(v);
            if (!ok) {
                throw new IllegalArgumentException("security rule '" + rule + "': " + side + " '" + v
                        + "' is not a CIDR range, an address, '*' or a service tag");
            }
        }
        return List.copyOf(values);
    }

    private static List<String> checkPorts(String rule, String side, List<String> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("security rule '" + rule + "': no " + side + " port");
        }
        for (String v : values) {
            if (!PORT.matcher(v).matches()) {
                throw new IllegalArgumentException("security rule '" + rule + "': " + side + " port '" + v
                        + "' is not '*', a port or a range such as 1019-1023");
            }
            for (String part : v.equals("*") ? new String[0] : v.split("-")) {
                int port = Integer.parseInt(part);
                if (port < 0 || port > 65535) {
                    throw new IllegalArgumentException("security rule '" + rule + "': port " + port
                            + " is outside 0-65535");
                }
            }
        }
        return List.copyOf(values);
    }
}
