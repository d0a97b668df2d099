using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Store.Conformance;

namespace KnowledgeGraph.Store.Neo4j.Tests.Conformance;

/// <summary>
/// The store conformance suite against a real Neo4j server, when <c>NEO4J_URI</c> points at one (the
/// HTTP(S) endpoint of the Query API, for example http://localhost:7474), with <c>NEO4J_USER</c>,
/// <c>NEO4J_PASSWORD</c> and optionally <c>NEO4J_DATABASE</c> (default neo4j). Each test starts from
/// an empty graph: the store's nodes are deleted before it, so point these variables at a database
/// kept for tests. Without NEO4J_URI every test is skipped with the reason.
/// </summary>
public sealed class Neo4jConformanceTests : GraphStoreConformanceTests, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    protected override string? SkipReason => RealServer.SkipReason;

    protected override bool ConsistencyTokensExpire => false;

    protected override async Task<IGraphStore> CreateEmptyStoreAsync()
    {
        var store = new Neo4jGraphStore(RealServer.Options(), _http, GraphOntology.Default);
        await store.InitializeAsync(None);
        await store.ClearAsync(None);
        return store;
    }

    public void Dispose() => _http.Dispose();
}
