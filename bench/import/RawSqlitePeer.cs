using System.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.Domain.Search;
using KnowledgeGraph.Store.Sqlite;
using KnowledgeGraph.V1;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.ImportBench;

/// <summary>
/// The import ceiling: the same rows inserted straight into a fresh store file of the same schema
/// (made by the store itself), with one prepared statement per table reused across rows and one
/// transaction per 100,000 rows. No checks, no change log, no network: what SQLite alone does.
/// Like the store, which binds the keys of the endpoints its unit of work read, a relationship binds
/// its endpoints' integer keys (read once, before the relationships are timed).
/// </summary>
public static class RawSqlitePeer
{
    private const int RowsPerTransaction = 100_000;

    public static async Task<(double EntitiesPerSecond, double RelationshipsPerSecond)> RunAsync(string databasePath, SupplyNetwork network, string entitiesCsv, string relationshipsCsv)
    {
        using var store = new SqliteGraphStore(new SqliteGraphStoreOptions(databasePath));
        await store.InitializeAsync(CancellationToken.None);

        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        // As the store's import units write: foreign keys unchecked (every key bound is one read from the entities).
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF;");
        var now = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        var millis = now.ToDateTimeOffset().ToUnixTimeMilliseconds();

        var clock = Stopwatch.StartNew();
        Insert(connection,
            "INSERT INTO entities (id, kind, display_name, search_text, body, etag, create_time, update_time) VALUES ($id, $kind, $display_name, $search_text, $body, 'e', $t, $t);",
            ReadCsv(entitiesCsv).Select(f =>
            {
                var entity = new Entity { Name = "entities/" + f[0], Kind = f[1], DisplayName = f[2], Etag = "e", CreateTime = now, UpdateTime = now };
                entity.Aliases.AddRange(f[3].Split('|'));
                entity.Sources.Add(new Source { Document = f[4] });
                return new object?[] { f[0], f[1], f[2], EntitySearch.IndexOf(entity), entity.ToByteArray(), millis };
            }), "$id", "$kind", "$display_name", "$search_text", "$body", "$t");
        var entitiesPerSecond = network.EntityCount / clock.Elapsed.TotalSeconds;

        var keys = await store.ReadEntityKeysAsync(CancellationToken.None);
        clock.Restart();
        Insert(connection,
            """
            INSERT INTO relationships (id, type, source_key, target_key, valid_from, valid_to, commodity, body, etag, create_time, update_time)
            VALUES ($id, $type, $source, $target, $from, $to, $commodity, $body, 'e', $t, $t);
            """,
            ReadCsv(relationshipsCsv).Select(f =>
            {
                var relationship = new Relationship { Name = "relationships/" + f[0], Type = f[1], Source = "entities/" + f[2], Target = "entities/" + f[3], Etag = "e", CreateTime = now, UpdateTime = now };
                if (f[4].Length > 0) relationship.Properties["share"] = new PropertyValue { NumberValue = double.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture) };
                if (f[5].Length > 0) relationship.Properties["commodity"] = new PropertyValue { StringValue = f[5] };
                long? from = f[6].Length > 0 ? DateTimeOffset.Parse(f[6], System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() : null;
                long? to = f[7].Length > 0 ? DateTimeOffset.Parse(f[7], System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() : null;
                if (from is { } f0) relationship.ValidFrom = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(f0));
                if (to is { } t0) relationship.ValidTo = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(t0));
                relationship.Sources.Add(new Source { Document = f[8] });
                return new object?[] { f[0], f[1], keys[f[2]], keys[f[3]], from, to, f[5].Length > 0 ? f[5] : null, relationship.ToByteArray(), millis };
            }), "$id", "$type", "$source", "$target", "$from", "$to", "$commodity", "$body", "$t");
        return (entitiesPerSecond, network.RelationshipCount / clock.Elapsed.TotalSeconds);
    }

    private static void Insert(SqliteConnection connection, string sql, IEnumerable<object?[]> rows, params string[] names)
    {
        var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameters = names.Select(n => command.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        command.Transaction = transaction;
        command.Prepare();
        var count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = row[i] ?? DBNull.Value;
            command.ExecuteNonQuery();
            if (++count % RowsPerTransaction != 0) continue;
            transaction.Commit();
            transaction.Dispose();
            transaction = connection.BeginTransaction();
            command.Transaction = transaction;
        }
        transaction.Commit();
        transaction.Dispose();
    }

    /// <summary>The generator's CSV has no quoted fields: a split is enough here.</summary>
    private static IEnumerable<string[]> ReadCsv(string path) => File.ReadLines(path).Skip(1).Select(line => line.Split(','));

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
