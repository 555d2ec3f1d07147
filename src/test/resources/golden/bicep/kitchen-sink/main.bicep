// kitchen sink
targetScope = 'resourceGroup'

metadata owner = 'research-computing'

@description('Region; it\'s the resource group\'s unless given.')
param location string = resourceGroup().location

@description('Break-glass password (from Key Vault).')
@secure()
@minLength(12)
param adminPassword string

@minValue(1)
@maxValue(16)
param nodeCount int = 2

@description('Access tier.')
@metadata({
  group: 'storage'
})
@allowed([
  'Hot'
  'Cool'
])
param tier string = 'Hot'

param enableLogs bool = true

param principalId string

var prefix = 'hpc-${toLower(tier)}'

var accountName = take('stkitchen${uniqueString(resourceGroup().id)}', 24)

var tricky = 'it\'s a \\ back-slash, a \${not-interpolated} dollar,\na new line and a [[bracket'

var ratio = json('0.75')

var emptyVar = {}

var list = [
  1
  'two'
  {
    three: 3
  }
]

var notBoth = (enableLogs && !(tier == 'Cool') && (true || false))

resource vnetHub 'Microsoft.Network/virtualNetworks@2025-07-01' existing = {
  scope: resourceGroup('rg-network')
  name: 'vnet-hub'
}

resource account 'Microsoft.Storage/storageAccounts@2026-04-01' = {
  name: accountName
  location: location
  tags: {
    'hpcb-blueprint': 'kitchen-sink'
    'cost-${prefix}': 'shared'
  }
  sku: {
    name: 'Standard_ZRS'
  }
  kind: 'StorageV2'
  properties: {
    accessTier: tier
    minimumTlsVersion: 'TLS1_2'
    networkAcls: {
      defaultAction: 'Deny'
      virtualNetworkRules: [
        {
          id: '${vnetHub.id}/subnets/compute'
        }
      ]
    }
  }
}

resource accountDefault 'Microsoft.Storage/storageAccounts/blobServices@2026-04-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

@batchSize(2)
resource accountDefaultNode 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-04-01' = [for i in range(0, nodeCount): {
  parent: accountDefault
  name: 'node-${(i + 1)}'
  properties: {
    publicAccess: 'None'
    metadata: {
      index: string(i)
    }
  }
}]

resource vnetKitchen 'Microsoft.Network/virtualNetworks@2025-07-01' = {
  name: 'vnet-kitchen'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.1.0.0/16'
      ]
    }
  }
}

resource vnetKitchenCompute 'Microsoft.Network/virtualNetworks/subnets@2025-07-01' = {
  parent: vnetKitchen
  name: 'compute'
  properties: {
    addressPrefix: '10.1.0.0/24'
  }
}

resource idKitchen 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = if (notBoth) {
  name: 'id-kitchen'
  location: location
}

resource accountRoleForPrincipal 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: account
  name: guid(account.id, principalId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: principalId
    principalType: ((tier == 'Hot') ? 'ServicePrincipal' : 'Group')
    description: 'Reads ${accountName}; ratio ${string(ratio)}'
  }
  dependsOn: [
    idKitchen
  ]
}

module grantNetwork 'modules/grant-network.bicep' = {
  name: 'grant-network'
  scope: resourceGroup('rg-network')
  params: {
    principalId: principalId
  }
}

resource default 'Microsoft.Resources/tags@2025-04-01' = {
  name: 'default'
  properties: {
    tags: {
      ratio: string(ratio)
      tricky: tricky
    }
  }
  dependsOn: [
    grantNetwork
  ]
}

output accountId string = account.id

output blobEndpoint string = account.properties.primaryEndpoints.blob

output identityPrincipal string? = notBoth ? idKitchen.properties.principalId : null

output assignment string = grantNetwork.outputs.assignment

output containerNames array = [for i in range(0, nodeCount): 'node-${(i + 1)}']
