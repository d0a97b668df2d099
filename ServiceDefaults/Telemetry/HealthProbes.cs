using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace KnowledgeGraph.ServiceDefaults.Telemetry;

/// <summary>
/// Requests that only ask whether a service is up: <c>/health</c>, <c>/alive</c> and the standard gRPC health
/// service. The AppHost and orchestrators send them every few seconds, so tracing them would bury the real
/// requests on the dashboard's Traces page (as eShop's and the Aspire template's ServiceDefaults filter them).
/// </summary>
public static class HealthProbes
{
    public const string GrpcHealthServicePath = "/grpc.health.v1.Health";

    public static bool IsProbe(HttpContext context) =>
        context.Request.Path.StartsWithSegments(ServiceDefaultsExtensions.HealthPath)
        || context.Request.Path.StartsWithSegments(ServiceDefaultsExtensions.AlivePath)
        || context.Request.Path.StartsWithSegments(GrpcHealthServicePath);
}
