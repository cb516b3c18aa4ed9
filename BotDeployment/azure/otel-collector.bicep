// An OpenTelemetry Collector beside the bot, in the same Container Apps environment and reachable only from it:
// it receives the bot's traces, metrics and logs over OTLP/HTTP (port 4318) and sends them to Application Insights.

param name string
param location string
param environmentId string
param image string

@secure()
@description('The Application Insights connection string.')
param connectionString string

// The collector's configuration, handed over in an environment variable (--config=env:COLLECTOR_CONFIG).
var collectorConfig = '''
receivers:
  otlp:
    protocols:
      http:
        endpoint: 0.0.0.0:4318
processors:
  batch: {}
exporters:
  azuremonitor:
    connection_string: ${env:APPLICATIONINSIGHTS_CONNECTION_STRING}
service:
  pipelines:
    traces: { receivers: [otlp], processors: [batch], exporters: [azuremonitor] }
    metrics: { receivers: [otlp], processors: [batch], exporters: [azuremonitor] }
    logs: { receivers: [otlp], processors: [batch], exporters: [azuremonitor] }
'''

resource collector 'Microsoft.App/containerApps@2025-01-01' = {
  name: name
  location: location
  properties: {
    environmentId: environmentId
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: false
        targetPort: 4318
        transport: 'http'
        allowInsecure: true
      }
      secrets: [{ name: 'appinsights-connection-string', value: connectionString }]
    }
    template: {
      containers: [
        {
          name: 'otel-collector'
          image: image
          args: ['--config=env:COLLECTOR_CONFIG']
          resources: { cpu: json('0.25'), memory: '0.5Gi' }
          env: [
            { name: 'COLLECTOR_CONFIG', value: collectorConfig }
            { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', secretRef: 'appinsights-connection-string' }
          ]
        }
      ]
      scale: { minReplicas: 1, maxReplicas: 2 }
    }
  }
}
