// kitchen sink
using './main.bicep'

param tier = 'Cool'

param nodeCount = 4

param adminPassword = az.getSecret('00000000-0000-0000-0000-000000000001', 'rg-secrets', 'kv-hpc', 'admin-password')

// set HPCB_PRINCIPAL_ID before deploying
param principalId = readEnvironmentVariable('HPCB_PRINCIPAL_ID')
