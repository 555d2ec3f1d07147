package io.github.hpcblueprints.deploy;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.polling.PollResult;
import com.azure.core.management.profile.AzureProfile;
import com.azure.core.util.Context;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.fluent.DeploymentOperationsClient;
import com.azure.resourcemanager.resources.fluent.DeploymentsClient;
import com.azure.resourcemanager.resources.fluent.models.DeploymentExtendedInner;
import com.azure.resourcemanager.resources.fluent.models.DeploymentInner;
import com.azure.resourcemanager.resources.fluent.models.DeploymentOperationInner;
import com.azure.resourcemanager.resources.fluent.models.ResourceGroupInner;
import com.azure.resourcemanager.resources.fluent.models.WhatIfOperationResultInner;
import com.azure.resourcemanager.resources.models.DeploymentMode;
import com.azure.resourcemanager.resources.models.DeploymentParameter;
import com.azure.resourcemanager.resources.models.DeploymentProperties;
import com.azure.resourcemanager.resources.models.DeploymentWhatIf;
import com.azure.resourcemanager.resources.models.DeploymentWhatIfProperties;
import com.azure.resourcemanager.resources.models.WhatIfChange;
import com.azure.resourcemanager.resources.models.WhatIfPropertyChange;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.json.JsonTrees;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Deploys to a real subscription through Azure's resource manager library: ARM's validate and what-if for a plan;
 * for apply, the resource group if asked, then each template as a deployment (the resource-group template first, the
 * subscription template after it, given the group deployment's outputs it needs), following the deployment's
 * operations and printing one line whenever a resource's state changes, and on failure naming each failed resource
 * with ARM's error code and message. Parameters, secure ones included, go to ARM as parameter values and are never
 * printed or logged.
 */
public final class AzureDeployer implements Deployer {

    /**
     * Where to deploy.
     *
     * @param createGroup create the resource group when it does not exist
     * @param stack deploy the resource-group template as a deployment stack whose deny settings stop anyone
     *     deleting what it manages (resources it no longer manages are detached, never deleted)
     */
    public record Target(String subscriptionId, String resourceGroup, String location, boolean createGroup,
            boolean stack) {
        public Target {
            Objects.requireNonNull(subscriptionId);
            Objects.requireNonNull(resourceGroup);
            Objects.requireNonNull(location);
        }

        /** A plain deployment (no stack). */
        public Target(String subscriptionId, String resourceGroup, String location, boolean createGroup) {
            this(subscriptionId, resourceGroup, location, createGroup, false);
        }

        /**
         * The subscription a caller gave, else the environment variable {@value #SUBSCRIPTION_VARIABLE} (as the
         * Azure SDKs read it); empty when neither is set, for the caller to say how to give one.
         */
        public static Optional<String> subscription(String given) {
            return Optional.ofNullable(given).or(() -> Optional.ofNullable(System.getenv(SUBSCRIPTION_VARIABLE)))
                    .filter(id -> !id.isBlank());
        }
    }

    /** The environment variable that names the subscription when no option does. */
    public static final String SUBSCRIPTION_VARIABLE = "AZURE_SUBSCRIPTION_ID";

    private static final ObjectMapper JSON = JsonTrees.mapper();

    private final ResourceManager manager;
    private final Target target;
    private final Consumer<String> progress;
    private final Duration pollInterval;
    private final Map<Plan, Pending> pending = new HashMap<>();
    /** Destroy plans this deployer made: the stack to delete first (if any), then the subscription resources. */
    private final Map<Plan, Destroy> pendingDestroy = new HashMap<>();

    /** {@code subscriptionDeployment}: the record of the subscription deployment, deleted last (empty: none). */
    private record Destroy(Optional<String> stack, List<String> subscriptionIds, Optional<String> subscriptionDeployment) {
    }

    private record Pending(List<TemplateDeployment> templates, Map<String, String> overrides) {
    }

    public AzureDeployer(ResourceManager manager, Target target, Consumer<String> progress, Duration pollInterval) {
        this.manager = manager;
        this.target = target;
        this.progress = progress;
        this.pollInterval = pollInterval;
    }

    /** Signs in as {@code DefaultAzureCredential} does (environment, managed identity, Azure CLI ...). */
    public static AzureDeployer signIn(Target target, Consumer<String> progress) {
        return new AzureDeployer(manager(target.subscriptionId()), target, progress, Duration.ofSeconds(10));
    }

    /** The resource manager of a subscription, signed in as {@code DefaultAzureCredential} does. */
    private static ResourceManager manager(String subscriptionId) {
        TokenCredential credential = new DefaultAzureCredentialBuilder().build();
        AzureProfile profile = new AzureProfile(null, subscriptionId, AzureEnvironment.AZURE);
        return ResourceManager.authenticate(credential, profile).withSubscription(subscriptionId);
    }

    /** What Azure says about the target subscription, for {@link Preflight}, through this deployer's sign-in. */
    public AzureFacts facts() {
        return new ArmFacts(manager.serviceClient().getHttpPipeline(), manager.serviceClient().getEndpoint(),
                target.subscriptionId());
    }

    /** The preflight checks of {@code build} against the target subscription; findings located, sign-in explained. */
    public List<PreflightResult> preflight(io.github.hpcblueprints.build.Build build, PlanContext context,
            List<TemplateDeployment> deployments) {
        return signedIn(() -> PlanService.located(() -> Preflight.check(build, context, facts(), deployments)));
    }

    /** Runs a step that talks to Azure, turning a failed sign-in into what to do about it. */
    public static <T> T signedIn(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (com.azure.core.exception.ClientAuthenticationException e) {
            throw signInFailed(e);
        }
    }

    private DeploymentsClient deployments() {
        return manager.deploymentClient().getDeployments();
    }

    private DeploymentOperationsClient operations() {
        return manager.deploymentClient().getDeploymentOperations();
    }

    static boolean subscriptionScope(TemplateDeployment t) {
        return t.template().path("$schema").asText("").toLowerCase(Locale.ROOT)
                .contains("subscriptiondeploymenttemplate");
    }

    private String deploymentName(String environment, TemplateDeployment t) {
        return subscriptionScope(t) ? subscriptionDeploymentName(environment) : environment;
    }

    private static String subscriptionDeploymentName(String environment) {
        return environment + "-subscription";
    }

    /**
     * ARM's validate, then its what-if, of the resource-group template (the subscription template's what-if needs the
     * group deployment's outputs, so it is validated when it is deployed).
     */
    @Override
    public Plan plan(String environment, List<TemplateDeployment> templates, Map<String, String> overrides) {
        try {
            return planInAzure(environment, templates, overrides);
        } catch (com.azure.core.exception.ClientAuthenticationException e) {
            throw signInFailed(e);
        }
    }

    private static DeploymentFailure signInFailed(RuntimeException e) {
        String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return new DeploymentFailure("could not sign in to Azure (" + first + "): sign in with az login, or set "
                + "AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET for a service principal", e);
    }

    private Plan planInAzure(String environment, List<TemplateDeployment> templates, Map<String, String> overrides) {
        refuseSecondCopy(environment, templates);
        // ARM validates and what-ifs a group deployment only into a group that exists
        ensureGroup();
        List<Change> changes = new ArrayList<>();
        for (TemplateDeployment t : templates) {
            if (subscriptionScope(t)) {
                progress.accept("subscription.json: validated and deployed after the resource-group deployment, "
                        + "whose outputs it takes");
                continue;
            }
            String name = deploymentName(environment, t);
            Map<String, DeploymentParameter> parameters = parameters(t, overrides, Map.of());
            DeploymentProperties properties = new DeploymentProperties().withMode(DeploymentMode.INCREMENTAL)
                    .withTemplate(asObject(t.template())).withParameters(parameters);
            try {
                deployments().beginValidate(target.resourceGroup(), name, new DeploymentInner()
                        .withProperties(properties)).setPollInterval(pollInterval).getFinalResult();
                WhatIfOperationResultInner whatIf = deployments().beginWhatIf(target.resourceGroup(), name,
                        new DeploymentWhatIf().withProperties(new DeploymentWhatIfProperties()
                                .withMode(DeploymentMode.INCREMENTAL).withTemplate(asObject(t.template()))
                                .withParameters(parameters))).setPollInterval(pollInterval).getFinalResult();
                whatIf.changes().forEach(c -> changes.add(change(c)));
            } catch (ManagementException e) {
                throw new DeploymentFailure("ARM refused " + t.file() + ": " + describe(e.getValue()), e);
            }
        }
        Plan plan = new Plan(environment, "Azure subscription " + target.subscriptionId() + ", resource group "
                + target.resourceGroup(), false, changes, Map.of());
        pending.put(plan, new Pending(templates, Map.copyOf(overrides)));
        return plan;
    }

    /**
     * The apiVersion to delete each type the subscription template can hold (ARM's DELETE by id needs one): the
     * versions the generator writes them with (AzureDeployerTest checks the two agree).
     */
    static final Map<String, String> SUBSCRIPTION_TYPES = Map.of(
            "microsoft.authorization/roleassignments", "2022-04-01",
            "microsoft.authorization/roledefinitions", "2022-04-01",
            "microsoft.consumption/budgets", "2024-08-01");

    /**
     * Removal of the environment: every resource in its resource group (refused when the group holds anything this
     * environment did not deploy, told by its tags), then what its subscription deployment created (CycleCloud's
     * subscription reads, a subscription budget), found in that deployment's output resources.
     */
    @Override
    public Plan planDestroy(String environment) {
        return planDestroy(environment, false);
    }

    /**
     * The removal of the environment; {@code groupIsOurs}: the caller created the resource group itself for this
     * deployment (the smoke test), so whatever is in it goes too, tagged or not (CycleCloud's nodes, say).
     */
    public Plan planDestroy(String environment, boolean groupIsOurs) {
        try {
            return planDestroyInAzure(environment, groupIsOurs);
        } catch (com.azure.core.exception.ClientAuthenticationException e) {
            throw signInFailed(e);
        }
    }

    private Plan planDestroyInAzure(String environment, boolean groupIsOurs) {
        List<Change> changes = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        try {
            for (var r : manager.serviceClient().getResources().listByResourceGroup(target.resourceGroup())) {
                Map<String, String> tags = r.tags() == null ? Map.of() : r.tags();
                if (!environment.equals(tags.get("environment")) || !tags.containsKey("hpcb-blueprint")) {
                    foreign.add(r.type() + " " + r.name());
                }
                changes.add(new Change(Change.Action.DELETE, r.id(), r.type(), "", null, null, List.of()));
            }
        } catch (ManagementException e) {
            throw new DeploymentFailure("ARM refused to list resource group " + target.resourceGroup() + ": "
                    + describe(e.getValue()), e);
        }
        if (!foreign.isEmpty() && !groupIsOurs) {
            throw new BlueprintException(Problem.of("TARGET", "resource group " + target.resourceGroup() + " holds "
                    + "resources environment " + environment + " did not deploy (no environment=" + environment
                    + " and hpcb-blueprint tags): " + String.join(", ", foreign) + "; nothing was deleted",
                    Location.ofPath("--resource-group"), "move them to another resource group first, or delete the "
                            + "group yourself (az group delete --name " + target.resourceGroup() + ") if they may go"));
        }
        List<String> subscriptionIds = new ArrayList<>();
        Optional<DeploymentExtendedInner> sub = subscriptionDeployment(environment);
        sub.map(DeploymentExtendedInner::properties).filter(p -> p.outputResources() != null).ifPresent(p -> {
            for (var ref : p.outputResources()) {
                String type = typeOf(ref.id());
                if (SUBSCRIPTION_TYPES.containsKey(type.toLowerCase(Locale.ROOT))) {
                    subscriptionIds.add(ref.id());
                    changes.add(new Change(Change.Action.DELETE, ref.id(), type, "", null, null, List.of()));
                }
            }
        });
        Optional<String> record = sub.map(d -> subscriptionDeploymentName(environment));
        // a deployment stack's deny settings would refuse the group's deletion: the stack goes first, with what it
        // manages
        Optional<String> stack = Optional.empty();
        try {
            manager.deploymentStackClient().getDeploymentStacks().getByResourceGroup(target.resourceGroup(),
                    environment);
            stack = Optional.of(environment);
        } catch (ManagementException e) {
            if (e.getResponse() == null || e.getResponse().getStatusCode() != 404) {
                throw new DeploymentFailure("ARM refused to read deployment stack " + environment + ": "
                        + describe(e.getValue()), e);
            }
        }
        Plan plan = new Plan(environment, "Azure subscription " + target.subscriptionId() + ", resource group "
                + target.resourceGroup() + stack.map(n -> " (deployment stack " + n + ": deleted first, with the "
                        + "resources it manages)").orElse(""), false, changes, Map.of());
        pendingDestroy.put(plan, new Destroy(stack, List.copyOf(subscriptionIds), record));
        return plan;
    }

    /** Whether the target resource group exists. */
    public boolean groupExists() {
        return signedIn(() -> manager.serviceClient().getResourceGroups().checkExistence(target.resourceGroup()));
    }

    /**
     * Whether the subscription holds environment {@code environment}'s subscription deployment: its subscription-level
     * resources (a custom role, role assignments, budgets) are named by the subscription and the environment alone,
     * so every resource group deployed from the same blueprint shares them.
     */
    public boolean subscriptionDeploymentExists(String environment) {
        return signedIn(() -> subscriptionDeployment(environment).isPresent());
    }

    /** The environment's subscription deployment, if there is one. */
    private Optional<DeploymentExtendedInner> subscriptionDeployment(String environment) {
        String name = subscriptionDeploymentName(environment);
        try {
            return Optional.of(deployments().getAtSubscriptionScope(name));
        } catch (ManagementException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                return Optional.empty();
            }
            throw new DeploymentFailure("ARM refused to read deployment " + name + ": " + describe(e.getValue()), e);
        }
    }

    /** The id of virtual machine {@code name} in the target resource group. */
    public String virtualMachineId(String name) {
        return "/subscriptions/" + target.subscriptionId() + "/resourceGroups/" + target.resourceGroup()
                + "/providers/Microsoft.Compute/virtualMachines/" + name;
    }

    /**
     * The serial console log of virtual machine {@code name} as boot diagnostics recorded it; empty while it has none.
     * Virtual Machines - Retrieve Boot Diagnostics Data (Microsoft.Compute 2024-07-01) gives a short-lived SAS URI of
     * the log blob, read without the ARM token (the SAS is the blob's authorisation; the token is not for Storage).
     */
    public String bootLog(String name) {
        HttpPipeline pipeline = manager.serviceClient().getHttpPipeline();
        String endpoint = manager.serviceClient().getEndpoint().replaceAll("/$", "");
        String url = endpoint + virtualMachineId(name) + "/retrieveBootDiagnosticsData?api-version=2024-07-01"
                + "&sasUriExpirationTimeInMinutes=10";
        String blob;
        try (HttpResponse r = pipeline.sendSync(new HttpRequest(HttpMethod.POST, url), Context.NONE)) {
            String body = r.getBodyAsBinaryData() == null ? "" : r.getBodyAsBinaryData().toString();
            if (r.getStatusCode() == 404) {
                return "";
            }
            if (r.getStatusCode() >= 300) {
                throw new DeploymentFailure("Azure answered " + r.getStatusCode() + " to the boot diagnostics of "
                        + name + ": " + body, null);
            }
            blob = JSON.readTree(body).path("serialConsoleLogBlobUri").asText("");
        } catch (java.io.IOException e) {
            throw new DeploymentFailure("the boot diagnostics of " + name + " were not JSON: " + e.getMessage(), e);
        }
        if (blob.isEmpty()) {
            return "";
        }
        // the pipeline's client alone: same transport and TLS, none of the policies (no bearer token to Storage)
        try (HttpResponse r = pipeline.getHttpClient().sendSync(new HttpRequest(HttpMethod.GET, blob)
                .setHeader(com.azure.core.http.HttpHeaderName.fromString("x-ms-version"), "2021-08-06"),
                Context.NONE)) {
            if (r.getStatusCode() == 404) {
                return "";
            }
            if (r.getStatusCode() >= 300) {
                // the SAS signature stays out of the message: it is a credential while it lasts
                throw new DeploymentFailure("Storage answered " + r.getStatusCode() + " to the serial log of " + name,
                        null);
            }
            return r.getBodyAsBinaryData() == null ? "" : r.getBodyAsBinaryData().toString();
        }
    }

    /** The resource type of an id: {@code .../providers/Microsoft.Authorization/roleAssignments/NAME}. */
    static String typeOf(String id) {
        String[] parts = id.split("/");
        for (int i = parts.length - 1; i > 0; i--) {
            if (parts[i - 1].equalsIgnoreCase("providers") && i + 2 < parts.length) {
                return parts[i] + "/" + parts[i + 1];
            }
        }
        return "";
    }

    private void applyDestroy(Plan plan, Destroy destroy) {
        List<String> subscriptionIds = destroy.subscriptionIds();
        try {
            if (destroy.stack().isPresent()) {
                progress.accept("deleting deployment stack " + destroy.stack().get() + " and the resources it "
                        + "manages (its deny settings go with it)");
                manager.deploymentStackClient().getDeploymentStacks().beginDelete(target.resourceGroup(),
                        destroy.stack().get(), com.azure.resourcemanager.resources.models.UnmanageActionResourceMode
                                .DELETE, com.azure.resourcemanager.resources.models.UnmanageActionResourceGroupMode
                                .DETACH, com.azure.resourcemanager.resources.models.UnmanageActionManagementGroupMode
                                .DETACH, false, com.azure.core.util.Context.NONE).setPollInterval(pollInterval)
                        .getFinalResult();
            }
            progress.accept("deleting resource group " + target.resourceGroup() + " and everything in it");
            SyncPoller<PollResult<Void>, Void> poller = manager.serviceClient().getResourceGroups()
                    .beginDelete(target.resourceGroup()).setPollInterval(pollInterval);
            poller.getFinalResult();
            progress.accept("resource group " + target.resourceGroup() + " deleted");
            for (String id : subscriptionIds) {
                // the client puts its own slash before the id: given whole, the path would start with two
                manager.serviceClient().getResources().beginDeleteById(id.startsWith("/") ? id.substring(1) : id,
                        SUBSCRIPTION_TYPES.get(typeOf(id).toLowerCase(Locale.ROOT))).setPollInterval(pollInterval)
                        .getFinalResult();
                progress.accept("deleted " + id);
            }
            // the record goes too (it holds nothing but history): a later deployment of the environment, in any
            // group, then starts afresh rather than look like a second copy (see plan)
            if (destroy.subscriptionDeployment().isPresent()) {
                deployments().beginDeleteAtSubscriptionScope(destroy.subscriptionDeployment().get())
                        .setPollInterval(pollInterval).getFinalResult();
                progress.accept("deleted the record of deployment " + destroy.subscriptionDeployment().get());
            }
        } catch (ManagementException e) {
            throw new DeploymentFailure("ARM refused the deletion: " + describe(e.getValue()), e);
        }
    }

    /** Deploys what {@code plan} planned, in order, and waits for each deployment to finish. */
    @Override
    public void apply(Plan plan) {
        try {
            applyInAzure(plan);
        } catch (com.azure.core.exception.ClientAuthenticationException e) {
            throw signInFailed(e);
        }
    }

    private void applyInAzure(Plan plan) {
        if (pendingDestroy.containsKey(plan)) {
            applyDestroy(plan, pendingDestroy.get(plan));
            return;
        }
        Pending p = pending.get(plan);
        if (p == null) {
            throw new IllegalStateException("apply a plan this deployer made");
        }
        ensureGroup();
        Map<String, JsonNode> outputs = new LinkedHashMap<>();
        for (TemplateDeployment t : p.templates()) {
            String name = deploymentName(plan.environment(), t);
            if (target.stack() && !subscriptionScope(t)) {
                collectOutputs(deployStack(t, name, parameters(t, p.overrides(), outputs)), outputs);
                continue;
            }
            DeploymentProperties properties = new DeploymentProperties().withMode(DeploymentMode.INCREMENTAL)
                    .withTemplate(asObject(t.template())).withParameters(parameters(t, p.overrides(), outputs));
            DeploymentInner body = new DeploymentInner().withProperties(properties);
            SyncPoller<PollResult<DeploymentExtendedInner>, DeploymentExtendedInner> poller;
            try {
                poller = subscriptionScope(t)
                        ? deployments().beginCreateOrUpdateAtSubscriptionScope(name, body.withLocation(
                                target.location()))
                        : deployments().beginCreateOrUpdate(target.resourceGroup(), name, body);
            } catch (ManagementException e) {
                throw new DeploymentFailure("ARM refused " + t.file() + ": " + describe(e.getValue()), e);
            }
            DeploymentExtendedInner done = follow(t, name, poller);
            collectOutputs(done.properties() == null ? null : done.properties().outputs(), outputs);
        }
    }

    /**
     * What the subscription template creates is named by the subscription and the environment, and its deployment
     * record by the environment: a second resource group of the same environment would share them, and destroying
     * either would remove the other's role assignment. A redeploy into the group that holds the environment's
     * deployment is what it should be.
     */
    private void refuseSecondCopy(String environment, List<TemplateDeployment> templates) {
        if (templates.stream().noneMatch(AzureDeployer::subscriptionScope)
                || subscriptionDeployment(environment).isEmpty()) {
            return;
        }
        boolean here;
        try {
            here = manager.serviceClient().getResourceGroups().checkExistence(target.resourceGroup())
                    && deployments().checkExistence(target.resourceGroup(), environment);
        } catch (ManagementException e) {
            throw new DeploymentFailure("ARM refused to read deployment " + environment + " in "
                    + target.resourceGroup() + ": " + describe(e.getValue()), e);
        }
        if (!here) {
            throw new BlueprintException(Problem.of("TARGET", "environment " + environment + " is already deployed "
                    + "in this subscription, from another resource group (its deployment "
                    + subscriptionDeploymentName(environment) + " exists, and " + target.resourceGroup() + " holds no deployment " + environment
                    + "); a second copy would share its subscription-level resources (custom role, role "
                    + "assignments, budgets)", Location.ofPath("--resource-group"), "deploy to the group that holds "
                            + "it, or copy the blueprint under another name; if that environment is gone, delete its "
                            + "record: az deployment sub delete --name " + subscriptionDeploymentName(environment)));
        }
    }

    /**
     * With {@code createGroup}, creates the resource group when it does not exist. An existing group is left as it
     * is: a PUT would replace its tags.
     */
    private void ensureGroup() {
        if (!target.createGroup() || manager.serviceClient().getResourceGroups().checkExistence(target
                .resourceGroup())) {
            return;
        }
        try {
            manager.serviceClient().getResourceGroups().createOrUpdate(target.resourceGroup(),
                    new ResourceGroupInner().withLocation(target.location()));
        } catch (ManagementException e) {
            throw new DeploymentFailure("ARM refused to create resource group " + target.resourceGroup() + ": "
                    + describe(e.getValue()), e);
        }
        progress.accept("resource group " + target.resourceGroup() + " created in " + target.location());
    }

    /**
     * The resource-group template as a deployment stack: deny settings {@code denyDelete} on what it manages (the
     * stack's own updates excepted), and what a later version no longer declares is detached, not deleted.
     */
    private Object deployStack(TemplateDeployment t, String name, Map<String, DeploymentParameter> parameters) {
        var body = new com.azure.resourcemanager.resources.fluent.models.DeploymentStackInner()
                .withTemplate(asObject(t.template())).withParameters(parameters)
                .withDescription("hpc-blueprints environment " + name)
                .withActionOnUnmanage(new com.azure.resourcemanager.resources.models.ActionOnUnmanage()
                        .withResources(com.azure.resourcemanager.resources.models.DeploymentStacksDeleteDetachEnum.DETACH)
                        .withResourceGroups(com.azure.resourcemanager.resources.models.DeploymentStacksDeleteDetachEnum
                                .DETACH)
                        .withManagementGroups(com.azure.resourcemanager.resources.models
                                .DeploymentStacksDeleteDetachEnum.DETACH))
                .withDenySettings(new com.azure.resourcemanager.resources.models.DenySettings()
                        .withMode(com.azure.resourcemanager.resources.models.DenySettingsMode.DENY_DELETE)
                        .withApplyToChildScopes(false).withExcludedPrincipals(List.of()));
        progress.accept("deploying " + t.file() + " as deployment stack " + name + " (deny settings: denyDelete)");
        try {
            var done = manager.deploymentStackClient().getDeploymentStacks()
                    .beginCreateOrUpdateAtResourceGroup(target.resourceGroup(), name, body)
                    .setPollInterval(pollInterval).getFinalResult();
            if (done.error() != null) {
                throw new DeploymentFailure("deployment stack " + name + " of " + t.file() + " failed: "
                        + describe(done.error()), null);
            }
            progress.accept("deployment stack " + name + ": " + done.provisioningState());
            return done.outputs();
        } catch (ManagementException e) {
            throw new DeploymentFailure("deployment stack " + name + " of " + t.file() + " failed: "
                    + describe(e.getValue()), e);
        }
    }

    private static void collectOutputs(Object out, Map<String, JsonNode> outputs) {
        if (out != null) {
            JSON.valueToTree(out).fields().forEachRemaining(e -> outputs.put(e.getKey(), e.getValue().path("value")));
        }
    }

    /** Polls the deployment, printing each resource's state changes, until it ends; a failure names its causes. */
    private DeploymentExtendedInner follow(TemplateDeployment t, String name,
            SyncPoller<PollResult<DeploymentExtendedInner>, DeploymentExtendedInner> poller) {
        Map<String, String> seen = new HashMap<>();
        progress.accept("deploying " + t.file() + " as " + name);
        LongRunningOperationStatus status;
        do {
            PollResponse<PollResult<DeploymentExtendedInner>> r;
            try {
                r = poller.poll();
            } catch (RuntimeException e) {
                // a poll that fails after the library's retries: say so with what is known, then report the failure
                report(t, name, seen);
                throw new DeploymentFailure("following deployment " + name + " failed: " + e.getMessage(), e);
            }
            status = r.getStatus();
            report(t, name, seen);
            if (!status.isComplete()) {
                sleep();
            }
        } while (!status.isComplete());
        if (status != LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
            throw new DeploymentFailure("deployment " + name + " of " + t.file() + " failed:" + failures(t, name),
                    null);
        }
        try {
            return poller.getFinalResult();
        } catch (ManagementException e) {
            throw new DeploymentFailure("deployment " + name + " of " + t.file() + " failed: " + describe(e.getValue())
                    + failures(t, name), e);
        }
    }

    private Iterable<DeploymentOperationInner> operationsOf(TemplateDeployment t, String name) {
        return subscriptionScope(t) ? operations().listAtSubscriptionScope(name)
                : operations().listByResourceGroup(target.resourceGroup(), name);
    }

    /** One line per resource whose state changed since the last look. */
    private void report(TemplateDeployment t, String name, Map<String, String> seen) {
        try {
            for (DeploymentOperationInner op : operationsOf(t, name)) {
                if (op.properties() == null || op.properties().targetResource() == null) {
                    continue;
                }
                String resource = op.properties().targetResource().resourceType() + "/"
                        + op.properties().targetResource().resourceName();
                String state = op.properties().provisioningState();
                if (state != null && !state.equals(seen.put(resource, state))) {
                    progress.accept("  " + resource + ": " + state);
                }
            }
        } catch (ManagementException e) {
            // the operation list is for progress only; the deployment's own status decides
        }
    }

    /** Each failed operation: the resource, ARM's code and message. */
    private String failures(TemplateDeployment t, String name) {
        StringBuilder sb = new StringBuilder();
        List<DeploymentOperationInner> ops = new ArrayList<>();
        try {
            operationsOf(t, name).forEach(ops::add); // each page fetched once
        } catch (ManagementException e) {
            return "\n  (the deployment's operations could not be listed: " + describe(e.getValue()) + ")";
        }
        for (DeploymentOperationInner op : ops) {
            if (op.properties() == null || !"Failed".equalsIgnoreCase(op.properties().provisioningState())) {
                continue;
            }
            String resource = op.properties().targetResource() == null ? "(the deployment)"
                    : op.properties().targetResource().resourceType() + " '"
                            + op.properties().targetResource().resourceName() + "'";
            ManagementError error = op.properties().statusMessage() == null ? null
                    : op.properties().statusMessage().error();
            sb.append("\n  ").append(resource).append(": ").append(describe(error));
        }
        return sb.toString();
    }

    private static String describe(ManagementError e) {
        if (e == null) {
            return "(no error details)";
        }
        StringBuilder sb = new StringBuilder(e.getCode() + ": " + e.getMessage());
        if (e.getDetails() != null) {
            for (ManagementError d : e.getDetails()) {
                sb.append("\n  ").append(d.getCode()).append(": ").append(d.getMessage());
            }
        }
        return sb.toString();
    }

    /** The parameters file's values, earlier deployments' outputs the template declares, then --param values. */
    private static Map<String, DeploymentParameter> parameters(TemplateDeployment t, Map<String, String> overrides,
            Map<String, JsonNode> outputs) {
        Map<String, JsonNode> values = new LinkedHashMap<>(t.parameters());
        t.template().path("parameters").fieldNames().forEachRemaining(p -> {
            if (!values.containsKey(p) && outputs.containsKey(p)) {
                values.put(p, outputs.get(p));
            }
        });
        values.putAll(LocalPlan.typed(t, overrides, new ArrayList<>(overrides.keySet())));
        Map<String, DeploymentParameter> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, new DeploymentParameter().withValue(asObject(v))));
        return out;
    }

    private static Change change(WhatIfChange c) {
        Change.Action action = switch (c.changeType().toString()) {
            case "Create" -> Change.Action.CREATE;
            case "Delete" -> Change.Action.DELETE;
            case "Modify", "Deploy" -> Change.Action.MODIFY;
            default -> Change.Action.NO_CHANGE;
        };
        List<Change.PropertyChange> props = new ArrayList<>();
        if (c.delta() != null) {
            flatten("", c.delta(), props);
        }
        return new Change(action, c.resourceId(), "", "", JSON.valueToTree(c.before()), JSON.valueToTree(c.after()),
                props);
    }

    private static void flatten(String prefix, List<WhatIfPropertyChange> delta, List<Change.PropertyChange> out) {
        for (WhatIfPropertyChange d : delta) {
            String path = prefix.isEmpty() ? d.path() : prefix + "." + d.path();
            if (d.children() != null && !d.children().isEmpty()) {
                flatten(path, d.children(), out);
            } else {
                out.add(new Change.PropertyChange(path, JSON.valueToTree(d.before()), JSON.valueToTree(d.after())));
            }
        }
    }

    private static Object asObject(JsonNode json) {
        return JSON.convertValue(json, Object.class);
    }

    private void sleep() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeploymentFailure("interrupted while following the deployment (it goes on in Azure)", e);
        }
    }
}
