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
    public static final Set<String> MODEL_CASES = Set.of("HPCB-ACCESS-009");

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
                compiled.projectIdentities());
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
}
