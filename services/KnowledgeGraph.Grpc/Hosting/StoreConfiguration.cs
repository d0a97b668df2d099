using KnowledgeGraph.Store.Neo4j;
using KnowledgeGraph.Store.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Grpc.Hosting;

/// <summary>
/// Chooses the store from configuration: <c>KnowledgeGraph:Store</c> is <c>Embedded</c> (default:
/// the SQLite file <c>graph.db</c> in <c>KnowledgeGraph:DataPath</c>) or <c>Neo4j</c>
/// (<c>ConnectionStrings:neo4j</c>).
/// </summary>
public static class StoreConfiguration
{
    public const string StoreKey = "KnowledgeGraph:Store";
    public const string DataPathKey = "KnowledgeGraph:DataPath";
    public const string Neo4jConnectionName = "neo4j";

    public static IServiceCollection AddGraphStore(this IServiceCollection services, IConfiguration configuration)
    {
        var store = configuration[StoreKey] ?? "Embedded";
        if (store.Equals("Neo4j", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration.GetConnectionString(Neo4jConnectionName);
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException($"{StoreKey} is Neo4j but ConnectionStrings:{Neo4jConnectionName} is not set. See docs/neo4j.md.");
            return services.AddNeo4jGraphStore(connectionString);
        }
        if (!store.Equals("Embedded", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{StoreKey} must be Embedded or Neo4j, not '{store}'.");

        return services.AddSqliteGraphStore(SqliteGraphStoreOptions.FileIn(configuration[DataPathKey]));
    }
}
