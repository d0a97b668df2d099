using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeGraph.Application.Projection;

/// <summary>
/// The Queries service is ready once its projection is loaded: until then its health says how far
/// the load has got, which the Aspire dashboard shows as the service's state.
/// </summary>
public sealed class ProjectionHealthCheck(ProjectionFeed feed) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var progress = feed.Progress;
        var data = new Dictionary<string, object>
        {
            ["phase"] = progress.Phase.ToString(),
            ["entities"] = progress.Entities,
            ["relationships"] = progress.Relationships,
            ["position"] = progress.Position,
            ["elapsed_seconds"] = Math.Round(progress.Elapsed.TotalSeconds, 1),
        };
        return Task.FromResult(progress.Phase == ProjectionPhase.Ready
            ? HealthCheckResult.Healthy($"Projection {progress}", data)
            : HealthCheckResult.Unhealthy($"Projection {progress}", data: data));
    }
}
