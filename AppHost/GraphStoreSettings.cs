using Aspire.Hosting.ApplicationModel;

namespace KnowledgeGraph.AppHost;

/// <summary>
/// Which store the services share. Parameter <c>store</c>: <c>Embedded</c> (default; the SQLite
/// file graph.db in parameter <c>data-path</c>, default the repo's git-ignored <c>.data/</c>) or
/// <c>Neo4j</c> (parameters <c>neo4j-endpoint</c>, <c>neo4j-database</c>, <c>neo4j-user</c> and the
/// secret <c>neo4j-password</c>; see docs/neo4j.md), or <c>Neo4jContainer</c> (a <c>neo4j:5.26</c>
/// container started by the AppHost, where a container runtime exists; parameter <c>neo4j-password</c>).
/// </summary>
internal sealed record GraphStoreSettings(
    string Kind,
    IResourceBuilder<ParameterResource>? DataPath,
    IResourceBuilder<IResourceWithConnectionString>? Neo4j,
    IResourceBuilder<ContainerResource>? Neo4jContainer = null);

internal static class GraphStoreSettingsExtensions
{
    /// <summary>The oldest Neo4j the store supports (explicit transactions in the Query API arrived in 5.26).</summary>
    public const string Neo4jImageTag = "5.26";

    public static GraphStoreSettings AddGraphStoreSettings(this IDistributedApplicationBuilder builder)
    {
        var kind = builder.Configuration["Parameters:store"] ?? "Embedded";
        builder.AddParameter("store", kind);

        if (kind.Equals("Neo4jContainer", StringComparison.OrdinalIgnoreCase))
        {
            var password = builder.AddParameter("neo4j-password", secret: true);
            var container = builder.AddContainer("neo4j-server", "neo4j", Neo4jImageTag)
                .WithHttpEndpoint(targetPort: 7474, name: "http")
                .WithEnvironment("NEO4J_AUTH", ReferenceExpression.Create($"neo4j/{password}"))
                .WithHttpHealthCheck("/", endpointName: "http");
            var connection = builder.AddConnectionString("neo4j",
                ReferenceExpression.Create($"Endpoint={container.GetEndpoint("http")};Database=neo4j;Username=neo4j;{new QuotedConnectionStringPart("Password", password.Resource)}"));
            return new GraphStoreSettings("Neo4j", null, connection, container);
        }

        if (kind.Equals("Neo4j", StringComparison.OrdinalIgnoreCase))
        {
            var endpoint = builder.AddParameter("neo4j-endpoint");
            var database = builder.AddParameter("neo4j-database", "neo4j");
            var user = builder.AddParameter("neo4j-user", "neo4j");
            var password = builder.AddParameter("neo4j-password", secret: true);
            var connection = builder.AddConnectionString("neo4j",
                ReferenceExpression.Create($"Endpoint={endpoint};Database={database};Username={user};{new QuotedConnectionStringPart("Password", password.Resource)}"));
            return new GraphStoreSettings("Neo4j", null, connection);
        }

        var defaultDataPath = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".data"));
        var dataPath = builder.AddParameter("data-path", defaultDataPath);
        return new GraphStoreSettings("Embedded", dataPath, null);
    }
}
