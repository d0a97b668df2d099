using KnowledgeGraph.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeGraph.Grpc.Hosting;

/// <summary>Healthy when the store answers a round trip; reports where the store is.</summary>
public sealed class StoreHealthCheck(IGraphStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["location"] = store.Location };
        try
        {
            await store.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy($"Store at {store.Location}", data);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Store at {store.Location} does not answer: {error.Message}", error, data);
        }
    }
}
