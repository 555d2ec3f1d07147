package io.github.hpcblueprints.azure;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Output;
import io.github.hpcblueprints.arm.Parameter;
import io.github.hpcblueprints.arm.Template;
import io.github.hpcblueprints.azure.authorization.BuiltInPolicy;
import io.github.hpcblueprints.azure.authorization.BuiltInRole;
import io.github.hpcblueprints.azure.authorization.ManagementLock;
import io.github.hpcblueprints.azure.authorization.PolicyAssignment;
import io.github.hpcblueprints.azure.authorization.PrincipalType;
import io.github.hpcblueprints.azure.authorization.RoleAssignment;
import io.github.hpcblueprints.azure.compute.AutoShutdownSchedule;
import io.github.hpcblueprints.azure.compute.LinuxVirtualMachine;
import io.github.hpcblueprints.azure.consumption.Budget;
import io.github.hpcblueprints.azure.identity.UserAssignedIdentity;
import io.github.hpcblueprints.azure.keyvault.KeyVault;
import io.github.hpcblueprints.azure.network.BastionHost;
import io.github.hpcblueprints.azure.network.Cidr;
import io.github.hpcblueprints.azure.network.NatGateway;
import io.github.hpcblueprints.azure.network.NetworkInterface;
import io.github.hpcblueprints.azure.network.NetworkSecurityGroup;
import io.github.hpcblueprints.azure.network.PrivateDnsZone;
import io.github.hpcblueprints.azure.network.PrivateDnsZoneGroup;
import io.github.hpcblueprints.azure.network.PrivateDnsZoneLink;
import io.github.hpcblueprints.azure.network.PrivateEndpoint;
import io.github.hpcblueprints.azure.network.PrivateLinkTarget;
import io.github.hpcblueprints.azure.network.PublicIpAddress;
import io.github.hpcblueprints.azure.network.SecurityRule;
import io.github.hpcblueprints.azure.network.Subnet;
import io.github.hpcblueprints.azure.network.VirtualNetwork;
import io.github.hpcblueprints.azure.storage.BlobContainer;
import io.github.hpcblueprints.azure.storage.BlobService;
import io.github.hpcblueprints.azure.storage.StorageAccount;
import io.github.hpcblueprints.azure.storagecache.AmlFilesystem;
import io.github.hpcblueprints.azure.storagecache.AmlSku;
import io.github.hpcblueprints.azure.storagecache.AutoExportJob;
import java.util.List;

/**
 * The composite "secure core" of issue 4, built only with the typed catalogue: VNet with four subnets, NSGs, NAT,
 * Bastion, storage with private endpoint and DNS, Key Vault, identity, role assignments, Lustre with HSM and
 * auto-export, budget, auto-shutdown, policy assignment.
 */
final class SecureCore {

    private SecureCore() {
    }

    static Template build() {
        Deployment d = Deployment.resourceGroup();
        Expr location = d.parameter(Parameter.string("location").withDefault(Expr.resourceGroupLocation())
                .withDescription("Region for every resource."));
        Expr sshKey = d.parameter(Parameter.string("adminSshPublicKey")
                .withDescription("SSH public key of the administrator (Bastion only)."));
        Expr researchers = d.parameter(Parameter.string("researchersGroupObjectId")
                .withDescription("Entra ID group of the researchers."));
        Expr hpcCacheSp = d.parameter(Parameter.string("hpcCacheResourceProviderObjectId")
                .withDescription("Object id of the 'HPC Cache Resource Provider' service principal in this tenant."));
        Expr budgetStart = d.parameter(Parameter.string("budgetStartDate")
                .withDescription("First day of the month the budget starts (yyyy-MM-01)."));
        Expr emails = d.parameter(Parameter.array("budgetContactEmails")
                .withDescription("Who hears about the budget."));

        Ref<NetworkSecurityGroup> computeNsg = d.add(NetworkSecurityGroup.named("nsg-compute").location(location)
                .rule(SecurityRule.allowInbound("allow-ssh-from-bastion", 200, List.of("10.40.3.0/26"), "22"))
                .rule(SecurityRule.denyInbound("deny-internet", 4000, "Internet")));
        Ref<NetworkSecurityGroup> lustreNsg = d.add(NetworkSecurityGroup.named("nsg-lustre").location(location)
                .rule(SecurityRule.allowOutbound("allow-azurecloud", 200, "*", "AzureCloud", "*")));
        Ref<PublicIpAddress> natIp = d.add(PublicIpAddress.named("pip-nat").location(location));
        Ref<NatGateway> nat = d.add(NatGateway.named("nat-hpc").location(location).publicIp(natIp));
        Ref<VirtualNetwork> vnet = d.add(VirtualNetwork.named("vnet-hpc").location(location)
                .addressSpace("10.40.0.0/16"));
        Ref<Subnet> compute = d.add(Subnet.of(vnet, "compute", "10.40.0.0/24").networkSecurityGroup(computeNsg)
                .natGateway(nat));
        Ref<Subnet> lustre = d.add(Subnet.of(vnet, "lustre", "10.40.1.0/24").networkSecurityGroup(lustreNsg)
                .natGateway(nat));
        Ref<Subnet> endpoints = d.add(Subnet.of(vnet, "endpoints", "10.40.2.0/24").networkSecurityGroup(computeNsg));
        Ref<Subnet> bastionSubnet = d.add(Subnet.of(vnet, Subnet.BASTION_SUBNET, "10.40.3.0/26"));
        Ref<PublicIpAddress> bastionIp = d.add(PublicIpAddress.named("pip-bastion").location(location));
        d.add(BastionHost.named("bas-hpc", bastionSubnet, bastionIp).location(location));

        Ref<StorageAccount> storage = d.add(StorageAccount.named("sthpcdata001").location(location)
                .allowSharedKeyAccess("Azure Managed Lustre blob integration requires storage account key access"));
        d.add(BlobService.of(storage));
        Ref<BlobContainer> data = d.add(BlobContainer.of(storage, "lustre-data"));
        Ref<BlobContainer> logs = d.add(BlobContainer.of(storage, "lustre-logs"));
        d.add(ManagementLock.cannotDelete(storage, "keep-research-data", "Research data; remove only on purpose."));
        Ref<PrivateDnsZone> blobZone = d.add(PrivateDnsZone.forTarget(PrivateLinkTarget.BLOB));
        d.add(PrivateDnsZoneLink.of(blobZone, "vnet-hpc", vnet));
        Ref<PrivateEndpoint> blobPe = d.add(PrivateEndpoint.named("pe-sthpcdata001-blob", storage,
                PrivateLinkTarget.BLOB, endpoints).location(location));
        d.add(PrivateDnsZoneGroup.of(blobPe, blobZone, PrivateLinkTarget.BLOB.dnsZone()));

        d.add(KeyVault.named("kv-hpc-secure-001").location(location));
        Ref<UserAssignedIdentity> nodes = d.add(UserAssignedIdentity.named("id-hpc-nodes").location(location));
        d.add(RoleAssignment.on(data, BuiltInRole.STORAGE_BLOB_DATA_CONTRIBUTOR,
                UserAssignedIdentity.principalId(nodes), PrincipalType.ServicePrincipal));
        d.add(RoleAssignment.on(storage, BuiltInRole.STORAGE_BLOB_DATA_READER, researchers, PrincipalType.Group));

        List<Ref<RoleAssignment>> hsmRoles = AmlFilesystem.hpcCacheProviderRoles(storage, hpcCacheSp).stream()
                .map(d::add).toList();
        AmlFilesystem aml = AmlFilesystem.named("amlfs-hpc", lustre, AmlSku.DURABLE_PREMIUM_250, 16)
                .location(location).subnetRange(Cidr.parse("10.40.1.0/24")).hsm(data, logs, "/");
        hsmRoles.forEach(aml::dependsOn);
        Ref<AmlFilesystem> fs = d.add(aml);
        d.add(AutoExportJob.of(fs, "export-results", "/").location(location));

        Ref<NetworkInterface> nic = d.add(NetworkInterface.named("nic-login", compute).location(location));
        Ref<LinuxVirtualMachine> vm = d.add(LinuxVirtualMachine.named("vm-login", nic).location(location)
                .sshPublicKey(sshKey).userAssignedIdentity(nodes));
        d.add(AutoShutdownSchedule.forVm(vm).location(location));

        d.add(Budget.named("budget-hpc", Expr.num(2000), budgetStart).contactEmails(emails));
        d.add(PolicyAssignment.of("allowed-locations", BuiltInPolicy.ALLOWED_LOCATIONS, List.of("uksouth"))
                .nonComplianceMessage("Research data stays in the UK South region."));
        d.output(Output.string("lustreMgsAddress", fs.property("clientInfo.mgsAddress")));
        d.metadata("_generator", Json.obj("name", "hpc-blueprints-tests", "version", "test"));
        return d.build();
    }
}
