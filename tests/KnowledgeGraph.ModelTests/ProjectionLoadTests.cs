using KnowledgeGraph.Application.Projection;
using KnowledgeGraph.Application.Queries;
using KnowledgeGraph.Store;
using KnowledgeGraph.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;
using static KnowledgeGraph.Store.Conformance.GraphBuilders;
using static KnowledgeGraph.Store.Conformance.StoreSessions;

namespace KnowledgeGraph.ModelTests;

/// <summary>
/// The projection reads the store's pages on one core while it adds the page before on the other.
/// A failure on either side, the read (a body the store cannot parse) or the add (a type the
/// ontology does not know), stops both and is reported by the feed's health, even when the reader
/// is pages ahead and waiting for room.
/// </summary>
public sealed class ProjectionLoadTests : IDisposable
{
    /// <summary>More than the three pages (of 5,000) the reader may hold ahead of the loader.</summary>
    private const int Relationships = 16_000;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kg-model-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_folder, "graph.db");

    [Fact]
    public async Task A_graph_of_many_pages_loads_whole()
    {
        using var store = await StoreWithManyRelationshipsAsync("SUPPLIES");

        var progress = await LoadAsync(store, p => p.Phase == ProjectionPhase.Ready);

        Assert.Equal((2, Relationships + 1), (progress.Entities, progress.Relationships));
    }

    [Fact]
    public async Task A_relationship_type_the_ontology_does_not_know_fails_the_load_and_says_which()
    {
        using var store = await StoreWithManyRelationshipsAsync("NOT_A_TYPE");

        var progress = await LoadAsync(store, p => p.Phase == ProjectionPhase.Failed);

        Assert.Contains("relationships/a-first", progress.Problem);
        Assert.Contains("NOT_A_TYPE", progress.Problem);
    }

    [Fact]
    public async Task A_body_the_store_cannot_read_fails_the_load()
    {
        using (var store = await StoreWithManyRelationshipsAsync("SUPPLIES")) { }
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var corrupt = connection.CreateCommand();
            corrupt.CommandText = "UPDATE relationships SET body = x'ffffffff' WHERE id = 'r15000'";
            Assert.Equal(1, await corrupt.ExecuteNonQueryAsync());
        }
        using var reopened = new SqliteGraphStore(new SqliteGraphStoreOptions(DatabasePath));

        var progress = await LoadAsync(reopened, p => p.Phase == ProjectionPhase.Failed);

        Assert.False(string.IsNullOrEmpty(progress.Problem));
    }

    /// <summary>Two companies, <c>a-first</c> of <paramref name="firstType"/> (first in name order), then 16,000 SUPPLIES.</summary>
    private async Task<SqliteGraphStore> StoreWithManyRelationshipsAsync(string firstType)
    {
        var store = new SqliteGraphStore(new SqliteGraphStoreOptions(DatabasePath));
        await CommitAsync(store, unit =>
        {
            unit.Insert(Stored(Company("a", "A")));
            unit.Insert(Stored(Company("b", "B")));
            unit.Insert(Stored(Relationship("a-first", firstType, "a", "b")));
            for (var i = 0; i < Relationships; i++) unit.Insert(Stored(Supplies($"r{i:00000}", "a", "b", 0.5)));
        });
        return store;
    }

    private static async Task<ProjectionProgress> LoadAsync(IGraphStore store, Func<ProjectionProgress, bool> until)
    {
        await using var host = await QueryEngineHost.StartAsync(store, QueryEngineKind.Projection);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!until(host.Feed!.Progress))
            await Task.Delay(20, timeout.Token);
        return host.Feed.Progress;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
