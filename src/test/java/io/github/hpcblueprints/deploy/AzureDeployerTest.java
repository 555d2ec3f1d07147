package io.github.hpcblueprints.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpPipeline;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.resources.ResourceManager;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.json.JsonTrees;
import io.github.hpcblueprints.testing.LoopbackHttpsServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Azure deployer against an ARM-protocol stub on 127.0.0.1 over HTTPS (the library sends a bearer token only
 * over TLS): the documented request sequence, retries with backoff on 429/5xx and a dropped connection, a failed
 * deployment reported with the failing resource and ARM's message, and no secret in anything printed.
 */
class AzureDeployerTest {

    @TempDir
    static Path keys;

    LoopbackHttpsServer server;
    ArmStub arm;
    final List<String> printed = new ArrayList<>();
    static final String SECRET = "p4ss-w0rd-never-printed";
    static final String TEMPLATE = "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/"
            + "deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\", \"parameters\": {\"adminPassword\": "
            + "{\"type\": \"securestring\"}}, \"resources\": [], \"outputs\": {\"cycleCloudPrincipalId\": {\"type\": "
            + "\"string\", \"value\": \"abc\"}}}";
    static final String SUBSCRIPTION_TEMPLATE = "{\"$schema\": \"https://schema.management.azure.com/schemas/"
            + "2018-05-01/subscriptionDeploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\", \"parameters\": {"
            + "\"cycleCloudPrincipalId\": {\"type\": \"string\"}}, \"resources\": []}";

    @BeforeEach
    void start() throws Exception {
        server = LoopbackHttpsServer.start(keys);
        arm = new ArmStub(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    AzureDeployer deployer() throws Exception {
        return deployer(false);
    }

    AzureDeployer deployer(boolean stack) throws Exception {
        return new AzureDeployer(AzureTestPipeline.manager(server, arm.base()), new AzureDeployer.Target("s1", "rg-t", "uksouth", true, stack), printed::add,
                Duration.ofMillis(50));
    }

    static List<TemplateDeployment> templates() {
        return List.of(new TemplateDeployment("azuredeploy.json", JsonTrees.parse(TEMPLATE), Map.of()),
                new TemplateDeployment("subscription.json", JsonTrees.parse(SUBSCRIPTION_TEMPLATE), Map.of()));
    }

    @Test
    void plansWithValidateAndWhatIfThenDeploysInOrderFollowingEachResource() throws Exception {
        arm.whatIfChanges = JsonTrees.parse("[{\"resourceId\": \"/subscriptions/s1/resourceGroups/rg-t/providers/"
                + "Microsoft.Network/virtualNetworks/vnet1\", \"changeType\": \"Create\"}, {\"resourceId\": "
                + "\"/subscriptions/s1/resourceGroups/rg-t/providers/Microsoft.Storage/storageAccounts/st1\", "
                + "\"changeType\": \"Modify\", \"delta\": [{\"path\": \"properties.minimumTlsVersion\", "
                + "\"propertyChangeType\": \"Modify\", \"before\": \"TLS1_0\", \"after\": \"TLS1_2\"}]}]");
        arm.deployment("t", JsonTrees.parse("[" + ArmStub.operation("1", "Running", "Microsoft.Network/virtualNetworks",
                "vnet1", null, null) + "]"), JsonTrees.parse("{\"cycleCloudPrincipalId\": {\"type\": \"String\", "
                + "\"value\": \"principal-1\"}}"), "Running", "Succeeded");
        AzureDeployer d = deployer();
        Plan plan = d.plan("t", templates(), Map.of("adminPassword", SECRET));
        assertThat(plan.changes()).extracting(c -> c.action() + " " + c.id().substring(c.id().lastIndexOf('/') + 1))
                .containsExactly("CREATE vnet1", "MODIFY st1");
        assertThat(plan.changes().get(1).properties()).singleElement().satisfies(p -> assertThat(p.path() + " "
                + p.before() + " " + p.after()).isEqualTo("properties.minimumTlsVersion \"TLS1_0\" \"TLS1_2\""));
        d.apply(plan);
        List<String> calls = arm.requests().stream().map(r -> r.method() + " " + r.path()).toList();
        // ARM validates only into a group that exists: a new one is made first, and an existing one is not PUT
        // again (that would replace its tags)
        assertThat(calls).containsSubsequence(
                "HEAD /subscriptions/s1/resourcegroups/rg-t",
                "PUT /subscriptions/s1/resourcegroups/rg-t",
                "POST /subscriptions/s1/resourcegroups/rg-t/providers/Microsoft.Resources/deployments/t/validate",
                "POST /subscriptions/s1/resourcegroups/rg-t/providers/Microsoft.Resources/deployments/t/whatIf",
                "HEAD /subscriptions/s1/resourcegroups/rg-t",
                "PUT /subscriptions/s1/resourcegroups/rg-t/providers/Microsoft.Resources/deployments/t",
                "GET /stub/async/t",
                "PUT /subscriptions/s1/providers/Microsoft.Resources/deployments/t-subscription");
        assertThat(calls).filteredOn("PUT /subscriptions/s1/resourcegroups/rg-t"::equals).hasSize(1);
        // every request carried the token; the subscription deployment got the group deployment's output
        assertThat(arm.requests()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer test-token"));
        assertThat(arm.requests()).filteredOn(r -> r.path().endsWith("/t-subscription") && r.method().equals("PUT"))
                .singleElement().satisfies(r -> assertThat(r.body()).contains("\"principal-1\""));
        // the secure value went to ARM as a parameter value (validate, what-if, the deployment), and nowhere else
        assertThat(arm.requests()).filteredOn(r -> r.body().contains(SECRET)).extracting(r -> r.method() + " "
                + r.path().substring(r.path().lastIndexOf('/') + 1)).containsExactly("POST validate", "POST whatIf",
                        "PUT t");
        assertThat(printed).contains("  Microsoft.Network/virtualNetworks/vnet1: Running")
                .noneSatisfy(line -> assertThat(line).contains(SECRET));
    }

    @Test
    void throttlingServerErrorsAndADroppedConnectionAreRetriedWithBackoff() throws Exception {
        arm.fault("PUT deployment", 429).fault("GET async", 503, ArmStub.DROP, 500);
        arm.deployment("t", JsonTrees.parse("[]"), null, "Running", "Succeeded");
        AzureDeployer d = deployer();
        d.apply(d.plan("t", templates().subList(0, 1), Map.of()));
        List<ArmStub.Request> puts = arm.requests().stream().filter(r -> r.method().equals("PUT")
                && r.path().endsWith("/deployments/t")).toList();
        assertThat(puts).hasSize(2);
        // Retry-After: 1 is honoured
        assertThat(puts.get(1).atMillis() - puts.get(0).atMillis()).isGreaterThanOrEqualTo(900);
        List<ArmStub.Request> polls = arm.requests().stream().filter(r -> r.path().startsWith("/stub/async/"))
                .toList();
        assertThat(polls.size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aFailedDeploymentNamesTheResourceAndArmsMessage() throws Exception {
        arm.deployment("t", JsonTrees.parse("[" + ArmStub.operation("1", "Succeeded",
                "Microsoft.Network/virtualNetworks", "vnet1", null, null) + ", " + ArmStub.operation("2", "Failed",
                "Microsoft.Storage/storageAccounts", "st1", "StorageAccountAlreadyTaken",
                "The storage account named st1 is already taken.") + "]"), null, "Running", "Failed");
        AzureDeployer d = deployer();
        Plan plan = d.plan("t", templates().subList(0, 1), Map.of("adminPassword", SECRET));
        assertThatThrownBy(() -> d.apply(plan)).isInstanceOf(DeploymentFailure.class)
                .hasMessageContaining("Microsoft.Storage/storageAccounts 'st1': StorageAccountAlreadyTaken: The "
                        + "storage account named st1 is already taken.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        assertThat(printed).contains("  Microsoft.Storage/storageAccounts/st1: Failed");
    }

    static String resource(String type, String name, String tags) {
        return "{\"id\": \"/subscriptions/s1/resourceGroups/rg-t/providers/" + type + "/" + name + "\", \"name\": \""
                + name + "\", \"type\": \"" + type + "\", \"location\": \"uksouth\", \"tags\": " + tags + "}";
    }

    static final String OURS = "{\"environment\": \"t\", \"hpcb-blueprint\": \"t.yaml\", \"project\": \"shared\"}";

    @Test
    void destroyDeletesTheGroupThenWhatTheSubscriptionDeploymentCreated() throws Exception {
        arm.groupResources = JsonTrees.parse("[" + resource("Microsoft.Network/virtualNetworks", "vnet-t", OURS) + ", "
                + resource("Microsoft.Compute/virtualMachines", "vm-t-cc", OURS) + "]");
        String readsAssignment = "/subscriptions/s1/providers/Microsoft.Authorization/roleAssignments/"
                + "0e5d1f3a-2b6c-5d7e-8f90-1a2b3c4d5e6f";
        arm.outputResources.put("t-subscription", JsonTrees.parse("[{\"id\": \"" + readsAssignment + "\"}, "
                + "{\"id\": \"/subscriptions/s1/providers/Microsoft.Resources/deployments/nested\"}]"));
        AzureDeployer d = deployer();
        Plan plan = d.planDestroy("t");
        assertThat(plan.changes()).extracting(c -> c.action() + " " + c.type()).containsExactly(
                "DELETE Microsoft.Network/virtualNetworks", "DELETE Microsoft.Compute/virtualMachines",
                "DELETE Microsoft.Authorization/roleAssignments");
        d.apply(plan);
        // and last the subscription deployment's record, so a later deployment of t starts afresh
        assertThat(arm.deleted).containsExactly("/subscriptions/s1/resourcegroups/rg-t", readsAssignment,
                "/subscriptions/s1/providers/Microsoft.Resources/deployments/t-subscription");
        assertThat(arm.requests()).filteredOn(r -> r.method().equals("DELETE") && r.path().contains("roleAssignments"))
                .singleElement().satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer test-token"));
        assertThat(printed).contains("resource group rg-t deleted", "deleted " + readsAssignment);
        // the apiVersions destroy deletes with are the ones the generator writes
        assertThat(AzureDeployer.SUBSCRIPTION_TYPES).containsEntry("microsoft.authorization/roleassignments",
                io.github.hpcblueprints.azure.authorization.RoleAssignment.API_VERSION)
                .containsEntry("microsoft.authorization/roledefinitions",
                        io.github.hpcblueprints.azure.authorization.RoleDefinition.API_VERSION)
                .containsEntry("microsoft.consumption/budgets", io.github.hpcblueprints.azure.consumption.Budget
                        .API_VERSION);
    }

    @Test
    void aSecondGroupOfAnEnvironmentDeployedElsewhereIsRefusedWhileARedeployGoesAhead() throws Exception {
        // t is deployed from another group: its subscription deployment exists, rg-t holds no deployment t
        arm.outputResources.put("t-subscription", JsonTrees.parse("[]"));
        AzureDeployer d = deployer();
        assertThatThrownBy(() -> d.plan("t", templates(), Map.of())).isInstanceOf(io.github.hpcblueprints
                .diagnostics.BlueprintException.class).hasMessageContaining("environment t is already deployed in "
                        + "this subscription, from another resource group").hasMessageContaining(
                                "az deployment sub delete --name t-subscription");
        assertThat(arm.requests()).noneMatch(r -> r.method().equals("PUT") || r.path().endsWith("/validate"));
        // the group that holds t's deployment redeploys as before
        arm.groups.add("/subscriptions/s1/resourcegroups/rg-t");
        arm.created.add("t");
        arm.whatIfChanges = JsonTrees.parse("[]");
        assertThat(d.plan("t", templates(), Map.of()).changes()).isEmpty();
    }

    @Test
    void destroyLeavesAGroupThatHoldsSomeoneElsesResourcesAlone() throws Exception {
        arm.groupResources = JsonTrees.parse("[" + resource("Microsoft.Network/virtualNetworks", "vnet-t", OURS) + ", "
                + resource("Microsoft.Sql/servers", "their-sql", "{\"owner\": \"finance\"}") + "]");
        AzureDeployer d = deployer();
        assertThatThrownBy(() -> d.planDestroy("t")).isInstanceOf(io.github.hpcblueprints.diagnostics
                .BlueprintException.class).hasMessageContaining("Microsoft.Sql/servers their-sql")
                .hasMessageContaining("nothing was deleted");
        assertThat(arm.deleted).isEmpty();
        // and a group whose subscription deployment never ran has nothing more to remove
        arm.groupResources = JsonTrees.parse("[" + resource("Microsoft.Network/virtualNetworks", "vnet-t", OURS) + "]");
        assertThat(deployer().planDestroy("t").changes()).hasSize(1);
    }

    @Test
    void withStackTheGroupTemplateBecomesADeploymentStackThatDeniesDeletes() throws Exception {
        arm.deployment("t", JsonTrees.parse("[]"), JsonTrees.parse("{\"cycleCloudPrincipalId\": {\"type\": "
                + "\"String\", \"value\": \"principal-1\"}}"), "Running", "Succeeded");
        AzureDeployer d = deployer(true);
        d.apply(d.plan("t", templates(), Map.of("adminPassword", SECRET)));
        List<String> calls = arm.requests().stream().map(r -> r.method() + " " + r.path()).toList();
        assertThat(calls).containsSubsequence("PUT /subscriptions/s1/resourcegroups/rg-t",
                "PUT /subscriptions/s1/resourceGroups/rg-t/providers/Microsoft.Resources/deploymentStacks/t",
                "GET /stub/async/t",
                "PUT /subscriptions/s1/providers/Microsoft.Resources/deployments/t-subscription");
        assertThat(calls).noneMatch(c -> c.equals("PUT /subscriptions/s1/resourcegroups/rg-t/providers/"
                + "Microsoft.Resources/deployments/t"));
        ArmStub.Request put = arm.requests().stream().filter(r -> r.method().equals("PUT")
                && r.path().contains("deploymentStacks")).findFirst().orElseThrow();
        JsonNode body = JsonTrees.parse(put.body());
        assertThat(body.at("/properties/denySettings/mode").asText()).isEqualTo("denyDelete");
        assertThat(body.at("/properties/actionOnUnmanage/resources").asText()).isEqualTo("detach");
        assertThat(body.at("/properties/parameters/adminPassword/value").asText()).isEqualTo(SECRET);
        // the subscription template still gets the stack's output
        assertThat(arm.requests()).filteredOn(r -> r.path().endsWith("/t-subscription") && r.method().equals("PUT"))
                .singleElement().satisfies(r -> assertThat(r.body()).contains("\"principal-1\""));
        assertThat(printed).contains("deploying azuredeploy.json as deployment stack t (deny settings: denyDelete)")
                .noneSatisfy(line -> assertThat(line).contains(SECRET));
    }

    /**
     * A service principal's sign-in, against the stub's token endpoint (the Microsoft identity platform's
     * client-credentials request), then a plan with the token it issued: the secret goes only to the token
     * endpoint, and the token only to ARM.
     */
    @Test
    void aServicePrincipalSignsInAtTheTokenEndpointAndItsTokenReachesArm() throws Exception {
        String clientSecret = "client-secret-never-printed";
        com.azure.core.http.HttpClient http = AzureTestPipeline.httpClient(server);
        com.azure.core.credential.TokenCredential credential = new com.azure.identity.ClientSecretCredentialBuilder()
                .tenantId("tenant-1").clientId("client-1").clientSecret(clientSecret)
                .authorityHost(arm.base()).disableInstanceDiscovery().httpClient(http).build();
        HttpPipeline pipeline = new com.azure.core.http.HttpPipelineBuilder().httpClient(http).policies(
                new com.azure.core.http.policy.BearerTokenAuthenticationPolicy(credential,
                        "https://management.azure.com/.default")).build();
        AzureEnvironment env = new AzureEnvironment(Map.of("resourceManagerEndpointUrl", arm.base(),
                "managementEndpointUrl", arm.base(), "activeDirectoryEndpointUrl", arm.base()));
        ResourceManager m = ResourceManager.authenticate(pipeline, new AzureProfile("tenant-1", "s1", env))
                .withSubscription("s1");
        AzureDeployer d = new AzureDeployer(m, new AzureDeployer.Target("s1", "rg-t", "uksouth", false), printed::add,
                Duration.ofMillis(50));
        d.plan("t", templates().subList(0, 1), Map.of());
        assertThat(arm.tokenRequests).isNotEmpty().allSatisfy(r -> assertThat(r)
                .startsWith("POST /tenant-1/oauth2/v2.0/token ").contains("grant_type=client_credentials")
                .contains("client_id=client-1"));
        assertThat(arm.requests()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer token-from-the-stub");
            assertThat(r.body()).doesNotContain(clientSecret);
        });
        assertThat(printed).noneSatisfy(line -> assertThat(line).contains(clientSecret));
    }

    /** A stack's deny settings would refuse the group's deletion: destroy deletes the stack, and what it manages, first. */
    @Test
    void destroyDeletesTheDeploymentStackBeforeTheGroup() throws Exception {
        arm.stacks.add("t");
        arm.groupResources = JsonTrees.parse("[" + resource("Microsoft.Network/virtualNetworks", "vnet-t", OURS) + "]");
        AzureDeployer d = deployer(true);
        Plan plan = d.planDestroy("t");
        assertThat(plan.state()).contains("deployment stack t: deleted first");
        d.apply(plan);
        assertThat(arm.deleted).containsExactly(
                "/subscriptions/s1/resourceGroups/rg-t/providers/Microsoft.Resources/deploymentStacks/t",
                "/subscriptions/s1/resourcegroups/rg-t");
        assertThat(arm.requests()).filteredOn(r -> r.method().equals("DELETE") && r.path().contains("deploymentStacks"))
                .singleElement().satisfies(r -> {
                    assertThat(r.authorization()).isEqualTo("Bearer test-token");
                    // the resources it manages are deleted with it; a resource group it might manage is not
                    assertThat(r.query()).contains("unmanageAction.Resources=delete")
                            .contains("unmanageAction.ResourceGroups=detach");
                });
    }
}
