package io.github.hpcblueprints.azure;

import io.github.hpcblueprints.json.JsonTrees;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.arm.ArmJsonWriter;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Parameter;
import io.github.hpcblueprints.arm.Template;
import io.github.hpcblueprints.azure.authorization.BuiltInPolicy;
import io.github.hpcblueprints.azure.authorization.BuiltInRole;
import io.github.hpcblueprints.azure.authorization.ManagementLock;
import io.github.hpcblueprints.azure.authorization.PolicyAssignment;
import io.github.hpcblueprints.azure.authorization.PrincipalType;
import io.github.hpcblueprints.azure.authorization.RoleAssignment;
import io.github.hpcblueprints.azure.authorization.RoleDefinition;
import io.github.hpcblueprints.azure.compute.AutoShutdownSchedule;
import io.github.hpcblueprints.azure.compute.ImageReference;
import io.github.hpcblueprints.azure.compute.LinuxVirtualMachine;
import io.github.hpcblueprints.azure.compute.VmExtension;
import io.github.hpcblueprints.azure.consumption.Budget;
import io.github.hpcblueprints.azure.identity.UserAssignedIdentity;
import io.github.hpcblueprints.azure.insights.ActionGroup;
import io.github.hpcblueprints.azure.insights.DiagnosticSetting;
import io.github.hpcblueprints.azure.keyvault.KeyVault;
import io.github.hpcblueprints.azure.netapp.CapacityPool;
import io.github.hpcblueprints.azure.netapp.ExportPolicyRule;
import io.github.hpcblueprints.azure.netapp.NetAppAccount;
import io.github.hpcblueprints.azure.netapp.NetAppVolume;
import io.github.hpcblueprints.azure.network.BastionHost;
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
import io.github.hpcblueprints.azure.operationalinsights.LogAnalyticsWorkspace;
import io.github.hpcblueprints.azure.resources.DeploymentStack;
import io.github.hpcblueprints.azure.resources.NestedDeployment;
import io.github.hpcblueprints.azure.resources.TemplateSpec;
import io.github.hpcblueprints.azure.resources.TemplateSpecVersion;
import io.github.hpcblueprints.azure.storage.BlobContainer;
import io.github.hpcblueprints.azure.storage.BlobService;
import io.github.hpcblueprints.azure.storage.FileService;
import io.github.hpcblueprints.azure.storage.FileShare;
import io.github.hpcblueprints.azure.storage.StorageAccount;
import io.github.hpcblueprints.azure.storagecache.AmlFilesystem;
import io.github.hpcblueprints.azure.storagecache.AmlSku;
import io.github.hpcblueprints.azure.storagecache.AutoExportJob;
import io.github.hpcblueprints.testing.Shared;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every typed resource, built once with its defaults and once with options: the template validates against Azure's
 * schemas, and the JSON of the resource under test shows its secure defaults (or the options asked for).
 */
class CatalogueTest {

    /** Existing things the resource under test points at, so each case stays about one type. */
    static final class Fixture {
        final Deployment d = Deployment.resourceGroup();
        final Ref<VirtualNetwork> vnet = d.existing(VirtualNetwork.class, VirtualNetwork.TYPE,
                VirtualNetwork.API_VERSION, Expr.str("vnet-existing"));
        final Ref<Subnet> subnet = Ref.existingChild(vnet, Subnet.class, "subnets", Subnet.API_VERSION,
                Expr.str("compute"));
        final Ref<StorageAccount> storage = d.existing(StorageAccount.class, StorageAccount.TYPE,
                StorageAccount.API_VERSION, Expr.str("stexisting001"));
        final Expr principal = d.parameter(Parameter.string("principalId"));
    }

    record Case(String name, Function<Fixture, Ref<?>> build, Consumer<JsonNode> check) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                c("VirtualNetwork defaults", f -> f.d.add(VirtualNetwork.named("vnet").addressSpace("10.0.0.0/16")),
                        r -> assertThat(r.at("/properties/dhcpOptions").isMissingNode()).isTrue()),
                c("VirtualNetwork options", f -> f.d.add(VirtualNetwork.named("vnet").addressSpace("10.0.0.0/16")
                        .addressSpace("10.1.0.0/16").dnsServer("10.0.0.4").tag("project", "alpha")),
                        r -> assertThat(r.at("/properties/addressSpace/addressPrefixes")).hasSize(2)),
                c("Subnet defaults", f -> f.d.add(Subnet.of(f.vnet, "snet", "10.0.5.0/24")),
                        r -> {
                            assertThat(r.at("/properties/defaultOutboundAccess").asBoolean(true)).isFalse();
                            assertThat(r.at("/properties/privateEndpointNetworkPolicies").asText()).isEqualTo("Enabled");
                        }),
                c("Subnet options", f -> {
                    Ref<NetworkSecurityGroup> nsg = f.d.add(NetworkSecurityGroup.named("nsg"));
                    Ref<PublicIpAddress> ip = f.d.add(PublicIpAddress.named("pip"));
                    Ref<NatGateway> nat = f.d.add(NatGateway.named("nat").publicIp(ip));
                    return f.d.add(Subnet.of(f.vnet, "anf", "10.0.6.0/26").networkSecurityGroup(nsg).natGateway(nat)
                            .serviceEndpoint("Microsoft.Storage").delegateTo(NetAppVolume.SUBNET_DELEGATION));
                }, r -> assertThat(r.at("/properties/delegations/0/properties/serviceName").asText())
                        .isEqualTo("Microsoft.NetApp/volumes")),
                c("NetworkSecurityGroup defaults", f -> f.d.add(NetworkSecurityGroup.named("nsg")),
                        r -> assertThat(r.at("/properties/securityRules")).isEmpty()),
                c("NetworkSecurityGroup options", f -> f.d.add(NetworkSecurityGroup.named("nsg")
                        .rule(SecurityRule.allowInbound("lustre", 300, List.of("10.0.0.0/16"), "988", "1019-1023"))
                        .rule(SecurityRule.denyInbound("deny-internet", 300 + 3700, "Internet"))
                        .rule(SecurityRule.denyOutbound("deny-out", 300, "Internet").withDescription("no egress"))),
                        r -> assertThat(r.at("/properties/securityRules/0/properties/destinationPortRanges"))
                                .hasSize(2)),
                c("PublicIpAddress defaults", f -> f.d.add(PublicIpAddress.named("pip")),
                        r -> {
                            assertThat(r.at("/sku/name").asText()).isEqualTo("Standard");
                            assertThat(r.at("/properties/dnsSettings").isMissingNode()).isTrue();
                        }),
                c("PublicIpAddress options", f -> f.d.add(PublicIpAddress.named("pip").zones("1", "2", "3")
                        .idleTimeoutMinutes(10)), r -> assertThat(r.at("/zones")).hasSize(3)),
                c("NatGateway defaults", f -> f.d.add(NatGateway.named("nat").publicIp(f.d.add(
                        PublicIpAddress.named("pip")))), r -> assertThat(r.at("/sku/name").asText()).isEqualTo("Standard")),
                c("NatGateway options", f -> f.d.add(NatGateway.named("nat").publicIp(f.d.add(
                        PublicIpAddress.named("pip"))).idleTimeoutMinutes(30)),
                        r -> assertThat(r.at("/properties/idleTimeoutInMinutes").asInt()).isEqualTo(30)),
                c("BastionHost defaults", CatalogueTest::bastion, r -> {
                    assertThat(r.at("/sku/name").asText()).isEqualTo("Standard");
                    assertThat(r.at("/properties/enableShareableLink").asBoolean(true)).isFalse();
                    assertThat(r.at("/properties/enableFileCopy").asBoolean(true)).isFalse();
                }),
                c("BastionHost options", f -> {
                    Ref<Subnet> s = f.d.add(Subnet.of(f.vnet, Subnet.BASTION_SUBNET, "10.0.9.0/26"));
                    Ref<PublicIpAddress> ip = f.d.add(PublicIpAddress.named("pip-bas"));
                    return f.d.add(BastionHost.named("bas", s, ip).sku(BastionHost.Sku.Basic));
                }, r -> assertThat(r.at("/properties/enableTunneling").isMissingNode()).isTrue()),
                c("NetworkInterface defaults", f -> f.d.add(NetworkInterface.named("nic", f.subnet)), r -> {
                    assertThat(r.at("/properties/ipConfigurations/0/properties/publicIPAddress").isMissingNode())
                            .isTrue();
                    assertThat(r.at("/properties/enableIPForwarding").asBoolean(true)).isFalse();
                }),
                c("NetworkInterface options", f -> f.d.add(NetworkInterface.named("nic", f.subnet)
                        .acceleratedNetworking(true).networkSecurityGroup(f.d.add(NetworkSecurityGroup.named("nsg")))),
                        r -> assertThat(r.at("/properties/enableAcceleratedNetworking").asBoolean()).isTrue()),
                c("PrivateEndpoint defaults", f -> f.d.add(PrivateEndpoint.named("pe", f.storage,
                        PrivateLinkTarget.BLOB, f.subnet)), r -> assertThat(
                        r.at("/properties/privateLinkServiceConnections/0/properties/groupIds/0").asText())
                        .isEqualTo("blob")),
                c("PrivateEndpoint options", f -> f.d.add(PrivateEndpoint.named("pe", f.storage,
                        PrivateLinkTarget.FILE, f.subnet).tag("project", "alpha")),
                        r -> assertThat(r.at("/tags/project").asText()).isEqualTo("alpha")),
                c("PrivateDnsZone + link + group defaults", f -> {
                    Ref<PrivateDnsZone> zone = f.d.add(PrivateDnsZone.forTarget(PrivateLinkTarget.KEY_VAULT));
                    f.d.add(PrivateDnsZoneLink.of(zone, "link", f.vnet));
                    Ref<?> kv = f.d.add(KeyVault.named("kv-test-0001"));
                    Ref<PrivateEndpoint> pe = f.d.add(PrivateEndpoint.named("pe-kv", kv, PrivateLinkTarget.KEY_VAULT,
                            f.subnet));
                    return f.d.add(PrivateDnsZoneGroup.of(pe, zone, PrivateLinkTarget.KEY_VAULT.dnsZone()));
                }, r -> assertThat(r.at("/properties/privateDnsZoneConfigs/0/name").asText())
                        .isEqualTo("privatelink-vaultcore-azure-net")),
                c("PrivateDnsZone options", f -> f.d.add(PrivateDnsZone.named("privatelink.dfs.core.windows.net")
                        .tag("owner", "platform")), r -> assertThat(r.at("/location").asText()).isEqualTo("global")),
                c("LinuxVirtualMachine defaults", f -> f.d.add(LinuxVirtualMachine.named("vm", f.d.add(
                        NetworkInterface.named("nic", f.subnet))).sshPublicKey(f.d.parameter(
                        Parameter.string("key")))), r -> {
                    assertThat(r.at("/properties/osProfile/linuxConfiguration/disablePasswordAuthentication")
                            .asBoolean()).isTrue();
                    assertThat(r.at("/properties/osProfile/adminPassword").isMissingNode()).isTrue();
                    assertThat(r.at("/properties/securityProfile/securityType").asText()).isEqualTo("TrustedLaunch");
                    assertThat(r.at("/properties/diagnosticsProfile/bootDiagnostics/enabled").asBoolean()).isTrue();
                    assertThat(r.at("/properties/diagnosticsProfile/bootDiagnostics/storageUri").isMissingNode())
                            .isTrue();
                }),
                c("LinuxVirtualMachine options", f -> {
                    Ref<UserAssignedIdentity> id = f.d.add(UserAssignedIdentity.named("id"));
                    return f.d.add(LinuxVirtualMachine.named("vm", f.d.add(NetworkInterface.named("nic", f.subnet)))
                            .sshPublicKey(f.d.parameter(Parameter.string("key"))).size("Standard_HB176rs_v4")
                            .image(ImageReference.almaLinuxHpc8()).withoutTrustedLaunch().encryptionAtHost(true)
                            .userAssignedIdentity(id).systemAssignedIdentity().osDisk("Premium_LRS", 64)
                            .customData("#cloud-config\npackages: [htop]\n").zone("2").spot(BigDecimal.valueOf(-1))
                            .adminUsername("hpcadmin"));
                }, r -> {
                    assertThat(r.at("/identity/type").asText()).isEqualTo("SystemAssigned, UserAssigned");
                    assertThat(new String(Base64.getDecoder().decode(
                            r.at("/properties/osProfile/customData").asText()), java.nio.charset.StandardCharsets.UTF_8))
                            .startsWith("#cloud-config");
                    assertThat(r.at("/properties/priority").asText()).isEqualTo("Spot");
                }),
                c("VmExtension defaults", f -> f.d.add(VmExtension.entraIdSshLogin(vm(f))),
                        r -> assertThat(r.at("/properties/publisher").asText())
                                .isEqualTo("Microsoft.Azure.ActiveDirectory")),
                c("VmExtension options", f -> f.d.add(VmExtension.of(vm(f), "monitor", "Microsoft.Azure.Monitor",
                        "AzureMonitorLinuxAgent", "1.0").settings(Json.obj("authentication", JsonTrees.object()))),
                        r -> assertThat(r.at("/properties/protectedSettings").isMissingNode()).isTrue()),
                c("AutoShutdownSchedule defaults", f -> f.d.add(AutoShutdownSchedule.forVm(vm(f))), r -> {
                    assertThat(r.at("/name").asText()).isEqualTo("shutdown-computevm-vm");
                    assertThat(r.at("/properties/dailyRecurrence/time").asText()).isEqualTo("1900");
                }),
                c("AutoShutdownSchedule options", f -> f.d.add(AutoShutdownSchedule.forVm(vm(f)).at("2030")
                        .timeZone("GMT Standard Time").notify(Expr.str("owner@example.org"), 30)),
                        r -> assertThat(r.at("/properties/notificationSettings/status").asText()).isEqualTo("Enabled")),
                c("StorageAccount defaults", f -> f.d.add(StorageAccount.named("stdata0001")), r -> {
                    JsonNode p = r.get("properties");
                    assertThat(p.get("supportsHttpsTrafficOnly").asBoolean()).isTrue();
                    assertThat(p.get("minimumTlsVersion").asText()).isEqualTo("TLS1_2");
                    assertThat(p.get("allowBlobPublicAccess").asBoolean(true)).isFalse();
                    assertThat(p.get("allowSharedKeyAccess").asBoolean(true)).isFalse();
                    assertThat(p.get("publicNetworkAccess").asText()).isEqualTo("Disabled");
                    assertThat(p.at("/networkAcls/defaultAction").asText()).isEqualTo("Deny");
                }),
                c("StorageAccount options", f -> f.d.add(StorageAccount.named("stnfs0001")
                        .kind(StorageAccount.Kind.FileStorage).sku("Premium_ZRS")
                        .allowPublicNetworkAccess("lab machines upload from the campus range")
                        .allowIpRange("192.0.2.0/24").allowSubnet(f.subnet)),
                        r -> assertThat(r.at("/properties/networkAcls/ipRules/0/value").asText())
                                .isEqualTo("192.0.2.0/24")),
                c("StorageAccount NFS v3 option", f -> f.d.add(StorageAccount.named("stblobnfs01")
                        .nfsV3("NFS v3 has no TLS; reached only through the private endpoint")),
                        r -> assertThat(r.at("/properties/isNfsV3Enabled").asBoolean()).isTrue()),
                c("BlobService defaults", f -> f.d.add(BlobService.of(f.storage)), r -> {
                    assertThat(r.at("/properties/deleteRetentionPolicy/enabled").asBoolean()).isTrue();
                    assertThat(r.at("/properties/containerDeleteRetentionPolicy/enabled").asBoolean()).isTrue();
                    assertThat(r.at("/properties/isVersioningEnabled").asBoolean()).isTrue();
                }),
                c("BlobService options", f -> f.d.add(BlobService.of(f.storage).retentionDays(30).withoutVersioning()),
                        r -> assertThat(r.at("/properties/isVersioningEnabled").isMissingNode()).isTrue()),
                c("BlobContainer defaults", f -> f.d.add(BlobContainer.of(f.storage, "data")),
                        r -> assertThat(r.at("/properties/publicAccess").asText()).isEqualTo("None")),
                c("BlobContainer options", f -> f.d.add(BlobContainer.of(f.storage, "results-2026").tag("x", "y")),
                        r -> assertThat(r.at("/name").asText()).isEqualTo("stexisting001/default/results-2026")),
                c("FileService defaults", f -> f.d.add(FileService.of(f.storage)),
                        r -> assertThat(r.at("/properties/protocolSettings/nfs/encryptionInTransit/required")
                                .asBoolean()).isTrue()),
                c("FileService options", f -> f.d.add(FileService.of(f.storage).retentionDays(7)
                        .withoutNfsEncryptionInTransit()), r -> assertThat(
                        r.at("/properties/protocolSettings/nfs/encryptionInTransit/required").asBoolean(true))
                        .isFalse()),
                c("FileShare defaults", f -> f.d.add(FileShare.nfs(f.storage, "home", 1024)),
                        r -> assertThat(r.at("/properties/rootSquash").asText()).isEqualTo("RootSquash")),
                c("FileShare options", f -> f.d.add(FileShare.nfs(f.storage, "apps", 100).noRootSquash()),
                        r -> assertThat(r.at("/properties/rootSquash").asText()).isEqualTo("NoRootSquash")),
                c("ManagementLock", f -> f.d.add(ManagementLock.cannotDelete(f.storage, "keep", "research data")),
                        r -> assertThat(r.at("/properties/level").asText()).isEqualTo("CanNotDelete")),
                c("KeyVault defaults", f -> f.d.add(KeyVault.named("kv-test-0001")), r -> {
                    JsonNode p = r.get("properties");
                    assertThat(p.get("enableRbacAuthorization").asBoolean()).isTrue();
                    assertThat(p.get("enablePurgeProtection").asBoolean()).isTrue();
                    assertThat(p.get("publicNetworkAccess").asText()).isEqualTo("Disabled");
                    assertThat(p.get("enabledForTemplateDeployment").asBoolean(true)).isFalse();
                }),
                c("KeyVault options", f -> f.d.add(KeyVault.named("kv-test-0002").allowTemplateDeploymentReferences()
                        .softDeleteRetentionDays(30).allowPublicNetworkAccess()),
                        r -> assertThat(r.at("/properties/enabledForTemplateDeployment").asBoolean()).isTrue()),
                c("UserAssignedIdentity", f -> f.d.add(UserAssignedIdentity.named("id-nodes").tag("project", "a")),
                        r -> assertThat(r.at("/type").asText()).isEqualTo(UserAssignedIdentity.TYPE)),
                c("RoleAssignment on a resource", f -> f.d.add(RoleAssignment.on(f.storage,
                        BuiltInRole.STORAGE_BLOB_DATA_READER, f.principal, PrincipalType.Group).description("read")),
                        r -> {
                            assertThat(r.at("/name").asText()).startsWith("[guid(");
                            assertThat(r.at("/properties/principalType").asText()).isEqualTo("Group");
                        }),
                c("RoleAssignment custom role on the resource group", f -> f.d.add(RoleAssignment.onResourceGroup(
                        f.d.add(RoleDefinition.named("HPC operator").actions("Microsoft.Compute/virtualMachines/read")),
                        f.principal, PrincipalType.ServicePrincipal)), r -> assertThat(r.has("scope")).isFalse()),
                c("RoleDefinition", f -> f.d.add(RoleDefinition.named("CycleCloud cluster operator")
                        .description("Creates cluster VMs in this resource group")
                        .actions("Microsoft.Compute/virtualMachines/*", "Microsoft.Network/networkInterfaces/*")
                        .notActions("Microsoft.Compute/virtualMachines/delete")
                        .dataActions("Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read")),
                        r -> assertThat(r.at("/properties/assignableScopes/0").asText())
                                .isEqualTo("[resourceGroup().id]")),
                c("PolicyAssignment defaults", f -> f.d.add(PolicyAssignment.of("allowed-vm-sizes",
                        BuiltInPolicy.ALLOWED_VM_SKUS, List.of("Standard_F2s_v2"))),
                        r -> assertThat(r.at("/properties/enforcementMode").asText()).isEqualTo("Default")),
                c("PolicyAssignment options", f -> f.d.add(PolicyAssignment.of("inherit-project",
                        BuiltInPolicy.INHERIT_TAG_FROM_RESOURCE_GROUP, "project").location(Expr.str("uksouth"))
                        .auditOnly().displayName("Inherit project tag").nonComplianceMessage("Tag it")),
                        r -> assertThat(r.at("/identity/type").asText()).isEqualTo("SystemAssigned")),
                c("AmlFilesystem defaults", f -> f.d.add(AmlFilesystem.named("amlfs", f.subnet,
                        AmlSku.DURABLE_PREMIUM_500, 4)), r -> {
                    assertThat(r.at("/properties/rootSquashSettings/mode").asText()).isEqualTo("RootOnly");
                    assertThat(r.at("/zones/0").asText()).isEqualTo("1");
                }),
                c("AmlFilesystem options", f -> {
                    Ref<BlobContainer> data = f.d.add(BlobContainer.of(f.storage, "data"));
                    Ref<BlobContainer> logs = f.d.add(BlobContainer.of(f.storage, "logs"));
                    return f.d.add(AmlFilesystem.named("amlfs", f.subnet, AmlSku.DURABLE_PREMIUM_40, 96)
                            .zone("2").maintenanceWindow(DayOfWeek.SATURDAY, "22:30").hsm(data, logs, "/projects")
                            .noRootSquash());
                }, r -> assertThat(r.at("/properties/hsm/settings/importPrefix").asText()).isEqualTo("/projects")),
                c("AutoExportJob", f -> f.d.add(AutoExportJob.of(f.d.add(AmlFilesystem.named("amlfs", f.subnet,
                        AmlSku.DURABLE_PREMIUM_250, 8)), "export", "/")),
                        r -> assertThat(r.at("/properties/adminStatus").asText()).isEqualTo("Enable")),
                c("NetApp account, pool and volume defaults", f -> {
                    Ref<NetAppAccount> acct = f.d.add(NetAppAccount.named("anf"));
                    Ref<CapacityPool> pool = f.d.add(CapacityPool.of(acct, "pool", CapacityPool.ServiceLevel.Premium, 1));
                    return f.d.add(NetAppVolume.of(pool, CapacityPool.ServiceLevel.Premium, "home", f.subnet, 100)
                            .exportRule(ExportPolicyRule.readWrite(1, "10.0.0.0/16")));
                }, r -> {
                    assertThat(r.at("/properties/exportPolicy/rules/0/hasRootAccess").asBoolean(true)).isFalse();
                    assertThat(r.at("/properties/usageThreshold").asLong()).isEqualTo(100L << 30);
                }),
                c("NetApp volume options", f -> {
                    Ref<NetAppAccount> acct = f.d.add(NetAppAccount.named("anf"));
                    Ref<CapacityPool> pool = f.d.add(CapacityPool.of(acct, "pool", CapacityPool.ServiceLevel.Ultra, 4));
                    return f.d.add(NetAppVolume.of(pool, CapacityPool.ServiceLevel.Ultra, "apps", f.subnet, 2048)
                            .protocol(NetAppVolume.Protocol.NFSv4_1)
                            .exportRule(ExportPolicyRule.readWrite(1, "10.0.1.0/24").withRootAccess()));
                }, r -> assertThat(r.at("/properties/protocolTypes/0").asText()).isEqualTo("NFSv4.1")),
                c("Budget defaults", f -> f.d.add(Budget.named("budget", Expr.num(500),
                        f.d.parameter(Parameter.string("start"))).contactEmails(f.d.parameter(Parameter.array("to")))),
                        r -> assertThat(r.at("/properties/notifications").size()).isEqualTo(3)),
                c("Budget options", f -> f.d.add(Budget.named("budget-alpha", f.d.parameter(Parameter.integer("amt")),
                        f.d.parameter(Parameter.string("start")))
                        .timeGrain(Budget.TimeGrain.Quarterly).filterTag("project", List.of("alpha"))
                        .thresholds(List.of(new Budget.Threshold(50, false), new Budget.Threshold(90, true)))
                        .actionGroup(f.d.add(ActionGroup.named("ag", "hpc-costs").email(Expr.str("a@example.org"))))),
                        r -> assertThat(r.at("/properties/filter/tags/name").asText()).isEqualTo("project")),
                c("ActionGroup from an email array", f -> f.d.add(ActionGroup.named("ag", "hpc-costs")
                        .emails(f.d.parameter(Parameter.array("emails")))),
                        r -> assertThat(r.at("/properties/copy/0/name").asText()).isEqualTo("emailReceivers")),
                c("LogAnalyticsWorkspace defaults", f -> f.d.add(LogAnalyticsWorkspace.named("log-hpc")),
                        r -> assertThat(r.at("/properties/features/disableLocalAuth").asBoolean()).isTrue()),
                c("LogAnalyticsWorkspace options", f -> f.d.add(LogAnalyticsWorkspace.named("log-hpc")
                        .retentionDays(365).dailyCapGb(BigDecimal.valueOf(5)).privateOnly()),
                        r -> assertThat(r.at("/properties/publicNetworkAccessForQuery").asText()).isEqualTo("Disabled")),
                c("DiagnosticSetting for Key Vault", f -> f.d.add(DiagnosticSetting.forKeyVault(
                        f.d.add(KeyVault.named("kv-test-0003")), f.d.add(LogAnalyticsWorkspace.named("log-hpc")))),
                        r -> assertThat(r.at("/properties/logs/0/category").asText()).isEqualTo("AuditEvent")),
                c("DiagnosticSetting for blobs", f -> f.d.add(DiagnosticSetting.forBlobService(f.storage,
                        f.d.add(LogAnalyticsWorkspace.named("log-hpc")))), r -> assertThat(r.at("/scope").asText())
                        .isEqualTo("Microsoft.Storage/storageAccounts/stexisting001/blobServices/default")),
                c("TemplateSpec and version", f -> {
                    Ref<TemplateSpec> spec = f.d.add(TemplateSpec.named("hpc-core").description("approved core"));
                    return f.d.add(TemplateSpecVersion.of(spec, "1.0.0", innerTemplate()).description("first"));
                }, r -> assertThat(r.at("/properties/mainTemplate/resources/0/location").asText())
                        .isEqualTo("[[parameters('location')]")),
                c("DeploymentStack", f -> f.d.add(DeploymentStack.named("hpc-core", innerTemplate())
                        .excludePrincipal(f.principal).description("core")), r -> assertThat(
                        r.at("/properties/denySettings/mode").asText()).isEqualTo("denyWriteAndDelete")),
                c("NestedDeployment", f -> f.d.add(NestedDeployment.into(Expr.str("rg-network"), "grant-join",
                        innerTemplate()).parameter("location", Expr.resourceGroupLocation())),
                        r -> assertThat(r.at("/properties/expressionEvaluationOptions/scope").asText())
                                .isEqualTo("Inner")),
                c("RawResource", f -> f.d.add(RawResource.of("Microsoft.Network/routeTables", "2025-07-01",
                        Expr.str("rt"), Json.obj("disableBgpRoutePropagation", true))),
                        r -> assertThat(r.at("/properties/disableBgpRoutePropagation").asBoolean()).isTrue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void buildsValidAgainstTheOfficialSchemaWithItsDefaults(Case c) {
        Fixture f = new Fixture();
        Ref<?> ref = c.build().apply(f);
        Template t = f.d.build();
        JsonNode tree = ArmJsonWriter.tree(t);
        assertThat(Shared.validator().validateTemplate(tree)).as(c.name()).isEmpty();
        JsonNode resource = findByType(tree, ref.type());
        c.check().accept(resource);
    }

    private static Arguments c(String name, Function<Fixture, Ref<?>> build, Consumer<JsonNode> check) {
        return Arguments.of(new Case(name, build, check));
    }

    private static Ref<LinuxVirtualMachine> vm(Fixture f) {
        return f.d.add(LinuxVirtualMachine.named("vm", f.d.add(NetworkInterface.named("nic", f.subnet)))
                .sshPublicKey(f.d.parameter(Parameter.string("key"))).systemAssignedIdentity());
    }

    private static Ref<BastionHost> bastion(Fixture f) {
        Ref<Subnet> s = f.d.add(Subnet.of(f.vnet, Subnet.BASTION_SUBNET, "10.0.9.0/26"));
        Ref<PublicIpAddress> ip = f.d.add(PublicIpAddress.named("pip-bas"));
        return f.d.add(BastionHost.named("bas", s, ip));
    }

    static Template innerTemplate() {
        Deployment inner = Deployment.resourceGroup();
        Expr location = inner.parameter(Parameter.string("location"));
        inner.add(UserAssignedIdentity.named("id-inner").location(location));
        return inner.build();
    }

    private static JsonNode findByType(JsonNode tree, String type) {
        JsonNode found = null;
        for (JsonNode r : tree.get("resources")) {
            if (r.get("type").asText().equalsIgnoreCase(type)) {
                found = r;
            }
        }
        assertThat(found).as("a resource of type " + type).isNotNull();
        return found;
    }
}
