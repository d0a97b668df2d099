using KnowledgeGraph.V1;
using Microsoft.Data.Sqlite;
using Xunit;
using static KnowledgeGraph.Store.Conformance.GraphBuilders;
using static KnowledgeGraph.Store.Conformance.StoreSessions;

namespace KnowledgeGraph.Store.Sqlite.Tests;

/// <summary>What the file looks like: WAL, foreign keys, and adjacency answered from the indexes.</summary>
public sealed class SqliteFileTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task The_file_is_in_wal_mode_and_store_connections_enforce_foreign_keys()
    {
        var store = _database.OpenStore();
        await store.InitializeAsync(CancellationToken.None);

        using (var connection = _database.OpenConnection())
            Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        await using var storeConnection = await store.Database.OpenForWritesAsync(CancellationToken.None);
        Assert.Equal(1L, Scalar(storeConnection, "PRAGMA foreign_keys;"));
        Assert.Equal(5000L, Scalar(storeConnection, "PRAGMA busy_timeout;"));
        var orphan = Assert.Throws<SqliteException>(() => Scalar(storeConnection,
            "INSERT INTO relationships (id, type, source_key, target_key, body, etag, create_time, update_time) VALUES ('x', 'SUPPLIES', 404, 404, x'', '1', 0, 0);"));
        Assert.Equal(19, orphan.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Equal("sqlite:" + Path.GetFullPath(_database.FilePath), store.Location);
    }

    [Fact]
    public async Task A_pooled_connection_opened_again_has_the_settings_of_what_it_does_now()
    {
        // The settings run when a native connection changes role; the pool hands the same one out again.
        var store = _database.OpenStore();
        await store.InitializeAsync(CancellationToken.None);
        foreach (var role in new[] { "write", "write", "read", "import", "write", "import", "import", "read", "write", "read" })
        {
            await using var connection = role switch
            {
                "write" => await store.Database.OpenForWritesAsync(CancellationToken.None),
                "import" => await store.Database.OpenForImportsAsync(CancellationToken.None),
                _ => await store.Database.OpenForReadsAsync(CancellationToken.None),
            };
            // Only an import unit's connection leaves foreign keys unchecked (its endpoint keys were read in its transaction).
            Assert.Equal(role == "import" ? 0L : 1L, Scalar(connection, "PRAGMA foreign_keys;"));
            Assert.Equal(5000L, Scalar(connection, "PRAGMA busy_timeout;"));
            // Writers get room for the indexes an import keeps up to date; readers SQLite's default.
            Assert.Equal(role == "read" ? -2_048L : -65_536L, Scalar(connection, "PRAGMA cache_size;"));
        }
    }

    [Fact]
    public async Task Resources_without_create_or_update_times_are_stored_and_read_back_as_given()
    {
        var store = _database.OpenStore();
        var japan = Country("japan", "Japan");
        var russia = Country("russia", "Russia");
        var supplies = Supplies("russia-japan", "russia", "japan", 0.09);
        Assert.Null(japan.CreateTime);
        Assert.Null(supplies.UpdateTime);

        await CommitAsync(store, unit =>
        {
            unit.Insert(japan);
            unit.Insert(russia);
            unit.Insert(supplies);
        });

        Assert.Equal([japan], await ReadAsync(store, s => s.GetEntitiesAsync([E("japan")], CancellationToken.None)));
        Assert.Equal([supplies], await ReadAsync(store, s => s.GetRelationshipsAsync([R("russia-japan")], CancellationToken.None)));
    }

    [Theory]
    [InlineData("source_key", "relationships_by_source")]
    [InlineData("target_key", "relationships_by_target")]
    public async Task Adjacency_is_answered_from_the_endpoint_indexes(string column, string index)
    {
        var store = _database.OpenStore();
        await store.InitializeAsync(CancellationToken.None);
        await using var connection = await store.Database.OpenForReadsAsync(CancellationToken.None);

        // What traversal asks (it also reads each row's body), with and without a type filter.
        foreach (var filterTypes in new[] { true, false })
            Assert.Contains($"USING INDEX {index}", Plan(connection, RelationshipTable.AdjacencySql(column, filterTypes)));
        // Whether relationships still touch an entity (the foreign-key check of its delete) needs the index alone.
        Assert.Contains($"USING COVERING INDEX {index}",
            Plan(connection, $"SELECT count(*) FROM relationships WHERE {column} = $id"));
        // A write finds an endpoint's key by name on the entities' unique id index.
        Assert.Contains("USING COVERING INDEX sqlite_autoindex_entities_1",
            Plan(connection, "SELECT key FROM entities WHERE id = $id"));
    }

    [Fact]
    public async Task Adjacency_respects_validity_to_the_millisecond_and_direction()
    {
        var store = _database.OpenStore();
        var at = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await CommitAsync(store, unit =>
        {
            unit.Insert(Stored(Country("russia", "Russia")));
            unit.Insert(Stored(Country("japan", "Japan")));
            unit.Insert(Stored(Supplies("ends-at", "russia", "japan", 0.1).ValidBetween(null, at)));
            unit.Insert(Stored(Supplies("starts-at", "russia", "japan", 0.1).ValidBetween(at, null)));
            unit.Insert(Stored(Supplies("sub-ms", "russia", "japan", 0.1).ValidBetween(at.AddTicks(1), at.AddTicks(2))));
            unit.Insert(Stored(Supplies("back", "japan", "russia", 0.1)));
        });

        await using var snapshot = await store.OpenSnapshotAsync(ReadConsistency.None, CancellationToken.None);
        async Task<string[]> Adjacent(Direction direction, DateTimeOffset asOf, params string[] types) =>
            [.. (await snapshot.GetAdjacentRelationshipsAsync([E("russia")], direction, types.ToHashSet(), asOf, int.MaxValue - 1, CancellationToken.None)).Select(r => r.Name)];

        Assert.Equal([R("starts-at")], await Adjacent(Direction.Outgoing, at));
        Assert.Equal([R("ends-at")], await Adjacent(Direction.Outgoing, at.AddTicks(-1)));
        Assert.Equal([R("starts-at"), R("sub-ms")], await Adjacent(Direction.Outgoing, at.AddTicks(1)));
        Assert.Equal([R("back")], await Adjacent(Direction.Incoming, at));
        Assert.Equal([R("back"), R("starts-at")], await Adjacent(Direction.Both, at, "SUPPLIES"));
        Assert.Empty(await Adjacent(Direction.Both, at, "LOCATED_IN"));
    }

    private static string Plan(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in new[] { "$entities", "$types", "$as_of", "$id", "$type", "$limit" })
            command.Parameters.AddWithValue(name, name is "$entities" or "$types" ? "[]" : name == "$limit" ? 10 : "x");
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read()) lines.Add(reader.GetString(3));
        return string.Join("\n", lines);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose() => _database.Dispose();
}
