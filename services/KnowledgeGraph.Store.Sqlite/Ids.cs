using KnowledgeGraph.Domain;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Store.Sqlite;

/// <summary>
/// Rows are found by id (a unique index); the API speaks resource names, and both sort alike. A row's
/// integer key leaves the SQL only as a locator (<see cref="Located{T}"/>), for the Queries projection's
/// evidence reads.
/// </summary>
internal static class Ids
{
    // A name that does not parse is kept whole: it then matches no row.
    public static string OfEntity(string name) => ResourceNames.TryParseEntity(name, out var id) ? id : name;

    public static string OfRelationship(string name) => ResourceNames.TryParseRelationship(name, out var id) ? id : name;

    /// <summary>The id after which a page starts; null for the first page.</summary>
    public static string AfterId(string? afterName, Func<string, string> ofName) =>
        string.IsNullOrEmpty(afterName) ? "" : ofName(afterName);

    /// <summary>
    /// The rows of <paramref name="table"/> with these ids, in id order, read by <paramref name="read"/> from
    /// <paramref name="columns"/>. One id (a Get) is looked up directly in the unique index, several through <c>json_each</c>.
    /// </summary>
    public static Task<List<T>> FindAsync<T>(SqlSession session, string table, IReadOnlyList<string> ids, Func<SqliteDataReader, T> read, CancellationToken cancellationToken, string columns = "body") =>
        ids.Count == 1
            ? session.QueryAsync($"SELECT {columns} FROM {table} WHERE id = $id;", read, cancellationToken, ("$id", ids[0]))
            : session.QueryAsync($"SELECT {columns} FROM {table} WHERE id IN (SELECT value FROM json_each($ids)) ORDER BY id;", read, cancellationToken, ("$ids", JsonArray(ids)));

    /// <summary>The rows of <paramref name="table"/> at these integer keys (the locators the store hands out), in key order, read by <paramref name="read"/>.</summary>
    public static Task<List<T>> FindAtAsync<T>(SqlSession session, string table, IReadOnlyCollection<long> keys, Func<SqliteDataReader, T> read, CancellationToken cancellationToken) =>
        session.QueryAsync($"SELECT body FROM {table} WHERE key IN (SELECT value FROM json_each($keys)) ORDER BY key;", read, cancellationToken,
            ("$keys", System.Text.Json.JsonSerializer.Serialize(keys)));

    /// <summary>A JSON array for <c>json_each</c>, so a list of any length binds as one parameter.</summary>
    public static string JsonArray(IEnumerable<string> values) => System.Text.Json.JsonSerializer.Serialize(values);
}
