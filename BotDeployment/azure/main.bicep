// OuderBot on Azure: a storage account for the bot's state and a Linux App Service that runs the container image.
// Deploy: az deployment group create -g <group> -f BotDeployment/azure/main.bicep -p image=<registry>/ouderbot:<tag> adminApiKey=<key>
@description('Short name used for the resources, e.g. the school: dedriehoek')
param name string

param location string = resourceGroup().location

@description('The container image built from BotDeployment/Dockerfile')
param image string

@secure()
@description('The school office key for /api/admin/* (header X-Api-Key)')
param adminApiKey string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: toLower('${take(replace(name, '-', ''), 14)}state${take(uniqueString(resourceGroup().id), 6)}')
  location: location
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    // Parents' and children's data: keep deleted state recoverable for a week.
    deleteRetentionPolicy: { enabled: true, days: 7 }
  }
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: 'ouderbot'
  properties: { publicAccess: 'None' }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: { name: 'B1' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: '${name}-ouderbot'
  location: location
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'DOCKER|${image}'
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      appSettings: [
        { name: 'WEBSITES_PORT', value: '8080' }
        { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
        { name: 'LocalChannel__Enabled', value: 'false' }
        { name: 'Storage__Provider', value: 'AzureBlob' }
        { name: 'Storage__Container', value: container.name }
        { name: 'Storage__ConnectionString', value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}' }
        { name: 'Admin__ApiKey', value: adminApiKey }
      ]
    }
  }
}

output url string = 'https://${app.properties.defaultHostName}'
