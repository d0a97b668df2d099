using KnowledgeGraph.Application.Projection;
using KnowledgeGraph.Application.Queries;
using KnowledgeGraph.Application.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class QueriesServiceCollectionExtensions
{
    /// <summary>
    /// What the Queries service adds to the application core: the query handler and its engine,
    /// chosen by <c>KnowledgeGraph:Queries:Engine</c> — the in-memory projection (default: loaded at
    /// start, followed from the change feed, its progress reported by the <c>projection</c> health
    /// check) or the store itself.
    /// </summary>
    public static IServiceCollection AddKnowledgeGraphQueries(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<QueryHandler>();
        var engine = configuration.GetSection(QueryOptions.Section).GetValue(nameof(QueryOptions.Engine), QueryEngineKind.Projection);
        if (engine == QueryEngineKind.Store)
        {
            services.TryAddSingleton<IQueryEngine, StoreQueryEngine>();
            return services;
        }
        services.TryAddSingleton(sp => new EvidenceCache(sp.GetRequiredService<IOptions<QueryOptions>>().Value.EvidenceCacheMegabytes * 1024L * 1024));
        services.TryAddSingleton<ProjectionFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<ProjectionFeed>());
        services.AddSingleton<IGraphSizeSource>(sp => sp.GetRequiredService<ProjectionFeed>());
        services.TryAddSingleton<IQueryEngine, ProjectionEngine>();
        services.AddHealthChecks().AddCheck<ProjectionHealthCheck>("projection");
        return services;
    }
}
