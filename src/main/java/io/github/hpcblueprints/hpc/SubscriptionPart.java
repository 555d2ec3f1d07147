package io.github.hpcblueprints.hpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Parameter;
import io.github.hpcblueprints.arm.Template;
import io.github.hpcblueprints.azure.AzureResource;
import io.github.hpcblueprints.azure.Deployment;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.authorization.PrincipalType;
import io.github.hpcblueprints.azure.authorization.RoleAssignment;
import io.github.hpcblueprints.azure.authorization.RoleDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What only a subscription can hold: the three reads CycleCloud needs above its resource group (VM sizes, quota
 * usage, prices) as a tiny custom role, and a subscription-scope budget when the blueprint asks for one. Deployed
 * after the resource-group template, whose outputs it takes as parameters.
 */
final class SubscriptionPart {

    private SubscriptionPart() {
    }

    record Result(Template template, Map<String, JsonNode> values, List<AzureResource> resources) {
    }

    /** What accepting a plan image's terms needs: read the agreement, sign it. */
    static final List<String> MARKETPLACE_ACTIONS = List.of(
            "Microsoft.MarketplaceOrdering/offertypes/publishers/offers/plans/agreements/read",
            "Microsoft.MarketplaceOrdering/offertypes/publishers/offers/plans/agreements/write");

    static Optional<Result> compile(CompileContext c) {
        boolean terms = c.env.cluster().map(SlurmCluster::needsMarketplaceTerms).orElse(false);
        boolean cycleCloudReads = c.env.cluster().isPresent()
                && !c.env.cycleCloud().orElseThrow().usesExistingIdentity();
        boolean budget = c.env.cost().subscriptionScope() && c.env.cost().budget() > 0;
        if (!cycleCloudReads && !budget) {
            return Optional.empty();
        }
        Deployment d = Deployment.subscription();
        Map<String, JsonNode> values = new LinkedHashMap<>();
        if (cycleCloudReads) {
            Expr principal = d.parameter(Parameter.string("cycleCloudPrincipalId").withDescription(
                    "Output cycleCloudPrincipalId of the resource-group deployment."));
            RoleDefinition reads = RoleDefinition.atSubscription("CycleCloud subscription reads ("
                    + c.env.name() + ")")
                    .description("VM sizes, quota usage and prices: what CycleCloud reads above its resource group"
                            + (terms ? "; and the marketplace terms of its node images, which it accepts." : "."))
                    .actions("Microsoft.Compute/skus/read", "Microsoft.Compute/locations/usages/read",
                            "Microsoft.Commerce/RateCard/read");
            if (terms) {
                // agreements live at subscription scope: CycleCloud reads and signs them for plan images
                reads.actions(MARKETPLACE_ACTIONS.toArray(String[]::new));
            }
            Ref<RoleDefinition> role = d.add(reads);
            d.add(RoleAssignment.onSubscription(role, principal, PrincipalType.ServicePrincipal)
                    .description("CycleCloud of environment " + c.env.name() + " checks sizes, quota and prices."));
        }
        if (budget) {
            Expr rg = d.parameter(Parameter.string("resourceGroupName").withDescription(
                    "The environment's resource group, whose cost the budget counts."));
            Expr start = CostPart.startDate(d);
            Expr emails = CostPart.emails(c, d);
            if (!c.env.cost().contactEmails().isEmpty()) {
                values.put("budgetContactEmails", Json.arrOf(c.env.cost().contactEmails()));
            }
            d.add(CostPart.budget(c.names.name("budget", ""), c.env.cost().budget(), start, emails, c.env.cost())
                    .filterResourceGroup(rg));
        }
        return Optional.of(new Result(d.build(), values, d.added()));
    }
}
