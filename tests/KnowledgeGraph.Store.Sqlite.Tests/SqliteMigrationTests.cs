using KnowledgeGraph.Store.Sqlite.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using static KnowledgeGraph.Store.Conformance.GraphBuilders;
using static KnowledgeGraph.Store.Conformance.StoreSessions;

namespace KnowledgeGraph.Store.Sqlite.Tests;

public sealed class SqliteMigrationTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task A_file_at_an_older_schema_version_is_migrated_forward_and_keeps_its_data()
    {
        var database = new SqliteDatabase(new SqliteGraphStoreOptions(_database.FilePath), NullLogger.Instance);
        await database.MigrateAsync(1, None);
        var japan = Stored(Country("japan", "Japan"));
        await using (var write = await database.BeginWriteAsync(None))
        {
            await EntityTable.InsertAsync(write.Session, japan, None);
            await ChangeLog.AppendAsync(write.Session, ChangeLog.Create, japan.Name, DateTimeOffset.UtcNow, None);
            await write.CommitAsync(None);
        }
        Assert.Equal(1L, UserVersion());

        var store = _database.OpenStore();
        await store.InitializeAsync(None);

        Assert.Equal((long)SchemaMigrations.LatestVersion, UserVersion());
        Assert.Equal([japan], await ReadAsync(store, s => s.GetEntitiesAsync([E("japan")], None)));
        // Version 2 brought the request log.
        await CommitAsync(store, unit => unit.RecordRequest("req-1", "CreateEntity", [1, 2, 3]));
        await using var unit = await store.BeginAsync(ReadConsistency.None, None);
        Assert.Equal("CreateEntity", (await unit.FindRequestAsync("req-1", None))?.Method);
    }

    [Fact]
    public async Task A_version_2_file_gains_the_request_time_index_and_retention_prunes_its_old_records()
    {
        var database = new SqliteDatabase(new SqliteGraphStoreOptions(_database.FilePath), NullLogger.Instance);
        await database.MigrateAsync(2, None);
        var longAgo = DateTimeOffset.UtcNow.AddDays(-30);
        await using (var write = await database.BeginWriteAsync(None))
        {
            await RequestLog.RecordAsync(write.Session, "old-request", "CreateEntity", [1], 0, longAgo, None);
            await RequestLog.RecordAsync(write.Session, "new-request", "CreateEntity", [2], 0, DateTimeOffset.UtcNow, None);
            await write.CommitAsync(None);
        }

        var store = _database.OpenStore();
        await store.InitializeAsync(None);
        var pruned = await store.PruneAsync(longAgo.AddDays(1), longAgo.AddDays(1), None);

        Assert.Equal((long)SchemaMigrations.LatestVersion, UserVersion());
        Assert.Equal(1L, Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'requests_by_time'"));
        Assert.Equal(1L, pruned.Requests);
        Assert.Equal(1L, Scalar("SELECT count(*) FROM requests WHERE request_id = 'new-request'"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM requests WHERE request_id = 'old-request'"));
    }

    [Fact]
    public async Task Initializing_from_several_stores_at_once_and_again_is_idempotent()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => _database.OpenStore()).ToList();

        await Task.WhenAll(stores.Select(s => Task.Run(() => s.InitializeAsync(None))));
        await CommitAsync(stores[0], unit => unit.Insert(Stored(Country("japan", "Japan"))));
        await stores[1].InitializeAsync(None);
        await _database.OpenStore().InitializeAsync(None);

        Assert.Equal((long)SchemaMigrations.LatestVersion, UserVersion());
        Assert.Single(await ReadAsync(stores[3], s => s.GetEntitiesAsync([E("japan")], None)));
    }

    [Fact]
    public async Task A_file_from_a_newer_build_is_refused()
    {
        await _database.OpenStore().InitializeAsync(None);
        using (var connection = _database.OpenConnection())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"PRAGMA user_version = {SchemaMigrations.LatestVersion + 1};";
            command.ExecuteNonQuery();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _database.OpenStore().InitializeAsync(None));
        Assert.Contains("newer", error.Message);
    }

    private long UserVersion() => Scalar("PRAGMA user_version;");

    private long Scalar(string sql)
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose() => _database.Dispose();
}
