package io.github.hpcblueprints.arm;

import io.github.hpcblueprints.json.JsonTrees;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateChecksTest {

    private static Resource thing(String name) {
        return Resource.builder("Microsoft.Test/things", "2024-01-01", name).build();
    }

    private static List<Problem> problems(Template.Builder b) {
        try {
            b.build();
            return List.of();
        } catch (BlueprintException e) {
            return e.problems();
        }
    }

    @Test
    void aParameterReferenceThroughTheRawHatchMustBeDeclared() {
        Template.Builder b = Template.builder(Scope.RESOURCE_GROUP);
        b.parameter(Parameter.string("location"));
        b.resource(Resource.builder("Microsoft.Test/things", "2024-01-01", "a")
                .location(Expr.raw("parameters('locaton')")).build());
        assertThat(problems(b)).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("ARM-REF");
            assertThat(p.location().jsonPath()).isEqualTo("$.resources[0].location");
            assertThat(p.hint()).contains("did you mean 'location'?");
        });
    }

    @Test
    void aVariableReferenceInsideRawJsonMustBeDeclared() {
        Template.Builder b = Template.builder(Scope.RESOURCE_GROUP);
        b.resource(Resource.builder("Microsoft.Test/things", "2024-01-01", "a")
                .properties(Json.obj("x", Json.obj("y", JsonTrees.NODES.textNode("[variables('missing')]")))).build());
        assertThat(problems(b)).singleElement().satisfies(p ->
                assertThat(p.location().jsonPath()).isEqualTo("$.resources[0].properties.x.y"));
    }

    @Test
    void namesTheResourcesOfADependencyCycle() {
        Template.Builder b = Template.builder(Scope.RESOURCE_GROUP);
        b.resource(thing("a").toBuilder().dependsOn(Expr.resourceId("Microsoft.Test/things", Expr.str("b"))).build());
        b.resource(thing("b").toBuilder().properties(Json.obj("peer",
                Expr.resourceId("Microsoft.Test/things", Expr.str("a")))).build());
        assertThat(problems(b)).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("ARM-CYCLE");
            assertThat(p.message()).isEqualTo("dependency cycle: Microsoft.Test/things 'a' -> Microsoft.Test/things "
                    + "'b' -> Microsoft.Test/things 'a'");
        });
    }

    @Test
    void aDependsOnMustNameAResourceOfTheTemplate() {
        Template.Builder b = Template.builder(Scope.RESOURCE_GROUP);
        b.resource(thing("a").toBuilder().dependsOn(Expr.resourceId("Microsoft.Test/things", Expr.str("zzz"))).build());
        assertThat(problems(b)).extracting(Problem::code).containsExactly("ARM-DEPENDS");
    }

    @Test
    void aReferenceWithoutApiVersionMustNameADeployedOrExistingResource() {
        Template.Builder b = Template.builder(Scope.RESOURCE_GROUP);
        b.output(Output.of("x", ParameterType.OBJECT,
                Expr.reference(Expr.resourceId("Microsoft.Test/things", Expr.str("elsewhere")))));
        assertThat(problems(b)).extracting(Problem::code).containsExactly("ARM-REFERENCE");

        Template.Builder ok = Template.builder(Scope.RESOURCE_GROUP);
        ok.existing(thing("elsewhere"));
        ok.output(Output.of("x", ParameterType.OBJECT,
                Expr.reference(Expr.resourceId("Microsoft.Test/things", Expr.str("elsewhere")))));
        assertThat(problems(ok)).isEmpty();
    }

    @Test
    void refusesTwoUnconditionalResourcesWithTheSameTypeAndName() {
        Template.Builder b = Template.builder(Scope.RESOURCE_GROUP);
        b.resource(thing("same"));
        b.resource(thing("SAME"));
        assertThat(problems(b)).extracting(Problem::code).containsExactly("ARM-DUPLICATE");
    }

    @Test
    void aLiteralChildNameNeedsOneSegmentPerTypeLevel() {
        Template.Builder b = Template.builder(Scope.RESOURCE_GROUP);
        b.resource(Resource.builder("Microsoft.Network/virtualNetworks/subnets", "2025-07-01", "just-a-subnet").build());
        assertThat(problems(b)).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("ARM-NAME");
            assertThat(p.hint()).contains("parent/child");
        });
    }

    @Test
    void referenceIsRefusedInVariables() {
        Template.Builder b = Template.builder(Scope.RESOURCE_GROUP);
        b.resource(thing("a"));
        b.variable("v", Json.expr(Expr.reference(Expr.resourceId("Microsoft.Test/things", Expr.str("a")))));
        assertThat(problems(b)).extracting(Problem::code).containsExactly("ARM-FUNC-PLACE");
    }

    @Test
    void referenceIsRefusedInAResourceNameAndDependsOnButAcceptedInProperties() {
        Template.Builder b = Template.builder(Scope.RESOURCE_GROUP);
        b.resource(thing("a"));
        Expr runtime = Expr.reference(Expr.resourceId("Microsoft.Test/things", Expr.str("a"))).prop("principalId");
        b.resource(Resource.builder("Microsoft.Test/things", "2024-01-01", Expr.guid(runtime))
                .properties(Json.obj("who", Json.expr(runtime))).build());
        assertThat(problems(b)).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("ARM-FUNC-PLACE");
            assertThat(p.location().jsonPath()).isEqualTo("$.resources[1].name");
            assertThat(p.message()).contains("reference() cannot be used in a resource's name");
        });
    }

    @Test
    void extensionResourceIdNeedsAFullResourceId() {
        Template.Builder b = Template.builder(Scope.RESOURCE_GROUP);
        b.resource(thing("a"));
        b.output(Output.string("lock", Expr.raw("extensionResourceId('Microsoft.Test/things/a', "
                + "'Microsoft.Authorization/locks', 'l')")));
        b.output(Output.string("ok", Expr.raw("extensionResourceId(resourceId('Microsoft.Test/things', 'a'), "
                + "'Microsoft.Authorization/locks', 'l')")));
        assertThat(problems(b)).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("ARM-REF");
            assertThat(p.location().jsonPath()).isEqualTo("$.outputs.lock.value");
        });
    }

    @Test
    void enforcesArmsCountLimits() {
        Template.Builder b = Template.builder(Scope.RESOURCE_GROUP);
        for (int i = 0; i < TemplateLimits.MAX_PARAMETERS + 1; i++) {
            b.parameter(Parameter.string("p" + i).withDefault("x"));
        }
        for (int i = 0; i < TemplateLimits.MAX_OUTPUTS + 1; i++) {
            b.output(Output.string("o" + i, Expr.str("v")));
        }
        b.resource(thing("many").toBuilder().copy(Copy.of("loop", TemplateLimits.MAX_RESOURCES + 1)).build());
        assertThat(problems(b)).extracting(Problem::message).containsExactlyInAnyOrder(
                "257 parameters; ARM allows at most 256",
                "801 resources; ARM allows at most 800",
                "65 outputs; ARM allows at most 64");
    }

    @Test
    void enforcesTheFourMegabyteLimit() {
        Template.Builder b = Template.builder(Scope.RESOURCE_GROUP);
        String big = "x".repeat(1024 * 1024);
        for (int i = 0; i < 5; i++) {
            b.variable("v" + i, Json.literal(big));
        }
        assertThat(problems(b)).singleElement().satisfies(p -> assertThat(p.message()).contains("4 MB"));
    }

    @Test
    void aConditionalTwinAndCopyLoopsAreNotDuplicates() {
        Template.Builder b = Template.builder(Scope.RESOURCE_GROUP);
        b.resource(thing("same").toBuilder().condition(Expr.bool(true)).build());
        b.resource(thing("same").toBuilder().condition(Expr.bool(false)).build());
        assertThat(problems(b)).isEmpty();
    }

    @Test
    void dependsOnACopyLoopByItsName() {
        Template.Builder b = Template.builder(Scope.RESOURCE_GROUP);
        b.resource(Resource.builder("Microsoft.Test/things", "2024-01-01",
                Expr.format("n{0}", Expr.call("copyIndex"))).copy(Copy.of("things", 3)).build());
        b.resource(thing("after").toBuilder().dependsOn(Expr.str("things")).build());
        assertThat(problems(b)).isEmpty();
    }

    @Test
    void theTypedApiCannotDeclareAParameterTwiceDifferently() {
        Template.Builder b = Template.builder(Scope.RESOURCE_GROUP);
        b.parameter(Parameter.string("x"));
        b.parameter(Parameter.string("x"));
        assertThatThrownBy(() -> b.parameter(Parameter.integer("X"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void expressionsInObjectKeysAreCheckedAndImplyDependencies() {
        Template.Builder b = Template.builder(Scope.RESOURCE_GROUP);
        ResourceRef id = b.resource(Resource.builder("Microsoft.ManagedIdentity/userAssignedIdentities", "2024-11-30",
                "id-nodes").build());
        ObjectNode identities = JsonTrees.object();
        identities.set(id.id().toArmString(), JsonTrees.object());
        b.resource(thing("vm").toBuilder().identity(Json.obj("type", "UserAssigned",
                "userAssignedIdentities", identities)).build());
        Template t = b.build();
        assertThat(t.resources().get(1).dependsOn()).containsExactly(id.id());

        Template.Builder bad = Template.builder(Scope.RESOURCE_GROUP);
        ObjectNode keyed = JsonTrees.object();
        keyed.set("[parameters('nope')]", JsonTrees.object());
        bad.resource(thing("vm").toBuilder().properties(keyed).build());
        assertThat(problems(bad)).extracting(Problem::code).containsExactly("ARM-REF");
    }
}
