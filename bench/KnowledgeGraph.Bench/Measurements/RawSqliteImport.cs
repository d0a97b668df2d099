using System.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.Bench.Generation;
using KnowledgeGraph.Store.Sqlite;
using KnowledgeGraph.V1;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Bench.Measurements;

/// <summary>Rows per second of the import-ceiling peer, and what it wrote into.</summary>
public sealed record RawImportResult(double EntitiesPerSecond, double RelationshipsPerSecond, string Columns);

/// <summary>
/// The import ceiling: the same rows inserted straight into a fresh store file with the product's own
/// schema (made by <see cref="SqliteGraphStore.InitializeAsync"/>, so it follows any migration),
/// through one prepared statement per table, 50,000 rows per transaction, no checks and no change log,
/// on a connection with the settings of the store's import units (its page cache and WAL; foreign keys
/// not checked, as an import unit's are not), so the peer differs from the product by the product's work alone.
/// Each table is written inside the store's own bulk-import scope, as the product's import is: the
/// secondary indexes it defers are dropped first and built at the end, and that build is in the time.
/// Column values are chosen by column name (id, kind, type, source_key, target_key, valid_from,
/// valid_to, commodity, body, etag, times), so a schema change is measured too: an integer primary
/// key is left to SQLite, and an endpoint key is bound from the entities' keys (read before the
/// relationships are timed), as the store binds the keys of the endpoints its unit of work read.
/// </summary>
public static class RawSqliteImport
{
    private const int RowsPerTransaction = 50_000;

    public static async Task<RawImportResult> RunAsync(GeneratedGraph graph, string directory)
    {
        var path = Path.Combine(directory, "raw-peer.db");
        using var store = new SqliteGraphStore(new SqliteGraphStoreOptions(path) { BulkImportQuietPeriod = TimeSpan.Zero });
        await store.InitializeAsync(CancellationToken.None);

        await using var connection = await store.OpenImportConnectionAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        var entityColumns = Columns(connection, "entities");
        var relationshipColumns = Columns(connection, "relationships");
        var entities = await BulkAsync(store, "entities", () => Insert(connection, "entities", entityColumns, graph.EntityCount, (column, i) => EntityValue(column, graph, i, now)));
        var keys = await store.ReadEntityKeysAsync(CancellationToken.None);
        var relationships = await BulkAsync(store, "relationships", () => Insert(connection, "relationships", relationshipColumns, graph.RelationshipCount, (column, j) => RelationshipValue(column, graph, keys, j, now)));
        SqliteConnection.ClearAllPools();
        return new RawImportResult(entities, relationships,
            $"entities({string.Join(", ", entityColumns.Select(c => c.Name))}); relationships({string.Join(", ", relationshipColumns.Select(c => c.Name))})");
    }

    private sealed record Column(string Name, string Type, bool Required, bool Key);

    /// <summary>The table's columns, but an INTEGER PRIMARY KEY (the rowid, which SQLite assigns).</summary>
    private static List<Column> Columns(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA table_info({table});";
        using var reader = command.ExecuteReader();
        var columns = new List<Column>();
        while (reader.Read())
            columns.Add(new Column(reader.GetString(1), reader.GetString(2).ToUpperInvariant(), reader.GetInt32(3) == 1 && reader.IsDBNull(4), reader.GetInt32(5) > 0));
        return [.. columns.Where(c => !(c.Key && c.Type == "INTEGER" && columns.Count(k => k.Key) == 1))];
    }

    /// <summary>Rows per second of <paramref name="insert"/> within the store's bulk-import scope of <paramref name="collection"/>, its index build included.</summary>
    private static async Task<double> BulkAsync(SqliteGraphStore store, string collection, Func<int> insert)
    {
        var watch = Stopwatch.StartNew();
        int rows;
        await using (await store.BeginBulkImportAsync(collection, CancellationToken.None))
            rows = insert();
        return rows / watch.Elapsed.TotalSeconds;
    }

    private static int Insert(SqliteConnection connection, string table, List<Column> columns, int rows, Func<Column, int, object?> value)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))});";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        command.Prepare();
        for (var start = 0; start < rows; start += RowsPerTransaction)
        {
            using var transaction = connection.BeginTransaction();
            command.Transaction = transaction;
            for (var row = start; row < Math.Min(rows, start + RowsPerTransaction); row++)
            {
                for (var c = 0; c < columns.Count; c++) parameters[c].Value = value(columns[c], row) ?? Fallback(columns[c]);
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        return rows;
    }

    private static object Fallback(Column column) => !column.Required ? DBNull.Value : column.Type switch
    {
        "INTEGER" or "REAL" => 0,
        "BLOB" => Array.Empty<byte>(),
        _ => "",
    };

    private static object? EntityValue(Column column, GeneratedGraph graph, int i, DateTimeOffset now) => column.Name switch
    {
        "id" => graph.Ids[i],
        "name" => graph.EntityName(i),
        "kind" => GeneratedGraph.EntityKinds[graph.Kinds[i]],
        "display_name" => $"{GeneratedGraph.EntityKinds[graph.Kinds[i]]} {graph.Ids[i]}",
        "search_text" => $"{GeneratedGraph.EntityKinds[graph.Kinds[i]]} {graph.Ids[i]}".ToLowerInvariant(),
        "body" => EntityBody(graph, i, now).ToByteArray(),
        "etag" => Etag(i),
        "create_time" or "update_time" => now.ToUnixTimeMilliseconds(),
        _ => null,
    };

    private static object? RelationshipValue(Column column, GeneratedGraph graph, Dictionary<string, long> keys, int j, DateTimeOffset now) => column.Name switch
    {
        "id" => $"r{j}",
        "name" => GeneratedGraph.RelationshipName(j),
        "type" => graph.TypeName(j),
        "source_key" => keys[graph.Ids[graph.Sources[j]]],
        "target_key" => keys[graph.Ids[graph.Targets[j]]],
        "valid_from" => graph.ValidFrom[j]?.ToUnixTimeMilliseconds(),
        "valid_to" => graph.ValidTo[j]?.ToUnixTimeMilliseconds(),
        "commodity" => graph.Commodities[j] >= 0 ? graph.EntityName(graph.Commodities[j]) : null,
        "body" => RelationshipBody(graph, j, now).ToByteArray(),
        "etag" => Etag(j),
        "create_time" or "update_time" => now.ToUnixTimeMilliseconds(),
        _ => null,
    };

    private static string Etag(int row) => $"\"{row:x16}\"";

    private static Entity EntityBody(GeneratedGraph graph, int i, DateTimeOffset now) => new()
    {
        Name = graph.EntityName(i),
        Kind = GeneratedGraph.EntityKinds[graph.Kinds[i]],
        DisplayName = $"{GeneratedGraph.EntityKinds[graph.Kinds[i]]} {graph.Ids[i]}",
        Sources = { new Source { Document = JsonlFiles.SourceDocument } },
        Etag = Etag(i),
        CreateTime = Timestamp.FromDateTimeOffset(now),
        UpdateTime = Timestamp.FromDateTimeOffset(now),
    };

    private static Relationship RelationshipBody(GeneratedGraph graph, int j, DateTimeOffset now)
    {
        var relationship = new Relationship
        {
            Name = GeneratedGraph.RelationshipName(j),
            Type = graph.TypeName(j),
            Source = graph.EntityName(graph.Sources[j]),
            Target = graph.EntityName(graph.Targets[j]),
            Sources = { new Source { Document = JsonlFiles.SourceDocument } },
            Etag = Etag(j),
            CreateTime = Timestamp.FromDateTimeOffset(now),
            UpdateTime = Timestamp.FromDateTimeOffset(now),
        };
        if (!double.IsNaN(graph.Shares[j])) relationship.Properties["share"] = new PropertyValue { NumberValue = graph.Shares[j] };
        if (graph.Commodities[j] >= 0) relationship.Properties["commodity"] = new PropertyValue { StringValue = graph.EntityName(graph.Commodities[j]) };
        if (graph.ValidFrom[j] is { } from) relationship.ValidFrom = Timestamp.FromDateTimeOffset(from);
        if (graph.ValidTo[j] is { } to) relationship.ValidTo = Timestamp.FromDateTimeOffset(to);
        return relationship;
    }
}
