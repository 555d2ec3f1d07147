package io.github.hpcblueprints.cli;

import static io.github.hpcblueprints.cli.CliGenerateTest.blueprint;
import static io.github.hpcblueprints.cli.CliGenerateTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.cli.CliGenerateTest.Run;
import io.github.hpcblueprints.testing.BlueprintVariants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15 item 8: values Azure refuses only at deployment are refused at build time, each with Azure's documented
 * rule and located where it is written. Sources:
 * <ul>
 *   <li>admin user names: the Compute API's OSProfile.adminUsername "Disallowed values" (root, admin, user, ...);
 *   <li>tags: Azure Resource Manager tag limits (name 512, 128 on storage accounts; value 256; no &lt; &gt; % &amp;
 *       \ ? / in names; prefixes microsoft, azure, windows reserved);
 *   <li>time zones: DevTestLab schedule timeZoneId takes Windows time zone ids (CLDR windowsZones.xml table);
 *   <li>address space: private ranges RFC 1918 and RFC 6598 (100.64/10);
 *   <li>VM sizes: Azure's VM size documentation, shipped as a dated list;
 *   <li>node images: CycleCloud's "Images" page (ImageName: almalinux-8, cycle.image.ubuntu20/22, SLES HPC; CCWS
 *       adds cycle.image.ubuntu24);
 *   <li>private DNS zones: Azure Private Endpoint DNS zone values (privatelink.blob/file.core.windows.net,
 *       privatelink.vaultcore.azure.net) and the ARM resource id grammar;
 *   <li>resource groups: Azure naming rules (1-90 letters, digits, _ ( ) - ., not ending in '.').
 * </ul>
 */
class DeployTimeRulesTest {

    @TempDir
    Path tmp;

    private Path variant(String shipped, String from, String to) throws IOException {
        return BlueprintVariants.variant(tmp, shipped, from, to);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "reserved admin name|minimal-slurm-nfs.yaml|cycleCloud:\\n  vmSize|cycleCloud:\\n  adminUser: root\\n  vmSize"
                + "|$.cycleCloud.adminUser|is reserved",
        "300-character tag value|minimal-slurm-nfs.yaml|  owner: research-computing\\n"
                + "|  owner: research-computing\\n  note: LONG\\n|$.tags.note|at most 256",
        "129-character tag name|minimal-slurm-nfs.yaml|  owner: research-computing\\n"
                + "|  owner: research-computing\\n  NAME129: x\\n|$.tags.NAME129|must be 1-128 characters",
        "tag key with <|minimal-slurm-nfs.yaml|  owner: research-computing\\n"
                + "|  owner: research-computing\\n  \"bad<key>\": x\\n|$.tags['bad<key>']|may not contain",
        "tag key with Azure's prefix|minimal-slurm-nfs.yaml|  owner: research-computing\\n"
                + "|  owner: research-computing\\n  azure-owner: x\\n|$.tags['azure-owner']|reserves",
        "time zone no one has|research-instances.yaml|timeZone: GMT Standard Time|timeZone: Mars/Olympus"
                + "|$.researchInstances[1].autoShutdown.timeZone|not a Windows time zone id",
        "IANA time zone|research-instances.yaml|timeZone: GMT Standard Time|timeZone: Europe/London"
                + "|$.researchInstances[1].autoShutdown.timeZone|the Windows id for it is 'GMT Standard Time'",
        "public VNet range|minimal-slurm-nfs.yaml|addressSpace: 10.50.0.0/20|addressSpace: 8.8.0.0/16"
                + "|$.network.addressSpace|is public",
        "unknown VM size|minimal-slurm-nfs.yaml|vmSize: Standard_F2s_v2|vmSize: Standard_F2s_v9"
                + "|$.cluster.partitions[0].vmSize|did you mean Standard_F2s_v2?",
        "partition image CycleCloud does not have|minimal-slurm-nfs.yaml|      spot: true\\n"
                + "|      spot: true\\n      image: almalinux-9\\n|$.cluster.partitions[0].image|use almalinux-8",
        "Windows image for Slurm nodes|minimal-slurm-nfs.yaml|      spot: true\\n"
                + "|      spot: true\\n      image: cycle.image.win2022\\n|$.cluster.partitions[0].image"
                + "|Windows cannot run Slurm nodes",
        "blob zone set to the file zone|existing-vnet.yaml|privateDnsZones/privatelink.blob.core.windows.net"
                + "|privateDnsZones/privatelink.file.core.windows.net|$.network.privateDnsZones.blob"
                + "|must be privatelink.blob.core.windows.net",
        "malformed zone id|existing-vnet.yaml|/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
                + "rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net"
                + "|/subscriptions/dns/zones/blob|$.network.privateDnsZones.blob|is not a resource id",
        "resource group with a slash|existing-vnet.yaml|resourceGroup: rg-faculty-network"
                + "|resourceGroup: faculty/network|$.network.existing.resourceGroup|resource group name"})
    void refusedWithAzuresRuleWhereItIsWritten(String what, String shipped, String from, String to, String path,
            String says) throws IOException {
        String longName = "n".repeat(129);
        Path file = variant(shipped, from.replace("\\n", "\n"),
                to.replace("\\n", "\n").replace("LONG", "x".repeat(300)).replace("NAME129", longName));
        path = path.replace("NAME129", longName);
        Run r = run("validate", file.toString());
        assertThat(r.code()).as(what + ": " + r.err() + r.out()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).as(what).matches("(?s)error: \\S+\\.yaml:\\d+:\\d+ \\Q" + path + "\\E: .*")
                .contains(says).doesNotContain("Exception");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a Windows time zone|research-instances.yaml|timeZone: GMT Standard Time|timeZone: W. Europe Standard Time",
        "the shared address space|minimal-slurm-nfs.yaml|addressSpace: 10.50.0.0/20|addressSpace: 100.64.0.0/20",
        "a public range with a reason|minimal-slurm-nfs.yaml|  addressSpace: 10.50.0.0/20|  addressSpace: "
                + "8.8.0.0/20\\n  publicAddressSpaceReason: The university owns 8.8.0.0/16 and routes it privately.",
        "a size newer than the list, vouched for|minimal-slurm-nfs.yaml|cost:\\n"
                + "|governance:\\n  allowedVmSizes: [Standard_D2as_v5, Standard_F2s_v2, Standard_F2s_v9]\\ncost:\\n",
        "a CycleCloud image name|minimal-slurm-nfs.yaml|      spot: true\\n|      spot: true\\n"
                + "      image: almalinux-8\\n"})
    void acceptedWhenAzureWouldAcceptIt(String what, String shipped, String from, String to) throws IOException {
        Path file = variant(shipped, from.replace("\\n", "\n"), to.replace("\\n", "\n"));
        if (what.startsWith("a size newer")) {
            Files.writeString(file, Files.readString(file).replace("vmSize: Standard_F2s_v2",
                    "vmSize: Standard_F2s_v9"));
        }
        Run r = run("validate", file.toString());
        assertThat(r.code()).as(what + ": " + r.err()).isIn(ExitCode.OK, ExitCode.FINDINGS);
    }
}
