using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.Store.Conformance;

namespace KnowledgeGraph.Store.Neo4j.Tests.Conformance;

/// <summary>
/// The store conformance suite against a real Neo4j server, when <c>NEO4J_URI</c> points at one (the
/// HTTP(S) endpoint of the Query API, for example http://localhost:7474), with <c>NEO4J_USER</c>,
/// <c>NEO4J_PASSWORD</c> and optionally <c>NEO4J_DATABASE</c> (default neo4j). Each test starts from
/// an empty graph: the database is wiped (MATCH (n) DETACH DELETE n) before it, so point these
/// variables at a database kept for tests. Without NEO4J_URI every test is skipped with the reason.
/// </summary>
public sealed class Neo4jConformanceTests : GraphStoreConformanceTests, IDisposable
{
    private static readonly string? Uri = Environment.GetEnvironmentVariable("NEO4J_URI");
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    protected override string? SkipReason => string.IsNullOrWhiteSpace(Uri)
        ? "NEO4J_URI is not set: no Neo4j server to run the conformance suite against"
        : null;

    protected override async Task<IGraphStore> CreateEmptyStoreAsync()
    {
        var options = new Neo4jStoreOptions
        {
            Endpoint = new Uri(Uri!),
            Database = Environment.GetEnvironmentVariable("NEO4J_DATABASE") is { Length: > 0 } database ? database : "neo4j",
            Username = Environment.GetEnvironmentVariable("NEO4J_USER") is { Length: > 0 } user ? user : null,
            Password = Environment.GetEnvironmentVariable("NEO4J_PASSWORD"),
        };
        var store = new Neo4jGraphStore(options, _http, new GraphValidator(GraphOntology.Default));
        await store.InitializeAsync(None);
        await store.DeleteEverythingAsync(None);
        return store;
    }

    public void Dispose() => _http.Dispose();
}
