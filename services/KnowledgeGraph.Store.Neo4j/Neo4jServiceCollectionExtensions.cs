using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeGraph.Store.Neo4j;

public static class Neo4jServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient the store uses (resilience and telemetry handlers can be added to it).</summary>
    public const string HttpClientName = "KnowledgeGraph.Store.Neo4j";

    /// <summary>
    /// Registers <see cref="Neo4jGraphStore"/> as the <see cref="IGraphStore"/> singleton, reached with
    /// <paramref name="connectionString"/> (<c>ConnectionStrings:neo4j</c>; see <see cref="Neo4jStoreOptions.Parse"/>).
    /// The connection string is parsed now, so a malformed one fails at start-up.
    /// </summary>
    public static IServiceCollection AddNeo4jGraphStore(this IServiceCollection services, string connectionString)
    {
        var options = Neo4jStoreOptions.Parse(connectionString);
        services.TryAddSingleton(options);
        services.TryAddSingleton(new GraphValidator(GraphOntology.Default));
        services.TryAddSingleton(TimeProvider.System);
        // The transport enforces its own per-request timeout.
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<Neo4jGraphStore>(sp => new Neo4jGraphStore(
            sp.GetRequiredService<Neo4jStoreOptions>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<GraphValidator>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IGraphStore>(sp => sp.GetRequiredService<Neo4jGraphStore>());
        return services;
    }
}
