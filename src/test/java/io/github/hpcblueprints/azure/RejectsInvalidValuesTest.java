package io.github.hpcblueprints.azure;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.azure.authorization.BuiltInRole;
import io.github.hpcblueprints.azure.authorization.PrincipalType;
import io.github.hpcblueprints.azure.authorization.RoleAssignment;
import io.github.hpcblueprints.azure.authorization.RoleDefinition;
import io.github.hpcblueprints.azure.compute.LinuxVirtualMachine;
import io.github.hpcblueprints.azure.keyvault.KeyVault;
import io.github.hpcblueprints.azure.network.BastionHost;
import io.github.hpcblueprints.azure.network.Cidr;
import io.github.hpcblueprints.azure.network.NetworkInterface;
import io.github.hpcblueprints.azure.network.NetworkSecurityGroup;
import io.github.hpcblueprints.azure.network.PrivateEndpoint;
import io.github.hpcblueprints.azure.network.PrivateLinkTarget;
import io.github.hpcblueprints.azure.network.PublicIpAddress;
import io.github.hpcblueprints.azure.network.SecurityRule;
import io.github.hpcblueprints.azure.network.Subnet;
import io.github.hpcblueprints.azure.network.VirtualNetwork;
import io.github.hpcblueprints.azure.storage.BlobContainer;
import io.github.hpcblueprints.azure.storage.StorageAccount;
import io.github.hpcblueprints.azure.storagecache.AmlFilesystem;
import io.github.hpcblueprints.azure.storagecache.AmlSku;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values outside Azure's rules are refused when the resource is built, naming the field and what is allowed. */
class RejectsInvalidValuesTest {

    private final Deployment d = Deployment.resourceGroup();
    private final Ref<VirtualNetwork> vnet = d.existing(VirtualNetwork.class, VirtualNetwork.TYPE,
            VirtualNetwork.API_VERSION, Expr.str("vnet"));
    private final Ref<Subnet> subnet = Ref.existingChild(vnet, Subnet.class, "subnets", Subnet.API_VERSION,
            Expr.str("compute"));

    @Test
    void storageAccountNamesFollowAzuresRules() {
        assertThatThrownBy(() -> StorageAccount.named("Research-Data"))
                .hasMessageContaining("storage account name 'Research-Data' must be 3-24 lowercase letters and digits");
        assertThatThrownBy(() -> StorageAccount.named("ab")).hasMessageContaining("3-24");
        assertThatThrownBy(() -> StorageAccount.named("a".repeat(25))).hasMessageContaining("3-24");
    }

    @Test
    void lustreCapacityMustBeAStepOfItsSku() {
        assertThatThrownBy(() -> AmlFilesystem.named("fs", subnet, AmlSku.DURABLE_PREMIUM_125, 20))
                .hasMessageContaining("storage capacity 20 TiB is not valid for AMLFS-Durable-Premium-125")
                .hasMessageContaining("multiple of 16 TiB from 16 to 128 TiB").hasMessageContaining("nearest valid: 16");
        assertThatThrownBy(() -> AmlFilesystem.named("fs", subnet, AmlSku.DURABLE_PREMIUM_40, 24))
                .hasMessageContaining("multiple of 48 TiB from 48 to 768");
        assertThatThrownBy(() -> AmlFilesystem.named("fs", subnet, AmlSku.DURABLE_PREMIUM_500, 132))
                .hasMessageContaining("from 4 to 128");
    }

    @Test
    void lustreSubnetMustBeLargeEnoughForTheCapacity() {
        AmlFilesystem fs = AmlFilesystem.named("fs", subnet, AmlSku.DURABLE_PREMIUM_125, 48);
        assertThatThrownBy(() -> fs.subnetRange(Cidr.parse("10.0.1.0/26")))
                .hasMessageContaining("too small for 48 TiB").hasMessageContaining("/25 or larger");
    }

    @Test
    void nsgPrioritiesAreInRangeAndUniquePerDirection() {
        assertThatThrownBy(() -> SecurityRule.denyInbound("x", 99, "Internet"))
                .hasMessageContaining("priority 99 is outside 100-4096");
        assertThatThrownBy(() -> SecurityRule.denyInbound("x", 4097, "Internet"))
                .hasMessageContaining("outside 100-4096");
        NetworkSecurityGroup nsg = NetworkSecurityGroup.named("nsg")
                .rule(SecurityRule.denyInbound("a", 200, "Internet"))
                .rule(SecurityRule.denyOutbound("b", 200, "Internet"));
        assertThatThrownBy(() -> nsg.rule(SecurityRule.denyInbound("c", 200, "*")))
                .hasMessageContaining("priority 200 is already used by 'a' for Inbound traffic");
    }

    @Test
    void cidrRangesAreStrict() {
        assertThatThrownBy(() -> Cidr.parse("10.0.0.1/24")).hasMessageContaining("use 10.0.0.0/24");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("prefix length 33");
        assertThatThrownBy(() -> Cidr.parse("10.0.300.0/24")).hasMessageContaining("octet 300");
        assertThatThrownBy(() -> Cidr.parse("ten/8")).hasMessageContaining("not an IPv4 CIDR range");
        assertThatThrownBy(() -> VirtualNetwork.named("v").addressSpace("10.0.0.0/16").addressSpace("10.0.128.0/17"))
                .hasMessageContaining("overlaps");
        assertThatThrownBy(() -> SecurityRule.allowInbound("r", 100, List.of("10.0.0.0/99"), "22"))
                .hasMessageContaining("not a CIDR range");
    }

    @Test
    void bastionNeedsItsNamedSubnetOfAtLeastSlash26() {
        assertThatThrownBy(() -> Subnet.of(vnet, Subnet.BASTION_SUBNET, "10.0.9.0/27"))
                .hasMessageContaining("Azure Bastion needs /26 or larger");
        assertThatThrownBy(() -> Subnet.of(vnet, "azurebastionsubnet", "10.0.9.0/26"))
                .hasMessageContaining("must be named exactly AzureBastionSubnet");
        Ref<PublicIpAddress> ip = d.add(PublicIpAddress.named("pip"));
        assertThatThrownBy(() -> BastionHost.named("bas", subnet, ip))
                .hasMessageContaining("must be placed in the subnet named AzureBastionSubnet");
    }

    @Test
    void keyVaultNamesFollowAzuresRules() {
        assertThatThrownBy(() -> KeyVault.named("1vault")).hasMessageContaining("start with a letter");
        assertThatThrownBy(() -> KeyVault.named("kv--x")).hasMessageContaining("no '--'");
    }

    @Test
    void aVmNeedsAnSshKeyAndAnAllowedAdminName() {
        Ref<NetworkInterface> nic = d.add(NetworkInterface.named("nic", subnet));
        assertThatThrownBy(() -> LinuxVirtualMachine.named("vm", nic).toResource())
                .hasMessageContaining("needs an SSH public key");
        assertThatThrownBy(() -> LinuxVirtualMachine.named("vm", nic).adminUsername("root"))
                .hasMessageContaining("reserved by Azure");
        assertThatThrownBy(() -> LinuxVirtualMachine.named("vm", nic).size("huge"))
                .hasMessageContaining("not an Azure size name");
    }

    @Test
    void privilegedRolesAndWildcardActionsAreRefused() {
        Ref<StorageAccount> sa = d.add(StorageAccount.named("stdata01"));
        assertThatThrownBy(() -> RoleAssignment.on(sa, BuiltInRole.OWNER, Expr.str("p"), PrincipalType.Group)
                .toResource()).hasMessageContaining("Owner refused");
        RoleAssignment.on(sa, BuiltInRole.OWNER, Expr.str("p"), PrincipalType.Group)
                .allowPrivilegedRole("break-glass group of the platform team").toResource();
        assertThatThrownBy(() -> RoleDefinition.named("too wide").actions("*"))
                .hasMessageContaining("a bare '*' is refused");
    }

    @Test
    void loosenedDefaultsNeedAReasonAndTargetsMustMatch() {
        assertThatThrownBy(() -> StorageAccount.named("stdata02").allowSharedKeyAccess(" "))
                .hasMessageContaining("needs a written reason");
        Ref<StorageAccount> sa = d.add(StorageAccount.named("stdata03"));
        assertThatThrownBy(() -> PrivateEndpoint.named("pe", sa, PrivateLinkTarget.KEY_VAULT, subnet))
                .hasMessageContaining("connects to a Microsoft.KeyVault/vaults, not a Microsoft.Storage/storageAccounts");
        assertThatThrownBy(() -> BlobContainer.of(sa, "Bad_Name")).hasMessageContaining("3-63 lowercase");
        Ref<BlobContainer> c = d.add(BlobContainer.of(sa, "data"));
        assertThatThrownBy(() -> AmlFilesystem.named("fs", subnet, AmlSku.DURABLE_PREMIUM_250, 8).hsm(c, c, "/"))
                .hasMessageContaining("logging container must differ");
    }
}
