package io.github.hpcblueprints.arm;

import java.util.List;

/** Hand-built templates used by the arm-core tests (no typed azure resources: only the core API). */
final class SampleTemplates {

    private SampleTemplates() {
    }

    static final String NETWORK_API = "2025-07-01";
    static final String STORAGE_API = "2026-04-01";
    static final String AUTH_API = "2022-04-01";
    /** Storage Blob Data Contributor (built-in role id). */
    static final String BLOB_DATA_CONTRIBUTOR = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";

    /** VNet + subnet + NSG + storage account + role assignment + outputs. */
    static Template networkAndStorage() {
        Template.Builder b = Template.builder(Scope.RESOURCE_GROUP)
                .metadata("_generator", Json.obj("name", "hpc-blueprints-tests", "version", "test"));
        Expr location = b.parameter(Parameter.string("location")
                .withDefault(Expr.resourceGroupLocation())
                .withDescription("Region for every resource; defaults to the resource group's."));
        Expr prefix = b.parameter(Parameter.string("namePrefix")
                .withMinLength(3).withMaxLength(11)
                .withDescription("Short lowercase prefix for resource names."));
        Expr groupId = b.parameter(Parameter.string("dataOwnersGroupObjectId")
                .withDescription("Object id of the Entra ID group that owns the research data."));
        Expr storageName = b.variable("storageAccountName", Json.expr(Expr.call("take",
                Expr.call("toLower", Expr.format("{0}data{1}", prefix, Expr.uniqueString(Expr.resourceGroupId()))),
                Expr.num(24))));

        ResourceRef nsg = b.resource(Resource.builder("Microsoft.Network/networkSecurityGroups", NETWORK_API,
                        Expr.format("{0}-compute-nsg", prefix))
                .location(location)
                .properties(Json.obj("securityRules", Json.arr(Json.obj(
                        "name", "deny-internet-inbound",
                        "properties", Json.obj(
                                "priority", 4000,
                                "direction", "Inbound",
                                "access", "Deny",
                                "protocol", "*",
                                "sourceAddressPrefix", "Internet",
                                "sourcePortRange", "*",
                                "destinationAddressPrefix", "*",
                                "destinationPortRange", "*")))))
                .build());
        ResourceRef vnet = b.resource(Resource.builder("Microsoft.Network/virtualNetworks", NETWORK_API,
                        Expr.format("{0}-vnet", prefix))
                .location(location)
                .properties(Json.obj("addressSpace", Json.obj("addressPrefixes", Json.arr("10.10.0.0/16"))))
                .build());
        ResourceRef subnet = b.resource(Resource.builder("Microsoft.Network/virtualNetworks/subnets", NETWORK_API,
                        ResourceNames.join(List.of(vnet.name(), Expr.str("compute"))))
                .properties(Json.obj(
                        "addressPrefix", "10.10.1.0/24",
                        "networkSecurityGroup", Json.obj("id", nsg.id()),
                        "defaultOutboundAccess", false,
                        "serviceEndpoints", Json.arr(Json.obj("service", "Microsoft.Storage"))))
                .build());
        ResourceRef storage = b.resource(Resource.builder("Microsoft.Storage/storageAccounts", STORAGE_API,
                        storageName)
                .location(location)
                .sku(Json.obj("name", "Standard_ZRS"))
                .kind("StorageV2")
                .properties(Json.obj(
                        "supportsHttpsTrafficOnly", true,
                        "minimumTlsVersion", "TLS1_2",
                        "allowBlobPublicAccess", false,
                        "allowSharedKeyAccess", false,
                        "networkAcls", Json.obj(
                                "defaultAction", "Deny",
                                "bypass", "AzureServices",
                                "virtualNetworkRules", Json.arr(Json.obj("id", subnet.id(), "action", "Allow")))))
                .build());
        Expr roleId = Expr.subscriptionResourceId("Microsoft.Authorization/roleDefinitions",
                Expr.str(BLOB_DATA_CONTRIBUTOR));
        b.resource(Resource.builder("Microsoft.Authorization/roleAssignments", AUTH_API,
                        Expr.guid(storage.id(), groupId, roleId))
                .scope(storage.resourceId().scopeRef())
                .properties(Json.obj(
                        "roleDefinitionId", roleId,
                        "principalId", groupId,
                        "principalType", "Group",
                        "description", "Research data owners read and write blobs."))
                .build());
        b.output(Output.string("storageAccountId", storage.id()));
        b.output(Output.string("computeSubnetId", subnet.id()));
        b.output(Output.string("blobEndpoint", storage.property("primaryEndpoints.blob")));
        return b.build();
    }
}
