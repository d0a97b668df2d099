namespace KnowledgeGraph.Store.Neo4j.Tests.Conformance;

/// <summary>The Neo4j server the conformance and EXPLAIN tests run against: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE.</summary>
internal static class RealServer
{
    private static readonly string? Uri = Environment.GetEnvironmentVariable("NEO4J_URI");

    public static string? SkipReason => string.IsNullOrWhiteSpace(Uri)
        ? "NEO4J_URI is not set: no Neo4j server to run against (the GitHub workflow neo4j.yml sets it)"
        : null;

    public static Neo4jStoreOptions Options() => new()
    {
        Endpoint = new Uri(Uri!),
        Database = Environment.GetEnvironmentVariable("NEO4J_DATABASE") is { Length: > 0 } database ? database : "neo4j",
        Username = Environment.GetEnvironmentVariable("NEO4J_USER") is { Length: > 0 } user ? user : null,
        Password = Environment.GetEnvironmentVariable("NEO4J_PASSWORD"),
    };
}
