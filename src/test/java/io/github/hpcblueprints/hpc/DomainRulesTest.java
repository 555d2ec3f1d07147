package io.github.hpcblueprints.hpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hpcblueprints.arm.ArmJsonWriter;
import io.github.hpcblueprints.arm.ArmReader;
import io.github.hpcblueprints.arm.Template;
import io.github.hpcblueprints.azure.AzureResource;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.authorization.BuiltInRole;
import io.github.hpcblueprints.azure.authorization.PrincipalType;
import io.github.hpcblueprints.azure.authorization.RoleAssignment;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.azure.keyvault.KeyVault;
import io.github.hpcblueprints.azure.network.PrivateDnsZoneLink;
import io.github.hpcblueprints.azure.storage.BlobContainer;
import io.github.hpcblueprints.blueprint.Blueprint;
import io.github.hpcblueprints.blueprint.BlueprintLoader;
import io.github.hpcblueprints.rules.Catalogue;
import io.github.hpcblueprints.rules.Finding;
import io.github.hpcblueprints.rules.Report;
import io.github.hpcblueprints.rules.RuleContext;
import io.github.hpcblueprints.rules.RuleEngine;
import io.github.hpcblueprints.rules.RuleInfo;
import io.github.hpcblueprints.rules.TemplateView;
import io.github.hpcblueprints.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The domain's rules judge the compiled model, so their failing cases change the model, not the JSON: a JSON edit
 * that a compiler could never make is not what they guard against. ({@code RuleCasesTest} holds every other rule's
 * failing case and counts these as covered here.)
 */
public class DomainRulesTest {

    /** Rules whose failing case is here. */
    public static final Set<String> MODEL_CASES = Set.of("HPCB-ACCESS-009", "HPCB-NET-008", "HPCB-ACCESS-012",
            "HPCB-ACCESS-013", "HPCB-DATA-021");

    static Blueprint blueprint;
    static CompiledEnvironment compiled;

    @BeforeAll
    static void compile() {
        blueprint = new BlueprintLoader().load(Golden.projectDir().resolve("blueprints/secure-slurm-lustre.yaml"));
        compiled = EnvironmentCompiler.compileWithoutBootScripts(blueprint.environment());
    }

    static Report judge(CompiledEnvironment model, Template resourceGroup) {
        TemplateView view = new TemplateView(ArmReader.read(ArmJsonWriter.write(resourceGroup), "rg.json"));
        RuleContext context = new RuleContext(List.of(view), Optional.of(model), Optional.of(blueprint.tree()), true,
                Optional.empty());
        return RuleEngine.standard().run(context, List.of());
    }

    /** Alpha's identity given Beta's container: what ACCESS-009 exists to catch. */
    static RoleAssignment alphaOnBeta() {
        ProjectIdentity alpha = compiled.projectIdentities().get(0);
        ProjectIdentity beta = compiled.projectIdentities().get(1);
        Ref<BlobContainer> betaContainer = Ref.ofId(BlobContainer.class, BlobContainer.TYPE, BlobContainer.API_VERSION,
                beta.ownContainer());
        return RoleAssignment.on(betaContainer, BuiltInRole.STORAGE_BLOB_DATA_CONTRIBUTOR, alpha.principalId(),
                PrincipalType.ServicePrincipal);
    }

    static CompiledEnvironment with(AzureResource extra) {
        List<AzureResource> all = new ArrayList<>(compiled.resources(AzureResource.class));
        all.add(extra);
        return new CompiledEnvironment(compiled.environment(), compiled.resourceGroup(), compiled.parameters(),
                compiled.subscription().orElse(null), compiled.subscriptionParameters().orElse(null), all,
                compiled.projectIdentities(), compiled.reach());
    }

    static List<Finding> isolation(Report r) {
        return r.active().stream().filter(f -> f.ruleId().equals("HPCB-ACCESS-009")).toList();
    }

    @Test
    void theCompiledBlueprintGivesEachProjectItsOwnContainerOnly() {
        assertThat(compiled.projectIdentities()).extracting(ProjectIdentity::project).containsExactly("alpha", "beta");
        assertThat(isolation(judge(compiled, compiled.resourceGroup()))).isEmpty();
    }

    @Test
    void aGrantOnAnotherProjectsContainerIsFoundAtTheAssignmentTheTemplateWrites() {
        RoleAssignment extra = alphaOnBeta();
        Template.Builder b = compiled.resourceGroup().toBuilder();
        b.resource(extra.toResource());
        Template written = b.build();
        List<Finding> found = isolation(judge(with(extra), written));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).message()).startsWith("project alpha's identity holds a role outside its own "
                + "container").contains("project-beta");
        assertThat(found.get(0).location().jsonPath()).matches("\\$\\.resources\\[\\d+\\]\\.scope");
        assertThat(found.get(0).location().line()).isPositive();
    }

    @Test
    void aGrantTheTemplateDoesNotShowIsStillFoundAndPointedAtTheProject() {
        List<Finding> found = isolation(judge(with(alphaOnBeta()), compiled.resourceGroup()));
        assertThat(found).singleElement().satisfies(f -> assertThat(f.location().jsonPath())
                .isEqualTo("$.projects[0]"));
    }

    @Test
    void theDomainRulesJoinTheStandardCatalogueAndFindNothingWithoutAModel() {
        List<String> ids = Catalogue.standard().infos().stream().map(RuleInfo::id).toList();
        for (var rule : new DomainRules().rules()) {
            assertThat(ids).contains(rule.info().id());
        }
        TemplateView view = new TemplateView(ArmReader.read(ArmJsonWriter.write(compiled.resourceGroup()), "rg.json"));
        Report r = RuleEngine.standard().run(new RuleContext(List.of(view), Optional.empty(), Optional.empty(), true,
                Optional.empty()), List.of());
        assertThat(r.findings()).noneMatch(f -> Set.of("HPCB-ACCESS-009", "HPCB-ACCESS-010", "HPCB-COST-002",
                "HPCB-COST-004").contains(f.ruleId()));
    }

    // ---- who calls what, from where, with which rights ------------------------------------------------------

    static CompiledEnvironment compile(String blueprintName) {
        Blueprint b = new BlueprintLoader().load(Golden.projectDir().resolve("blueprints/" + blueprintName + ".yaml"));
        return EnvironmentCompiler.compileWithoutBootScripts(b.environment());
    }

    static CompiledEnvironment edited(CompiledEnvironment c, java.util.function.UnaryOperator<List<AzureResource>> edit,
            java.util.function.UnaryOperator<CompiledEnvironment.Reach> reach) {
        return new CompiledEnvironment(c.environment(), c.resourceGroup(), c.parameters(),
                c.subscription().orElse(null), c.subscriptionParameters().orElse(null),
                edit.apply(new ArrayList<>(c.resources(AzureResource.class))), c.projectIdentities(),
                reach.apply(c.reach()));
    }

    static List<Finding> judged(CompiledEnvironment model, String rule) {
        TemplateView view = new TemplateView(ArmReader.read(ArmJsonWriter.write(model.resourceGroup()), "rg.json"));
        RuleContext context = new RuleContext(List.of(view), Optional.of(model), Optional.empty(), true,
                Optional.empty());
        return RuleEngine.standard().run(context, List.of()).active().stream()
                .filter(f -> f.ruleId().equals(rule)).toList();
    }

    @Test
    void everyShippedBlueprintsCallsReachTheirTargetsWithTheRightsTheyNeed() {
        for (String name : List.of("minimal-slurm-nfs", "secure-slurm-lustre", "existing-vnet", "research-instances")) {
            CompiledEnvironment c = compile(name);
            for (String rule : List.of("HPCB-NET-008", "HPCB-ACCESS-012", "HPCB-ACCESS-013")) {
                assertThat(judged(c, rule)).as(name + " " + rule).isEmpty();
            }
        }
        // the server's vault read, its locker upload, the nodes' cluster-init download and the NFS mount
        assertThat(compile("minimal-slurm-nfs").reach().calls()).extracting(Call::caller).containsExactly(
                "the CycleCloud server", "the CycleCloud server", "cluster nodes", "cluster nodes and research instances");
    }

    @Test
    void aVaultFirewallThatDoesNotNameTheServersSubnetIsFoundAtTheVault() {
        // minimal-slurm-nfs reaches its vault through a service endpoint (the defect this rule was made for)
        CompiledEnvironment c = compile("minimal-slurm-nfs");
        CompiledEnvironment broken = edited(c, rs -> {
            rs.replaceAll(r -> r instanceof KeyVault kv ? KeyVault.named(kv.name()).allowPublicNetworkAccess() : r);
            return rs;
        }, r -> r);
        assertThat(judged(broken, "HPCB-NET-008")).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("the CycleCloud server cannot reach vaults variables('keyVaultName') to "
                    + "reads (on first boot: writes) the administrator password, secret cyclecloud-admin-password: it "
                    + "has no private endpoint, and its firewall does not name subnet admin");
            assertThat(f.location().jsonPath()).matches("\\$\\.resources\\[\\d+\\]");
            assertThat(f.resource()).startsWith("Microsoft.KeyVault/vaults");
        });
    }

    @Test
    void aPrivateDnsZoneNotLinkedToTheNetworkIsFound() {
        CompiledEnvironment c = compile("secure-slurm-lustre");
        CompiledEnvironment broken = edited(c, rs -> {
            rs.removeIf(r -> r instanceof PrivateDnsZoneLink l && l.zoneName().toArmString().contains("vaultcore"));
            return rs;
        }, r -> r);
        assertThat(judged(broken, "HPCB-NET-008")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("the CycleCloud server cannot reach vaults")
                .endsWith("its private endpoint's DNS zone is not linked to the network, so the name resolves to the "
                        + "public address"));
    }

    @Test
    void aCallWhoseIdentityLostItsRoleIsFound() {
        CompiledEnvironment c = compile("secure-slurm-lustre");
        CompiledEnvironment broken = edited(c, rs -> {
            rs.removeIf(r -> r instanceof RoleAssignment a
                    && a.builtInRole().orElse(null) == BuiltInRole.STORAGE_BLOB_DATA_READER);
            return rs;
        }, r -> r);
        assertThat(judged(broken, "HPCB-ACCESS-013")).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("the identity of cluster nodes holds none of [Storage Blob Data Contributor, Storage Blob "
                        + "Data Reader] on variables('lockerAccountName')"));
    }

    @Test
    void anIdentityUsersCanReachMustNotWriteTheGroupOrTheLockerNorHoldTheVault() {
        CompiledEnvironment c = compile("secure-slurm-lustre");
        // before this check: CycleCloud's own identity was the nodes' locker identity
        Expr cycleCloud = c.resources(RoleAssignment.class).stream()
                .filter(a -> a.builtInRole().orElse(null) == BuiltInRole.KEY_VAULT_SECRETS_OFFICER)
                .findFirst().orElseThrow().principalId();
        CompiledEnvironment old = edited(c, rs -> rs, r -> {
            var exposed = new java.util.LinkedHashMap<>(r.exposed());
            exposed.put("cluster nodes (their locker identity)", cycleCloud);
            return new CompiledEnvironment.Reach(r.calls(), r.vnetId(), exposed, r.guarded(), r.vaultScope(),
                    r.cycleCloudIdentityId(), r.serverVm());
        });
        assertThat(judged(old, "HPCB-ACCESS-012")).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                .isEqualTo("the identity of cluster nodes (their locker identity) writes in the resource group (a "
                        + "custom role): any user there can take its token"))
                .anySatisfy(m -> assertThat(m).contains("holds Key Vault Secrets Officer on the Key Vault"))
                .anySatisfy(m -> assertThat(m).contains("writes the locker (cluster-init runs as root on every node)"));
    }

    @Test
    void aPreAuthorisedCycleCloudIdentityStillGetsTheVaultItsServerReads() throws Exception {
        String yaml = java.nio.file.Files.readString(Golden.projectDir().resolve("blueprints/minimal-slurm-nfs.yaml"))
                .replaceFirst("(?m)^cycleCloud:\n", "cycleCloud:\n  existingIdentityId: /subscriptions/00000000-0000-0000-0000-"
                        + "000000000001/resourceGroups/rg-id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/"
                        + "id-cc\n");
        java.nio.file.Path dir = Golden.projectDir().resolve("blueprints");
        Blueprint b = new BlueprintLoader().load(yaml, "minimal.yaml", dir, "minimal.yaml");
        CompiledEnvironment c = EnvironmentCompiler.compileWithoutBootScripts(b.environment());
        assertThat(c.resources(RoleAssignment.class)).anySatisfy(a -> assertThat(a.builtInRole())
                .contains(BuiltInRole.KEY_VAULT_SECRETS_OFFICER));
        for (String rule : List.of("HPCB-NET-008", "HPCB-ACCESS-012", "HPCB-ACCESS-013")) {
            assertThat(judged(c, rule)).as(rule).isEmpty();
        }
    }

    // ---- root on shared storage ----------------------------------------------------------------------------

    @Test
    void aHomeShareThatSquashesRootIsFound() {
        // the defect: minimal-slurm-nfs's /shared squashed root, and CycleCloud makes homes there as root
        CompiledEnvironment c = compile("minimal-slurm-nfs");
        Ref<io.github.hpcblueprints.azure.storage.StorageAccount> account = Ref.ofId(
                io.github.hpcblueprints.azure.storage.StorageAccount.class,
                io.github.hpcblueprints.azure.storage.StorageAccount.TYPE,
                io.github.hpcblueprints.azure.storage.StorageAccount.API_VERSION, Expr.str("/subscriptions/x/st"));
        CompiledEnvironment squashed = edited(c, rs -> {
            rs.replaceAll(r -> r instanceof io.github.hpcblueprints.azure.storage.FileShare
                    ? io.github.hpcblueprints.azure.storage.FileShare.nfs(account, "shared", 1024) : r);
            return rs;
        }, r -> r);
        assertThat(judged(c, "HPCB-DATA-021")).isEmpty();
        assertThat(judged(squashed, "HPCB-DATA-021")).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("/shared squashes the cluster nodes' root, which makes the users' homes "
                    + "there as root");
            assertThat(f.location().jsonPath()).isEqualTo("$.storage.azureFiles");
        });
    }

    @Test
    void lustreTrustsExactlyTheClusterSubnetAndTheNidRangeIsLustres() {
        CompiledEnvironment c = compile("secure-slurm-lustre");
        assertThat(judged(c, "HPCB-DATA-021")).isEmpty();
        var fs = c.resources(io.github.hpcblueprints.azure.storagecache.AmlFilesystem.class).get(0);
        var nodes = ((Network.Managed) c.environment().network()).subnets().get(SubnetRole.COMPUTE);
        var admin = ((Network.Managed) c.environment().network()).subnets().get(SubnetRole.ADMIN);
        assertThat(fs.rootActsAsRootFrom(nodes)).isTrue();
        assertThat(fs.rootActsAsRootFrom(admin)).as("every other client stays squashed").isFalse();
        assertThat(ArmJsonWriter.write(c.resourceGroup())).contains("\"mode\": \"RootOnly\"")
                .contains("\"noSquashNidLists\": \"" + nodes.toString().replace("0/24", "[0-255]@tcp") + "\"");
    }
}
