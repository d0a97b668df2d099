using KnowledgeGraph.Bench.Generation;
using KnowledgeGraph.Bench.Measurements;
using KnowledgeGraph.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;

namespace KnowledgeGraph.Bench.Tests;

/// <summary>The import-ceiling peer writes what the product's import would: every row, with its endpoints, into a store that opens afterwards.</summary>
public sealed class RawSqliteImportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kg-raw-peer-").FullName;

    [Fact]
    public async Task The_peer_writes_every_row_with_its_endpoints_and_leaves_the_indexes_built()
    {
        var graph = SupplyNetworkGenerator.Generate(new SupplyNetworkOptions(Entities: 240, Relationships: 900, Seed: 11));
        await RawSqliteImport.RunAsync(graph, _directory);

        using var store = new SqliteGraphStore(new SqliteGraphStoreOptions(Path.Combine(_directory, "raw-peer.db")));
        Assert.Empty(await store.MissingSecondaryIndexesAsync(CancellationToken.None));
        await using var connection = await store.OpenImportConnectionAsync(CancellationToken.None);
        Assert.Equal(graph.EntityCount, Scalar(connection, "SELECT count(*) FROM entities;"));
        Assert.Equal(graph.RelationshipCount, Scalar(connection, "SELECT count(*) FROM relationships;"));
        // Every relationship's endpoint keys are the keys of the entities the generator drew for it.
        using var endpoints = connection.CreateCommand();
        endpoints.CommandText = """
            SELECT r.id, s.id, t.id FROM relationships AS r
            JOIN entities AS s ON s.key = r.source_key
            JOIN entities AS t ON t.key = r.target_key;
            """;
        using var reader = endpoints.ExecuteReader();
        var checkedRows = 0;
        while (reader.Read())
        {
            var j = int.Parse(reader.GetString(0).AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal((graph.Ids[graph.Sources[j]], graph.Ids[graph.Targets[j]]), (reader.GetString(1), reader.GetString(2)));
            checkedRows++;
        }
        Assert.Equal(graph.RelationshipCount, checkedRows);
        // The peer writes as the store's import units do, foreign keys unchecked, and every key it bound holds.
        Assert.Equal(0, Scalar(connection, "PRAGMA foreign_keys;"));
        Assert.Equal(0, Scalar(connection, "SELECT count(*) FROM pragma_foreign_key_check;"));
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
