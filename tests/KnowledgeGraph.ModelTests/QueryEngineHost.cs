using KnowledgeGraph.Application.Projection;
using KnowledgeGraph.Application.Queries;
using KnowledgeGraph.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.ModelTests;

/// <summary>The Queries service's application core over a store, with its projection feed started when that is the engine.</summary>
public sealed class QueryEngineHost(ServiceProvider services, ProjectionFeed? feed) : IAsyncDisposable
{
    public QueryHandler Queries { get; } = services.GetRequiredService<QueryHandler>();

    /// <summary>The projection's feed (null on the store engine): its progress is what the health check reports.</summary>
    public ProjectionFeed? Feed => feed;

    /// <summary>Builds the core with <paramref name="kind"/> as its engine and the query settings given (keys under KnowledgeGraph:Queries).</summary>
    public static async Task<QueryEngineHost> StartAsync(IGraphStore store, QueryEngineKind kind, IReadOnlyDictionary<string, string>? querySettings = null)
    {
        var settings = new Dictionary<string, string?> { [$"{QueryOptions.Section}:Engine"] = kind.ToString() };
        foreach (var (key, value) in querySettings ?? new Dictionary<string, string>()) settings[$"{QueryOptions.Section}:{key}"] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(store).AddKnowledgeGraphApplication(configuration).AddKnowledgeGraphQueries(configuration).BuildServiceProvider();
        var feed = kind == QueryEngineKind.Projection ? services.GetRequiredService<ProjectionFeed>() : null;
        if (feed is not null) await feed.StartAsync(CancellationToken.None);
        return new QueryEngineHost(services, feed);
    }

    public async ValueTask DisposeAsync()
    {
        if (feed is not null) await feed.StopAsync(CancellationToken.None);
        await services.DisposeAsync();
    }
}
