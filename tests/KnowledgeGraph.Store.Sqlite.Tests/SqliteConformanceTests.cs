using KnowledgeGraph.Store.Conformance;

namespace KnowledgeGraph.Store.Sqlite.Tests;

/// <summary>The store conformance suite against the embedded store, on a fresh file per test.</summary>
public sealed class SqliteConformanceTests : GraphStoreConformanceTests, IDisposable
{
    private readonly TempDatabase _database = new();

    protected override async Task<IGraphStore> CreateEmptyStoreAsync()
    {
        var store = _database.OpenStore();
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    protected override string? FutureConsistencyToken(string issuedToken) =>
        ConsistencyToken.Format(ConsistencyToken.Parse(issuedToken) + 1_000_000);

    public void Dispose() => _database.Dispose();
}
