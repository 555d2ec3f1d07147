package io.github.hpcblueprints.rules;

import static io.github.hpcblueprints.rules.Specs.E;
import static io.github.hpcblueprints.rules.Specs.I;
import static io.github.hpcblueprints.rules.Specs.W;
import static io.github.hpcblueprints.rules.Specs.rule;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.arm.ResourceId;
import io.github.hpcblueprints.diagnostics.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** DATA: data stays private (encrypted, not public, keyless) and survives mistakes (soft delete, locks, export). */
final class DataRules {

    static final String ACCOUNT = "Microsoft.Storage/storageAccounts";
    static final String CONTAINER = "Microsoft.Storage/storageAccounts/blobServices/containers";
    static final String SHARE = "Microsoft.Storage/storageAccounts/fileServices/shares";
    static final String VAULT = "Microsoft.KeyVault/vaults";
    static final String VM = "Microsoft.Compute/virtualMachines";
    static final String SCALE_SET = "Microsoft.Compute/virtualMachineScaleSets";
    static final String LUSTRE = "Microsoft.StorageCache/amlFilesystems";
    static final String ROLE_ASSIGNMENT = "Microsoft.Authorization/roleAssignments";
    private static final Set<String> GEO = Set.of("standard_grs", "standard_ragrs", "standard_gzrs",
            "standard_ragzrs");

    private DataRules() {
    }

    static List<Rule> all() {
        return List.of(
                Rule.of(rule("HPCB-DATA-001").severity(E, E).title("Storage accepts unencrypted HTTP")
                        .why("With secure transfer off, data and credentials cross the network in clear.")
                        .fix("Leave supportsHttpsTrafficOnly on. For an NFS-only account reached solely through "
                                + "private endpoints it may be off; the finding then says so.")
                        .checkov("CKV_AZURE_3").psrule("Azure.Storage.SecureTransfer")
                        .build(), DataRules::https),
                Rule.of(rule("HPCB-DATA-002").severity(E, E).title("Storage accepts TLS older than 1.2")
                        .why("TLS 1.0 and 1.1 have known weaknesses and are being retired by Azure.")
                        .fix("Set minimumTlsVersion to TLS1_2.")
                        .checkov("CKV_AZURE_44").psrule("Azure.Storage.MinTLS")
                        .build(),
                        (c, out) -> property(c, out, ACCOUNT, "properties.minimumTlsVersion",
                                n -> Set.of("TLS1_2", "TLS1_3").contains(n.asText()), false,
                                "minimum TLS version", "the minimum TLS version is not 1.2 or later")),
                Rule.of(rule("HPCB-DATA-003").severity(E, E).title("Anonymous read access to blobs")
                        .why("Anyone on the internet can read a public container; research data must never be one "
                                + "setting away from that.")
                        .fix("Set allowBlobPublicAccess to false and publicAccess of every container to None.")
                        .checkov("CKV_AZURE_34, CKV_AZURE_190")
                        .psrule("Azure.Storage.BlobPublicAccess, Azure.Storage.BlobAccessType")
                        .build(), DataRules::anonymous),
                Rule.of(rule("HPCB-DATA-004").severity(E, E).title("Storage open to every network")
                        .why("An account that accepts traffic from every network relies on its keys alone.")
                        .fix("Disable public network access, or set networkAcls.defaultAction to Deny and allow only "
                                + "your subnets.")
                        .checkov("CKV_AZURE_35").psrule("Azure.Storage.Firewall")
                        .build(),
                        (c, out) -> networkClosed(c, out, ACCOUNT)),
                Rule.of(rule("HPCB-DATA-005").severity(W, E).title("Storage account keys enabled")
                        .why("Account keys are all-powerful, never expire and bypass Entra ID and its audit; "
                                + "identities with data roles need none.")
                        .fix("Set allowSharedKeyAccess to false (where a service needs keys, suppress with its "
                                + "reason).")
                        .build(),
                        (c, out) -> property(c, out, ACCOUNT, "properties.allowSharedKeyAccess",
                                n -> n.isBoolean() && !n.booleanValue(), false, "shared key access",
                                "shared key access is enabled")),
                Rule.of(rule("HPCB-DATA-006").severity(W, E).title("Blob soft delete off")
                        .why("Without soft delete a mistaken delete or overwrite of research data is final.")
                        .fix("Add a blobServices 'default' with deleteRetentionPolicy enabled (7 days or more).")
                        .psrule("Azure.Storage.SoftDelete")
                        .build(),
                        (c, out) -> blobService(c, out, "properties.deleteRetentionPolicy.enabled", "blob soft "
                                + "delete")),
                Rule.of(rule("HPCB-DATA-007").severity(W, E).title("Container soft delete off")
                        .why("Deleting a container deletes everything in it; container soft delete brings it back.")
                        .fix("Enable containerDeleteRetentionPolicy on the blob service.")
                        .psrule("Azure.Storage.ContainerSoftDelete")
                        .build(),
                        (c, out) -> blobService(c, out, "properties.containerDeleteRetentionPolicy.enabled",
                                "container soft delete")),
                Rule.of(rule("HPCB-DATA-008").severity(W, E).title("Data storage without a delete lock")
                        .why("A CanNotDelete lock stops a mistaken or malicious deletion of the account holding "
                                + "research data, whoever holds the rights.")
                        .fix("Add a Microsoft.Authorization/locks resource with level CanNotDelete scoped to "
                                + "the account.")
                        .build(), DataRules::locks),
                Rule.of(rule("HPCB-DATA-009").severity(E, E).title("Lustre not linked to Blob")
                        .why("Azure Managed Lustre without an HSM link has no durable copy: data lives only in the "
                                + "file system and is lost with it.")
                        .fix("Set hsm.settings.container (and loggingContainer) to Blob containers.")
                        .build(),
                        DataRules::lustreHsm),
                Rule.of(rule("HPCB-DATA-010").severity(W, E).title("Lustre results never reach Blob")
                        .why("The HSM link imports names at creation, but new or changed files reach Blob only through "
                                + "export; without it results live only in the file system.")
                        .fix("Add an amlFilesystems/autoExportJobs child, or suppress with the archive-job procedure.")
                        .build(), DataRules::lustreExport),
                Rule.of(rule("HPCB-DATA-011").severity(E, E).title("Lustre's Blob link lacks its role assignments")
                        .why("The HPC Cache resource provider needs Storage Account Contributor and Storage Blob Data "
                                + "Contributor on the linked account, or the file system fails to create.")
                        .fix("Assign both roles on the account to the 'HPC Cache Resource Provider' service principal.")
                        .build(), DataRules::lustreRoles),
                Rule.of(rule("HPCB-DATA-012").severity(E, E).title("Lustre subnet too small")
                        .why("Azure Managed Lustre needs a subnet sized for its capacity, and the subnet cannot grow "
                                + "afterwards.")
                        .fix("Use at least /27 up to 16 TiB, /26 to 40 TiB, /25 to 92 TiB, /24 to 196 TiB, /23 "
                                + "to 400 TiB.")
                        .build(), DataRules::lustreSubnet),
                Rule.of(rule("HPCB-DATA-013").severity(E, E).title("Key Vault can be purged")
                        .why("Without soft delete and purge protection a deleted vault, and every secret in it, "
                                + "is gone at once.")
                        .fix("Set enablePurgeProtection to true and leave soft delete on.")
                        .checkov("CKV_AZURE_42, CKV_AZURE_110, CKV_AZURE_111")
                        .psrule("Azure.KeyVault.SoftDelete, Azure.KeyVault.PurgeProtect")
                        .build(), DataRules::vaultRecoverable),
                Rule.of(rule("HPCB-DATA-014").severity(W, E).title("Key Vault uses access policies")
                        .why("Access policies are all-or-nothing per vault and invisible to Azure RBAC reviews.")
                        .fix("Set enableRbacAuthorization to true and grant Key Vault roles.")
                        .psrule("Azure.KeyVault.RBAC")
                        .build(),
                        (c, out) -> property(c, out, VAULT, "properties.enableRbacAuthorization",
                                n -> n.asBoolean(false), false, "RBAC authorization",
                                "the vault does not use Azure RBAC")),
                Rule.of(rule("HPCB-DATA-015").severity(E, E).title("Key Vault open to every network")
                        .why("A vault reachable from every network relies on its access control alone.")
                        .fix("Disable public network access, or set networkAcls.defaultAction to Deny.")
                        .checkov("CKV_AZURE_109").psrule("Azure.KeyVault.Firewall")
                        .build(), (c, out) -> networkClosed(c, out, VAULT)),
                Rule.of(rule("HPCB-DATA-016").severity(I, E).title("VM without encryption at host")
                        .why("Encryption at host also encrypts temporary disks and caches, which other disk encryption "
                                + "leaves in clear.")
                        .fix("Set securityProfile.encryptionAtHost to true (register the EncryptionAtHost feature "
                                + "first: az feature register --namespace Microsoft.Compute --name EncryptionAtHost).")
                        .checkov("CKV_AZURE_97, CKV_AZURE_151")
                        .build(),
                        (c, out) -> {
                            property(c, out, VM, "properties.securityProfile.encryptionAtHost",
                                    n -> n.asBoolean(false), false, "encryption at host", "encryption at host is off");
                            property(c, out, SCALE_SET,
                                    "properties.virtualMachineProfile.securityProfile.encryptionAtHost",
                                    n -> n.asBoolean(false), false, "encryption at host",
                                    "encryption at host is off on the scale set's VMs");
                        }),
                Rule.of(rule("HPCB-DATA-017").severity(E, E).title("Secret in VM custom data or user data")
                        .why("Custom data and user data are readable by anyone who can read the VM, and stay in its "
                                + "model for good.")
                        .fix("Read secrets at boot from Key Vault with the VM's managed identity.")
                        .checkov("CKV_AZURE_45").bicep("protect-commandtoexecute-secrets")
                        .build(), DataRules::customData),
                Rule.of(rule("HPCB-DATA-018").severity(W, E).title("NFS share without encryption in transit")
                        .why("NFS to Azure Files is unencrypted unless encryption in transit is required (mounted with "
                                + "AZNFS over TLS).")
                        .fix("Set fileServices protocolSettings.nfs.encryptionInTransit.required to true and mount "
                                + "with the AZNFS helper.")
                        .build(), DataRules::nfsInTransit),
                Rule.of(rule("HPCB-DATA-019").severity(I, E).title("Data storage without geo-redundancy")
                        .why("Locally or zone redundant storage does not survive the loss of the region.")
                        .fix("Use Standard_GZRS (or GRS); premium file storage cannot be geo-redundant: keep a copy "
                                + "elsewhere.")
                        .checkov("CKV_AZURE_206").psrule("Azure.Storage.UseReplication")
                        .build(),
                        (c, out) -> property(c, out, ACCOUNT, "sku.name",
                                n -> GEO.contains(n.asText().toLowerCase(Locale.ROOT)), false, "replication",
                                "the account's data is not replicated to another region")));
    }

    /** A property test on every resource of a type; absent means {@code absentOk}. */
    static void property(RuleContext c, Findings out, String type, String dotted,
            java.util.function.Predicate<JsonNode> ok, boolean absentOk, String what, String failure) {
        for (RuleContext.Located l : c.resources(type)) {
            Value v = l.value(dotted);
            out.verdict(l, dotted, v, v.test(ok, absentOk), what, failure + " (" + v.describe() + ")");
        }
    }

    private static void https(RuleContext c, Findings out) {
        for (RuleContext.Located l : c.resources(ACCOUNT)) {
            Value v = l.value("properties.supportsHttpsTrafficOnly");
            // unset means on only since apiVersion 2019-04-01 (the property's documented default); before, off
            String date = l.resource().apiDate();
            boolean onWhenUnset = date.isEmpty() || date.compareTo("2019-04-01") >= 0;
            Value.Verdict verdict = v.test(n -> n.asBoolean(true), onWhenUnset);
            if (verdict == Value.Verdict.FAIL && nfsOnly(l) && l.value("properties.publicNetworkAccess").text()
                    .equalsIgnoreCase("Disabled")) {
                continue; // NFS needs it off; the account is reachable only through private endpoints
            }
            out.verdict(l, "properties.supportsHttpsTrafficOnly", v, verdict, "secure transfer",
                    "the account accepts HTTP");
        }
    }

    private static boolean nfsOnly(RuleContext.Located account) {
        return account.value("properties.isNfsV3Enabled").test(n -> n.asBoolean(false), false)
                == Value.Verdict.PASS || account.value("kind").text().equals("FileStorage");
    }

    private static void anonymous(RuleContext c, Findings out) {
        for (RuleContext.Located l : c.resources(ACCOUNT)) {
            boolean newApi = l.resource().apiDate().compareTo("2023-01-01") >= 0;
            Value v = l.value("properties.allowBlobPublicAccess");
            out.verdict(l, "properties.allowBlobPublicAccess", v, v.test(n -> !n.asBoolean(true), newApi),
                    "anonymous blob access", "anonymous blob access is allowed (" + v.describe()
                            + (v instanceof Value.Absent ? "; older API versions allow it by default" : "") + ")");
        }
        for (RuleContext.Located l : c.resources(CONTAINER)) {
            Value v = l.value("properties.publicAccess");
            out.verdict(l, "properties.publicAccess", v, v.test(n -> n.asText().equalsIgnoreCase("None"), true),
                    "container public access", "the container is public (" + v.describe() + ")");
        }
    }

    /** Storage or vault: public network access disabled, or the firewall denies by default. */
    static void networkClosed(RuleContext c, Findings out, String type) {
        for (RuleContext.Located l : c.resources(type)) {
            Value pna = l.value("properties.publicNetworkAccess");
            Value action = l.value("properties.networkAcls.defaultAction");
            if (pna.test(n -> n.asText().equalsIgnoreCase("Disabled"), false) == Value.Verdict.PASS) {
                continue;
            }
            Value.Verdict deny = action.test(n -> n.asText().equalsIgnoreCase("Deny"), false);
            out.verdict(l, "properties.networkAcls.defaultAction", action, deny, "the network default action",
                    "public network access is " + pna.describe() + " and the firewall's default action is "
                            + action.describe());
        }
    }

    private static void blobService(RuleContext c, Findings out, String dotted, String what) {
        for (RuleContext.Located account : c.resources(ACCOUNT)) {
            if (account.value("kind").text().equals("FileStorage")) {
                continue;
            }
            List<RuleContext.Located> services = c.resources(ACCOUNT + "/blobServices").stream()
                    .filter(s -> Links.isChildOf(s.resource(), account.resource())).toList();
            boolean hasContainers = c.resources(CONTAINER).stream()
                    .anyMatch(k -> Links.isChildOf(k.resource(), account.resource()));
            if (services.isEmpty()) {
                if (hasContainers) {
                    out.at(account, account.resource().path(), what + " is off: the account has containers but "
                            + "no blobServices resource configuring it");
                }
                continue;
            }
            for (RuleContext.Located s : services) {
                Value v = s.value(dotted);
                out.verdict(s, dotted, v, v.test(n -> n.asBoolean(false), false), what, what + " is off");
            }
        }
    }

    /** Accounts holding data: with containers or shares, other than a CycleCloud locker (one 'cyclecloud' container). */
    private static void locks(RuleContext c, Findings out) {
        for (RuleContext.Located account : c.resources(ACCOUNT)) {
            List<RuleContext.Located> containers = c.resources(CONTAINER).stream()
                    .filter(k -> Links.isChildOf(k.resource(), account.resource())).toList();
            boolean shares = c.resources(SHARE).stream()
                    .anyMatch(k -> Links.isChildOf(k.resource(), account.resource()));
            boolean locker = !containers.isEmpty() && containers.stream().allMatch(k ->
                    k.resource().nameKeys().get(k.resource().nameKeys().size() - 1).contains("cyclecloud"));
            if ((containers.isEmpty() && !shares) || locker) {
                continue;
            }
            boolean locked = c.resources("Microsoft.Authorization/locks").stream()
                    .anyMatch(lock -> Links.scopeIs(lock.resource(), account.resource(), false)
                            && lock.value("properties.level").text().equalsIgnoreCase("CanNotDelete"));
            if (!locked) {
                out.at(account, account.resource().path(), "the account holds data (containers or shares) and "
                        + "has no CanNotDelete lock");
            }
        }
    }

    private static void lustreHsm(RuleContext c, Findings out) {
        for (RuleContext.Located l : c.resources(LUSTRE)) {
            if (l.resource().get("properties.hsm.settings.container").isMissingNode()) {
                out.at(l, JsonNodePath.nearest(l.resource(), "properties.hsm.settings.container"),
                        "the file system has no HSM link to a Blob container");
            }
        }
    }

    private static void lustreExport(RuleContext c, Findings out) {
        for (RuleContext.Located l : c.resources(LUSTRE)) {
            if (l.resource().get("properties.hsm.settings.container").isMissingNode()) {
                continue; // DATA-009 says so
            }
            boolean exported = c.resources(LUSTRE + "/autoExportJobs").stream()
                    .anyMatch(j -> Links.isChildOf(j.resource(), l.resource()));
            if (!exported) {
                out.at(l, l.resource().at("properties.hsm"), "no autoExportJobs: new and changed files reach Blob "
                        + "only if someone runs archive jobs");
            }
        }
    }

    private static void lustreRoles(RuleContext c, Findings out) {
        for (RuleContext.Located l : c.resources(LUSTRE)) {
            Optional<ResourceId> container = Links.id(l.resource().get("properties.hsm.settings.container"));
            if (container.isEmpty()) {
                continue;
            }
            Optional<RuleContext.Located> account = c.resources(ACCOUNT).stream()
                    .filter(a -> Links.within(container.get(), a.resource())).findFirst();
            if (account.isEmpty()) {
                out.unknown(l, l.resource().at("properties.hsm.settings.container"),
                        "the linked storage account", new Value.Unknown("it is not in this template"));
                continue;
            }
            for (String role : List.of("17d1049b-9a84-46fb-8f53-869881c3d3ab", "ba92f5b4-2d11-453d-a403-e96b0029c9fe")) {
                boolean granted = c.resources(ROLE_ASSIGNMENT).stream()
                        .filter(r -> Links.scopeIs(r.resource(), account.get().resource(), false))
                        .anyMatch(r -> r.resource().get("properties.roleDefinitionId").asText("").contains(role));
                if (!granted) {
                    out.at(l, l.resource().at("properties.hsm"), "the linked account lacks the role "
                            + (role.startsWith("17d") ? "Storage Account Contributor" : "Storage Blob Data Contributor")
                            + " for the HPC Cache resource provider");
                }
            }
        }
    }

    /** Microsoft's guidance, as (capacity TiB up to, smallest prefix length). */
    private static final int[][] LUSTRE_SUBNETS = {{16, 27}, {40, 26}, {92, 25}, {196, 24}, {400, 23}};

    static int lustrePrefix(long tib) {
        for (int[] step : LUSTRE_SUBNETS) {
            if (tib <= step[0]) {
                return step[1];
            }
        }
        return 22;
    }

    private static void lustreSubnet(RuleContext c, Findings out) {
        for (RuleContext.Located l : c.resources(LUSTRE)) {
            Value capacity = l.value("properties.storageCapacityTiB");
            Optional<ResourceId> subnetId = Links.id(l.resource().get("properties.filesystemSubnet"));
            if (!(capacity instanceof Value.Known cap) || subnetId.isEmpty()) {
                continue;
            }
            Optional<RuleContext.Located> subnet = c.resources("Microsoft.Network/virtualNetworks/subnets").stream()
                    .filter(s -> Links.refersTo(subnetId.get(), s.resource())).findFirst();
            if (subnet.isEmpty()) {
                continue; // an existing subnet: its size is not in this template
            }
            Value prefix = subnet.get().value("properties.addressPrefix");
            int needed = lustrePrefix(cap.node().asLong());
            if (prefix instanceof Value.Known p && p.node().asText().contains("/")) {
                int bits = Integer.parseInt(p.node().asText().substring(p.node().asText().indexOf('/') + 1));
                if (bits > needed) {
                    out.at(subnet.get(), subnet.get().resource().at("properties.addressPrefix"), "the Lustre subnet "
                            + p.node().asText() + " is smaller than the /" + needed + " that "
                            + cap.node().asLong() + " TiB needs");
                }
            } else {
                out.unknown(subnet.get(), subnet.get().resource().at("properties.addressPrefix"),
                        "the Lustre subnet's range", prefix);
            }
        }
    }

    private static void vaultRecoverable(RuleContext c, Findings out) {
        for (RuleContext.Located l : c.resources(VAULT)) {
            Value soft = l.value("properties.enableSoftDelete");
            out.verdict(l, "properties.enableSoftDelete", soft, soft.test(n -> n.asBoolean(true), true),
                    "soft delete", "soft delete is off");
            Value purge = l.value("properties.enablePurgeProtection");
            out.verdict(l, "properties.enablePurgeProtection", purge, purge.test(n -> n.asBoolean(false), false),
                    "purge protection", "purge protection is off (" + purge.describe() + ")");
        }
    }

    private static void customData(RuleContext c, Findings out) {
        for (RuleContext.Located l : c.resources(VM)) {
            // custom data (cloud-init) and user data: both readable by whoever can read the VM
            for (String dotted : List.of("properties.osProfile.customData", "properties.userData")) {
                Value v = l.value(dotted);
                if (!(v instanceof Value.Known k) || !k.node().isTextual()) {
                    continue;
                }
                String text;
                try {
                    text = new String(Base64.getDecoder().decode(k.node().textValue()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    text = k.node().textValue();
                }
                for (Problem p : SecretScanner.scanText(l.resource().label(), text)) {
                    out.at(l, l.resource().at(dotted), p.message() + " at line " + p.location().line() + " of the "
                            + (dotted.endsWith("userData") ? "user data" : "custom data"));
                }
            }
        }
    }

    private static void nfsInTransit(RuleContext c, Findings out) {
        for (RuleContext.Located account : c.resources(ACCOUNT)) {
            boolean nfs = c.resources(SHARE).stream().filter(s -> Links.isChildOf(s.resource(), account.resource()))
                    .anyMatch(s -> s.value("properties.enabledProtocols").text().equalsIgnoreCase("NFS"));
            if (!nfs) {
                continue;
            }
            List<RuleContext.Located> services = c.resources(ACCOUNT + "/fileServices").stream()
                    .filter(s -> Links.isChildOf(s.resource(), account.resource())).toList();
            if (services.isEmpty()) {
                out.at(account, account.resource().path(), "the account has NFS shares but no fileServices "
                        + "resource requiring encryption in transit");
            }
            for (RuleContext.Located s : services) {
                String dotted = "properties.protocolSettings.nfs.encryptionInTransit.required";
                Value v = s.value(dotted);
                out.verdict(s, dotted, v, v.test(n -> n.asBoolean(false), false), "NFS encryption in transit",
                        "NFS traffic is not required to be encrypted");
            }
        }
    }
}
