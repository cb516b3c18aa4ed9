// OuderBot on Azure for one school board: Azure Container Apps (at least two replicas, scaled on concurrent requests),
// Blob Storage for the state reached with a managed identity (no account keys), Key Vault for the secrets, a container
// registry for the image, and Application Insights through an OpenTelemetry collector. Step by step: ../README.md.
//
//   az deployment group create -g <group> -f BotDeployment/azure/main.bicep -p BotDeployment/azure/main.bicepparam
//
// Without `image` the first run creates everything but the bot itself (the registry must exist before the image can
// be built in it, and the secrets must be in Key Vault before the bot can reference them); run again with `image`.

@description('Short name of the deployment, lower-case letters and digits, used in every resource name, e.g. the board: spoutrecht')
@minLength(3)
@maxLength(12)
param name string

param location string = resourceGroup().location

@description('The bot\'s image in this deployment\'s registry, e.g. spoutrechtacr1a2b3c.azurecr.io/ouderbot:2026-12-01. Empty: everything but the bot.')
param image string = ''

@description('Instances that always run: at least two, so one can restart or be replaced while the other answers.')
@minValue(2)
param minReplicas int = 2

@description('The most instances the scale rule may start.')
@minValue(2)
@maxValue(30)
param maxReplicas int = 6

@description('Concurrent HTTP requests per instance above which another instance starts.')
@minValue(1)
param concurrentRequestsPerReplica int = 40

@description('The Twilio account, AC followed by 32 hex characters (Twilio Console, Account Info). Its auth token goes into Key Vault as twilio-auth-token.')
param twilioAccountSid string

@description('The approved WhatsApp template (HX...) sent instead of a message the bot starts when the parent\'s 24-hour window is closed. Empty: none.')
param whatsAppTemplateSid string = ''

@description('The public host name Twilio calls, when the bot has a custom domain (bot.bestuur.nl). Empty: the Container App\'s own host name.')
param publicHostName string = ''

@description('The ids of the schools that get their own office key (Admin:SchoolKeys:{id}); each key goes into Key Vault as office-key-{id}.')
param schoolKeyIds string[] = []

@description('The board\'s mail server for teacher notices, digests and urgent feedback. Empty: no e-mail.')
param smtpHost string = ''

param smtpPort int = 587

@description('Sender of the bot\'s mail, e.g. OuderBot <ouderbot@bestuur.nl>; required with smtpHost.')
param smtpFrom string = ''

@description('The mail server\'s user name; its password goes into Key Vault as smtp-password. Empty: no login.')
param smtpUsername string = ''

@description('An OTLP endpoint of your own (http://collector:4318). Empty: a collector in this deployment sends to Application Insights.')
param otlpEndpoint string = ''

@description('The OpenTelemetry Collector image that forwards to Application Insights (contrib: it has the azuremonitor exporter).')
param collectorImage string = 'otel/opentelemetry-collector-contrib:0.120.0'

@description('How long Log Analytics keeps the container logs and the telemetry, in days.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Days a deleted or overwritten state document can still be restored (blob soft delete and versions).')
@minValue(1)
@maxValue(365)
param stateRecoveryDays int = 14

@description('Object id of the person or group that puts the secrets into Key Vault (az ad signed-in-user show --query id -o tsv). Empty: grant it yourself.')
param vaultAdminPrincipalId string = ''

@description('Path of the liveness probe.')
param livenessPath string = '/healthz'

@description('Path of the readiness probe: an instance takes traffic only when this answers 200.')
param readinessPath string = '/readyz'

var suffix = take(uniqueString(resourceGroup().id), 6)
var appName = '${name}-ouderbot'
var collectorName = '${name}-otel'
var stateContainer = 'ouderbot'
var useOwnCollector = empty(otlpEndpoint)
var publicBaseUrl = empty(publicHostName) ? 'https://${appName}.${environment.properties.defaultDomain}' : 'https://${publicHostName}'

// Built-in role definitions (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
var acrPull = '7f951dda-4ed3-4680-a7ca-43fe172d538d'

// The bot's identity: pulls the image, reads the secrets, reads and writes the state. A user-assigned identity exists
// (with its roles) before the Container App, so the app's first revision can already pull and resolve its secrets.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-ouderbot-id'
  location: location
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: logRetentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    RetentionInDays: logRetentionDays
  }
}

// The bot's state: one block blob per document. Shared keys are off: only Entra ID (the managed identity) gets in.
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: '${name}state${suffix}'
  location: location
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    // Parents' and children's data: a deleted or overwritten document stays recoverable for a while, then is gone
    // (the bot's own retention decides what is kept; see README "Privacy (AVG)").
    deleteRetentionPolicy: { enabled: true, days: stateRecoveryDays }
    containerDeleteRetentionPolicy: { enabled: true, days: stateRecoveryDays }
    isVersioningEnabled: true
  }
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: stateContainer
  properties: { publicAccess: 'None' }
}

// Old versions go after the recovery period, so versioning does not keep erased data for ever.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-old-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: { blobTypes: ['blockBlob'] }
            actions: { version: { delete: { daysAfterCreationGreaterThan: stateRecoveryDays } } }
          }
        }
      ]
    }
  }
}

resource stateAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageBlobDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${name}-kv-${suffix}'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource secretsRead 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource secretsWrite 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(vaultAdminPrincipalId)) {
  name: guid(vault.id, vaultAdminPrincipalId, keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
    principalId: vaultAdminPrincipalId
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: '${name}acr${suffix}'
  location: location
  sku: { name: 'Basic' }
  properties: { adminUserEnabled: false }
}

resource imagePull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identity.id, acrPull)
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPull)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource environment 'Microsoft.App/managedEnvironments@2025-01-01' = {
  name: '${name}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
    workloadProfiles: [{ name: 'Consumption', workloadProfileType: 'Consumption' }]
  }
}

module collector 'otel-collector.bicep' = if (useOwnCollector) {
  name: 'otel-collector'
  params: {
    name: collectorName
    location: location
    environmentId: environment.id
    image: collectorImage
    connectionString: insights.properties.ConnectionString
  }
}

// Key Vault references: the app reads each secret with its identity; rotating one is a new secret version and a restart.
var vaultSecrets = concat(
  [
    { name: 'twilio-auth-token', keyVaultUrl: '${vault.properties.vaultUri}secrets/twilio-auth-token', identity: identity.id }
    { name: 'office-key-board', keyVaultUrl: '${vault.properties.vaultUri}secrets/office-key-board', identity: identity.id }
    { name: 'digest-signing-key', keyVaultUrl: '${vault.properties.vaultUri}secrets/digest-signing-key', identity: identity.id }
    { name: 'booking-link-key', keyVaultUrl: '${vault.properties.vaultUri}secrets/booking-link-key', identity: identity.id }
  ],
  empty(smtpUsername) ? [] : [{ name: 'smtp-password', keyVaultUrl: '${vault.properties.vaultUri}secrets/smtp-password', identity: identity.id }],
  map(schoolKeyIds, id => { name: 'office-key-${id}', keyVaultUrl: '${vault.properties.vaultUri}secrets/office-key-${id}', identity: identity.id })
)

// The bot's configuration: environment variables, `__` for `:` (README "Interfaces", "Storage", "Twilio").
// A test (tests/OuderBot.Tests/Deployment) checks that each name is a key the code reads.
var botSettings = concat(
  [
    { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
    { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
    { name: 'Storage__Provider', value: 'AzureBlob' }
    { name: 'Storage__BlobServiceUri', value: storage.properties.primaryEndpoints.blob }
    { name: 'Storage__Container', value: container.name }
    { name: 'School__Path', value: '/app/schools' }
    { name: 'LocalChannel__Enabled', value: 'false' }
    { name: 'Twilio__AccountSid', value: twilioAccountSid }
    { name: 'Twilio__AuthToken', secretRef: 'twilio-auth-token' }
    { name: 'Twilio__PublicBaseUrl', value: publicBaseUrl }
    { name: 'Twilio__WhatsAppTemplateSid', value: whatsAppTemplateSid }
    { name: 'Admin__ApiKey', secretRef: 'office-key-board' }
    { name: 'Digest__SigningKey', secretRef: 'digest-signing-key' }
    { name: 'Booking__LinkKey', secretRef: 'booking-link-key' }
    { name: 'OTEL_SERVICE_NAME', value: 'ouderbot' }
    { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: useOwnCollector ? 'http://${collectorName}' : otlpEndpoint }
    { name: 'OTEL_EXPORTER_OTLP_PROTOCOL', value: 'http/protobuf' }
  ],
  empty(smtpHost) ? [] : [
    { name: 'Smtp__Host', value: smtpHost }
    { name: 'Smtp__Port', value: string(smtpPort) }
    { name: 'Smtp__From', value: smtpFrom }
  ],
  empty(smtpUsername) ? [] : [
    { name: 'Smtp__Username', value: smtpUsername }
    { name: 'Smtp__Password', secretRef: 'smtp-password' }
  ],
  map(schoolKeyIds, id => { name: 'Admin__SchoolKeys__${id}', secretRef: 'office-key-${id}' })
)

resource app 'Microsoft.App/containerApps@2025-01-01' = if (!empty(image)) {
  name: appName
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  dependsOn: [stateAccess, secretsRead, imagePull]
  properties: {
    environmentId: environment.id
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 8080
        transport: 'http'
        allowInsecure: false
      }
      registries: [{ server: registry.properties.loginServer, identity: identity.id }]
      secrets: vaultSecrets
    }
    template: {
      // SIGTERM first: an instance finishes its turns in flight and releases its claims before it is stopped.
      terminationGracePeriodSeconds: 60
      containers: [
        {
          name: 'ouderbot'
          image: image
          resources: { cpu: json('0.5'), memory: '1Gi' }
          env: botSettings
          probes: [
            { type: 'Startup', httpGet: { path: livenessPath, port: 8080 }, periodSeconds: 5, failureThreshold: 30 }
            { type: 'Liveness', httpGet: { path: livenessPath, port: 8080 }, periodSeconds: 15, failureThreshold: 3 }
            { type: 'Readiness', httpGet: { path: readinessPath, port: 8080 }, periodSeconds: 5, failureThreshold: 2 }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'concurrent-requests'
            http: { metadata: { concurrentRequests: string(concurrentRequestsPerReplica) } }
          }
        ]
      }
    }
  }
}

@description('Where Twilio sends incoming messages (paste into the number\'s and the WhatsApp sender\'s webhook).')
output messagesWebhook string = '${publicBaseUrl}/api/twilio/messages'

@description('Twilio\'s status callbacks (the bot sends this URL with every message; a Messaging Service may use it too).')
output statusCallback string = '${publicBaseUrl}/api/twilio/status'

output appHostName string = empty(image) ? '' : app!.properties.configuration.ingress.fqdn
output registryName string = registry.name
output registryLoginServer string = registry.properties.loginServer
output keyVaultName string = vault.name
output storageAccountName string = storage.name
output applicationInsightsName string = insights.name
