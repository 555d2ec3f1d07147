package io.github.hpcblueprints.hpc;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.netapp.NetAppVolume;
import io.github.hpcblueprints.azure.database.MySqlFlexibleServer;
import io.github.hpcblueprints.azure.network.BastionHost;
import io.github.hpcblueprints.azure.network.Cidr;
import io.github.hpcblueprints.azure.network.NatGateway;
import io.github.hpcblueprints.azure.network.NetworkSecurityGroup;
import io.github.hpcblueprints.azure.network.PrivateDnsZone;
import io.github.hpcblueprints.azure.network.PrivateDnsZoneLink;
import io.github.hpcblueprints.azure.network.PrivateLinkTarget;
import io.github.hpcblueprints.azure.network.PublicIpAddress;
import io.github.hpcblueprints.azure.network.SecurityRule;
import io.github.hpcblueprints.azure.network.Subnet;
import io.github.hpcblueprints.azure.network.VirtualNetwork;
import io.github.hpcblueprints.azure.authorization.ManagementLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The network: a new VNet with one subnet and NSG per role, a NAT gateway as the only way out, Bastion as the only
 * way in, and private DNS zones for private endpoints; or references into an existing network.
 */
final class NetworkPart {

    private NetworkPart() {
    }

    /** The subnets, ranges and zones while they are being made; {@link #compile} returns them fixed. */
    private static final class Made {
        Ref<VirtualNetwork> vnet;
        final Map<SubnetRole, Ref<Subnet>> subnets = new java.util.EnumMap<>(SubnetRole.class);
        final Map<SubnetRole, Cidr> ranges = new java.util.EnumMap<>(SubnetRole.class);
        final Map<PrivateLinkTarget, Ref<PrivateDnsZone>> dnsZones = new java.util.EnumMap<>(PrivateLinkTarget.class);
    }

    static NetworkResources compile(CompileContext c) {
        Made n = new Made();
        if (c.env.network() instanceof Network.Managed m) {
            managed(c, m, n);
        } else {
            existing(c, (Network.Existing) c.env.network(), n);
        }
        dnsZones(c, n);
        return new NetworkResources(n.vnet, n.subnets, n.ranges, n.dnsZones);
    }

    private static void managed(CompileContext c, Network.Managed m, Made n) {
        Ref<NatGateway> nat = null;
        if (m.natGateway()) {
            Ref<PublicIpAddress> ip = c.d.add(c.place(PublicIpAddress.named(c.names.name("pip", "nat"))));
            nat = c.d.add(c.place(NatGateway.named(c.names.name("nat", "")).publicIp(ip)));
        }
        n.vnet = c.d.add(c.place(VirtualNetwork.named(c.names.name("vnet",
                "")).addressSpace(m.addressSpace().toString())));
        Ref<Subnet> previous = null;
        for (Map.Entry<SubnetRole, Cidr> e : m.orderedSubnets().entrySet()) {
            SubnetRole role = e.getKey();
            Subnet subnet = Subnet.of(n.vnet, role.subnetName(), e.getValue().toString());
            if (previous != null) {
                // ARM creates siblings in parallel; a virtual network takes one subnet change at a time
                // (AnotherOperationInProgress), so each waits for the one before
                subnet.dependsOn(previous);
            }
            subnet.networkSecurityGroup(c.d.add(c.place(nsg(c, role, m))));
            if (nat != null && role != SubnetRole.BASTION && role != SubnetRole.ENDPOINTS
                    && role != SubnetRole.DATABASE) {
                subnet.natGateway(nat);
            }
            if (!m.privateEndpoints() && (role == SubnetRole.COMPUTE || role == SubnetRole.ADMIN)) {
                subnet.serviceEndpoint("Microsoft.Storage").serviceEndpoint("Microsoft.KeyVault");
            }
            if (role == SubnetRole.STORAGE) {
                subnet.delegateTo(NetAppVolume.SUBNET_DELEGATION);
            }
            if (role == SubnetRole.DATABASE) {
                subnet.delegateTo(MySqlFlexibleServer.SUBNET_DELEGATION);
            }
            previous = c.d.add(subnet);
            n.subnets.put(role, previous);
            n.ranges.put(role, e.getValue());
        }
        if (c.hardened) {
            // every node, endpoint and the CycleCloud server sit in this network: deleting it must be deliberate
            c.d.add(ManagementLock.cannotDelete(n.vnet, c.names.name("lock", "network"),
                    "The environment's network: removing this lock is a deliberate second step before deletion."));
        }
        if (m.bastion()) {
            Ref<PublicIpAddress> ip = c.d.add(c.place(PublicIpAddress.named(c.names.name("pip", "bastion"))));
            BastionHost bastion = BastionHost.named(c.names.name("bas", ""), n.subnets.get(SubnetRole.BASTION), ip);
            bastion.sku("Basic".equals(c.env.bastionSku()) ? BastionHost.Sku.Basic : BastionHost.Sku.Standard);
            if (c.env.cluster().isPresent()) {
                // researchers reach the login node, a scale-set instance CycleCloud creates, by its address
                bastion.allowIpConnect();
            }
            c.d.add(c.place(bastion));
        }
    }

    /** One NSG per subnet role, with only the rules the role's traffic needs. */
    private static NetworkSecurityGroup nsg(CompileContext c, SubnetRole role, Network.Managed m) {
        NetworkSecurityGroup nsg = NetworkSecurityGroup.named(c.names.name("nsg", role.key()));
        if (role == SubnetRole.BASTION) {
            // the rules Azure Bastion requires (Microsoft: "Working with NSG access and Azure Bastion")
            nsg.rule(rule("allow-https-inbound", 100, SecurityRule.Direction.Inbound, "Tcp", "Internet", "*", "443"))
                    .rule(rule("allow-gateway-manager", 110, SecurityRule.Direction.Inbound, "Tcp", "GatewayManager",
                            "*", "443"))
                    .rule(rule("allow-load-balancer", 120, SecurityRule.Direction.Inbound, "Tcp", "AzureLoadBalancer",
                            "*", "443"))
                    .rule(new SecurityRule("allow-bastion-host-comms", 130, SecurityRule.Direction.Inbound,
                            SecurityRule.Access.Allow, "*", List.of("VirtualNetwork"), List.of("*"),
                            List.of("VirtualNetwork"), List.of("8080", "5701"), ""))
                    .rule(new SecurityRule("allow-ssh-to-vnet", 100, SecurityRule.Direction.Outbound,
                            SecurityRule.Access.Allow, "Tcp", List.of("*"), List.of("*"), List.of("VirtualNetwork"),
                            List.of("22"), ""))
                    .rule(new SecurityRule("allow-azure-cloud", 110, SecurityRule.Direction.Outbound,
                            SecurityRule.Access.Allow, "Tcp", List.of("*"), List.of("*"), List.of("AzureCloud"),
                            List.of("443"), ""))
                    .rule(new SecurityRule("allow-bastion-comms-out", 120, SecurityRule.Direction.Outbound,
                            SecurityRule.Access.Allow, "*", List.of("VirtualNetwork"), List.of("*"),
                            List.of("VirtualNetwork"), List.of("8080", "5701"), ""))
                    .rule(new SecurityRule("allow-session-info", 130, SecurityRule.Direction.Outbound,
                            SecurityRule.Access.Allow, "*", List.of("*"), List.of("*"), List.of("Internet"),
                            List.of("80"), ""));
            return nsg;
        }
        if (role == SubnetRole.LUSTRE) {
            // Azure Managed Lustre's prerequisites: outbound to Azure services from its subnet
            nsg.rule(SecurityRule.allowOutbound("allow-azure-cloud", 100, "*", "AzureCloud", "*")
                    .withDescription("Azure Managed Lustre reaches Azure services (including queues) from here."));
        }
        nsg.rule(SecurityRule.denyInbound("deny-internet-inbound", 4096, "Internet")
                .withDescription("Nothing from the internet; administration through Bastion."));
        return nsg;
    }

    private static SecurityRule rule(String name, int priority, SecurityRule.Direction dir, String protocol,
            String source, String sourcePort, String port) {
        return new SecurityRule(name, priority, dir, SecurityRule.Access.Allow, protocol, List.of(source),
                List.of(sourcePort), List.of("*"), List.of(port), "");
    }

    private static void existing(CompileContext c, Network.Existing e, Made n) {
        Expr vnetName = Expr.str(e.vnetName());
        n.vnet = e.inOtherResourceGroup()
                ? c.d.existingIn(Expr.str(e.resourceGroup()), VirtualNetwork.class, VirtualNetwork.TYPE,
                        VirtualNetwork.API_VERSION, vnetName)
                : c.d.existing(VirtualNetwork.class, VirtualNetwork.TYPE, VirtualNetwork.API_VERSION, vnetName);
        for (Map.Entry<SubnetRole, String> s : e.subnets().entrySet()) {
            n.subnets.put(s.getKey(), Ref.existingChild(n.vnet, Subnet.class, "subnets", Subnet.API_VERSION,
                    Expr.str(s.getValue())));
        }
        n.ranges.putAll(e.ranges());
    }

    private static void dnsZones(CompileContext c, Made n) {
        if (!c.privateEndpoints()) {
            return;
        }
        List<PrivateLinkTarget> targets = new ArrayList<>(List.of(PrivateLinkTarget.BLOB, PrivateLinkTarget.KEY_VAULT));
        if (c.env.storage(SharedStorage.AzureFilesNfs.class).isPresent()) {
            targets.add(PrivateLinkTarget.FILE);
        }
        Map<PrivateLinkTarget, String> existing = c.env.network() instanceof Network.Managed m ? m.dnsZoneIds()
                : ((Network.Existing) c.env.network()).dnsZoneIds();
        for (PrivateLinkTarget t : targets) {
            String id = existing.get(t);
            if (id != null) {
                n.dnsZones.put(t, Ref.ofId(PrivateDnsZone.class, PrivateDnsZone.TYPE, PrivateDnsZone.API_VERSION,
                        PrivateLinkTarget.withStorageSuffix(id)));
                continue;
            }
            Ref<PrivateDnsZone> zone = c.d.add(PrivateDnsZone.forTarget(t).tags(c.names.tags(Naming.SHARED)));
            c.d.add(PrivateDnsZoneLink.of(zone, c.names.name("vnet", ""), n.vnet).tags(c.names.tags(Naming.SHARED)));
            n.dnsZones.put(t, zone);
        }
    }
}
