using KnowledgeGraph.Domain;
using KnowledgeGraph.V1;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using static KnowledgeGraph.Store.Conformance.GraphBuilders;
using static KnowledgeGraph.Store.Conformance.StoreSessions;

namespace KnowledgeGraph.Store.Sqlite.Tests;

/// <summary>A bulk import into a nearly empty table builds its secondary indexes once, after the quiet period that follows its last call; a file left without them gets them back.</summary>
public sealed class SqliteBulkImportTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task A_bulk_import_into_an_empty_store_builds_the_adjacency_indexes_once_its_quiet_period_has_passed_and_reads_stay_right_meanwhile()
    {
        var time = new FakeTimeProvider();
        var store = _database.OpenStore(time: time);
        await CommitAsync(store, unit =>
        {
            unit.Insert(Stored(Country("japan", "Japan")));
            unit.Insert(Stored(Country("qatar", "Qatar")));
        });

        await using (await store.BeginBulkImportAsync(ResourceNames.RelationshipsCollection, None))
        {
            Assert.DoesNotContain("relationships_by_source", Indexes());
            Assert.DoesNotContain("relationships_by_target", Indexes());
            await CommitAsync(store, unit => unit.Insert(Stored(Supplies("qatar-japan", "qatar", "japan", 0.2))));
            Assert.Single(await ReadAsync(store, s => s.ListRelationshipsAsync(new RelationshipListQuery(null, null, null, E("qatar"), Direction.Outgoing, null, 10), None)));
        }

        Assert.Equal(["relationships_by_source", "relationships_by_target"], await store.MissingSecondaryIndexesAsync(None));
        time.Advance(QuietPeriod - TimeSpan.FromMilliseconds(1));
        Assert.DoesNotContain("relationships_by_source", Indexes());

        time.Advance(TimeSpan.FromMilliseconds(1));
        await BuiltAsync(store);
        Assert.Contains("relationships_by_source", Indexes());
        Assert.Contains("relationships_by_target", Indexes());
        Assert.Contains("entities_by_kind", Indexes());
        Assert.Single(await ReadAsync(store, s => s.ListRelationshipsAsync(new RelationshipListQuery(null, null, null, E("japan"), Direction.Incoming, null, 10), None)));
    }

    [Fact]
    public async Task The_next_call_of_a_large_import_within_the_quiet_period_keeps_the_indexes_deferred_though_the_table_is_no_longer_nearly_empty()
    {
        var time = new FakeTimeProvider();
        var store = _database.OpenStore(time: time);
        await store.InitializeAsync(None);

        await using (await store.BeginBulkImportAsync(ResourceNames.EntitiesCollection, None))
            await CommitAsync(store, unit =>
            {
                for (var i = 0; i < DeferredIndexes.NearlyEmptyRows; i++) unit.Insert(Stored(Country($"country-{i}", $"Country {i}")));
            });
        time.Advance(QuietPeriod / 2);

        await using (await store.BeginBulkImportAsync(ResourceNames.EntitiesCollection, None))
        {
            Assert.DoesNotContain("entities_by_kind", Indexes());
            time.Advance(QuietPeriod);
            Assert.DoesNotContain("entities_by_kind", Indexes());
        }
        time.Advance(QuietPeriod - TimeSpan.FromMilliseconds(1));
        Assert.DoesNotContain("entities_by_kind", Indexes());

        time.Advance(TimeSpan.FromMilliseconds(1));
        await BuiltAsync(store);
        Assert.Contains("entities_by_kind", Indexes());
    }

    [Fact]
    public async Task A_store_that_closes_within_the_quiet_period_builds_the_deferred_indexes_as_it_closes()
    {
        var store = _database.OpenStore(time: new FakeTimeProvider());
        await store.InitializeAsync(None);
        await using (await store.BeginBulkImportAsync(ResourceNames.RelationshipsCollection, None))
            Assert.DoesNotContain("relationships_by_source", Indexes());

        store.Dispose();

        Assert.Contains("relationships_by_source", Indexes());
        Assert.Contains("relationships_by_target", Indexes());
    }

    [Fact]
    public async Task A_bulk_import_into_a_table_that_is_not_nearly_empty_keeps_its_indexes()
    {
        var store = _database.OpenStore();
        await CommitAsync(store, unit =>
        {
            for (var i = 0; i < DeferredIndexes.NearlyEmptyRows; i++) unit.Insert(Stored(Country($"country-{i}", $"Country {i}")));
        });

        await using (await store.BeginBulkImportAsync(ResourceNames.EntitiesCollection, None))
            Assert.Contains("entities_by_kind", Indexes());
    }

    [Fact]
    public async Task Two_bulk_imports_at_once_rebuild_the_indexes_when_the_last_one_ends()
    {
        var store = _database.OpenStore(new SqliteGraphStoreOptions(_database.FilePath) { BulkImportQuietPeriod = TimeSpan.Zero });
        await store.InitializeAsync(None);

        var first = await store.BeginBulkImportAsync(ResourceNames.EntitiesCollection, None);
        var second = await store.BeginBulkImportAsync(ResourceNames.EntitiesCollection, None);
        await first.DisposeAsync();
        Assert.DoesNotContain("entities_by_kind", Indexes());
        await second.DisposeAsync();

        Assert.Contains("entities_by_kind", Indexes());
    }

    [Fact]
    public async Task A_file_whose_import_stopped_before_rebuilding_its_indexes_gets_them_back_when_a_store_opens_it()
    {
        await _database.OpenStore().InitializeAsync(None);
        using (var connection = _database.OpenConnection())
        using (var drop = connection.CreateCommand())
        {
            drop.CommandText = "DROP INDEX relationships_by_source; DROP INDEX entities_by_kind;";
            drop.ExecuteNonQuery();
        }

        await _database.OpenStore().InitializeAsync(None);

        Assert.Contains("relationships_by_source", Indexes());
        Assert.Contains("entities_by_kind", Indexes());
    }

    private static readonly TimeSpan QuietPeriod = new SqliteGraphStoreOptions("unused").BulkImportQuietPeriod;

    /// <summary>Waits (a bounded while) for the rebuild the quiet period's end started in the background.</summary>
    private static async Task BuiltAsync(SqliteGraphStore store)
    {
        for (var waited = 0; waited < 200 && (await store.MissingSecondaryIndexesAsync(None)).Count > 0; waited++) await Task.Delay(50);
    }

    private List<string> Indexes()
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%';";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    public void Dispose() => _database.Dispose();
}
