using KnowledgeGraph.Domain.Ontology;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;

namespace KnowledgeGraph.Store.Neo4j;

public static class Neo4jServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient the store uses.</summary>
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
        services.TryAddSingleton(GraphOntology.Default);
        // The hosts' ConfigureHttpClientDefaults adds the standard resilience handler to every client. On
        // this one it would cut a transaction at 10 s and resend POST /tx/{id} and commits, running a
        // statement twice or reporting a committed write as failed. The transport times each attempt
        // itself and retries only what is idempotent. Named-client configuration runs after the
        // defaults, so this removal wins whatever the registration order.
        // RemoveAllResilienceHandlers is marked experimental (EXTEXP0001); HttpClientResilienceTests pins its effect.
#pragma warning disable EXTEXP0001
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        services.TryAddSingleton<Neo4jGraphStore>(sp => new Neo4jGraphStore(
            sp.GetRequiredService<Neo4jStoreOptions>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<GraphOntology>()));
        services.TryAddSingleton<IGraphStore>(sp => sp.GetRequiredService<Neo4jGraphStore>());
        return services;
    }
}
