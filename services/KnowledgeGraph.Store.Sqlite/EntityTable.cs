using System.Runtime.CompilerServices;
using Google.Protobuf;
using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Search;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Sqlite;

/// <summary>SQL over the entities table, found by id. The row's body is the whole entity, etag and times included; its integer key is what relationships refer to.</summary>
internal static class EntityTable
{
    public static Task<List<Entity>> FindManyAsync(SqlSession session, IEnumerable<string> names, CancellationToken cancellationToken) =>
        Ids.FindAsync(session, "entities", names.Select(Ids.OfEntity).Distinct().ToList(), Read, cancellationToken);

    /// <summary><see cref="FindManyAsync"/>, each entity with its key.</summary>
    public static Task<List<Located<Entity>>> FindManyWithKeysAsync(SqlSession session, IEnumerable<string> names, CancellationToken cancellationToken) =>
        Ids.FindAsync(session, "entities", names.Select(Ids.OfEntity).Distinct().ToList(), ReadLocated, cancellationToken, "body, key");

    /// <summary>
    /// The name, kind and key of the entities among <paramref name="names"/> that exist, read from the
    /// <c>entities_endpoints</c> index alone: a third of the time of reading the rows at 1M entities.
    /// (SQLite picks the unique index of <c>id</c> by itself, which leads to the rows.)
    /// </summary>
    public static Task<List<(string Name, string Kind, long Key)>> FindKindsWithKeysAsync(SqlSession session, IEnumerable<string> names, CancellationToken cancellationToken) =>
        Ids.FindAsync(session, "entities INDEXED BY entities_endpoints", names.Select(Ids.OfEntity).Distinct().ToList(),
            r => (ResourceNames.Entity(r.GetString(0)), r.GetString(1), r.GetInt64(2)), cancellationToken, "id, kind, key");

    /// <summary>Every entity's key by id, read from the unique index of <c>id</c>.</summary>
    public static async Task<Dictionary<string, long>> AllKeysAsync(SqlSession session, CancellationToken cancellationToken) =>
        (await session.QueryAsync("SELECT id, key FROM entities;", r => (r.GetString(0), r.GetInt64(1)), cancellationToken))
            .ToDictionary(e => e.Item1, e => e.Item2, StringComparer.Ordinal);

    public static Task<List<Entity>> FindAtAsync(SqlSession session, IReadOnlyCollection<long> keys, CancellationToken cancellationToken) =>
        Ids.FindAtAsync(session, "entities", keys, Read, cancellationToken);

    public static Task<List<Entity>> ListAsync(SqlSession session, EntityListQuery query, CancellationToken cancellationToken) =>
        ListAsync(session, query, "body", Read, cancellationToken);

    /// <summary><see cref="ListAsync(SqlSession, EntityListQuery, CancellationToken)"/> with each row's key as its locator.</summary>
    public static Task<List<Located<Entity>>> ListLocatedAsync(SqlSession session, EntityListQuery query, CancellationToken cancellationToken) =>
        ListAsync(session, query, "body, key", ReadLocated, cancellationToken);

    private static Task<List<T>> ListAsync<T>(SqlSession session, EntityListQuery query, string columns, Func<Microsoft.Data.Sqlite.SqliteDataReader, T> read, CancellationToken cancellationToken) =>
        session.QueryAsync(
            string.IsNullOrEmpty(query.Kind)
                ? $"SELECT {columns} FROM entities WHERE id > $after ORDER BY id LIMIT $limit;"
                : $"SELECT {columns} FROM entities WHERE kind = $kind AND id > $after ORDER BY id LIMIT $limit;",
            read, cancellationToken,
            ("$kind", string.IsNullOrEmpty(query.Kind) ? null : query.Kind),
            ("$after", Ids.AfterId(query.AfterName, Ids.OfEntity)),
            ("$limit", Math.Max(0, query.Limit)));

    /// <summary>Streams the id and search text of the rows whose search text contains <paramref name="normalizedQuery"/>, of the given kinds (empty: all).</summary>
    public static async IAsyncEnumerable<(string Id, string SearchText)> SearchCandidatesAsync(
        SqlSession session, string normalizedQuery, IReadOnlyCollection<string> kinds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A normalized query holds only letters, digits and spaces, so it needs no LIKE escaping.
        await using var command = session.Command(
            kinds.Count == 0
                ? "SELECT id, search_text FROM entities WHERE search_text LIKE $pattern;"
                : "SELECT id, search_text FROM entities WHERE search_text LIKE $pattern AND kind IN (SELECT value FROM json_each($kinds));",
            ("$pattern", "%" + normalizedQuery + "%"), ("$kinds", Ids.JsonArray(kinds)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return (reader.GetString(0), reader.GetString(1));
    }

    public static Task<int> InsertAsync(SqlSession session, Entity entity, CancellationToken cancellationToken) =>
        session.ExecuteAsync(
            """
            INSERT INTO entities (id, kind, display_name, search_text, body, etag, create_time, update_time)
            VALUES ($id, $kind, $display_name, $search_text, $body, $etag, $create_time, $update_time);
            """,
            cancellationToken, Columns(entity));

    /// <summary>Replaces the row; returns 0 when there is none.</summary>
    public static Task<int> UpdateAsync(SqlSession session, Entity entity, CancellationToken cancellationToken) =>
        session.ExecuteAsync(
            """
            UPDATE entities SET kind = $kind, display_name = $display_name, search_text = $search_text, body = $body,
                etag = $etag, create_time = $create_time, update_time = $update_time
            WHERE id = $id;
            """,
            cancellationToken, Columns(entity));

    /// <summary>Deletes the row; returns 0 when there is none.</summary>
    public static Task<int> DeleteAsync(SqlSession session, string name, CancellationToken cancellationToken) =>
        session.ExecuteAsync("DELETE FROM entities WHERE id = $id;", cancellationToken, ("$id", Ids.OfEntity(name)));

    private static Entity Read(Microsoft.Data.Sqlite.SqliteDataReader reader) => Entity.Parser.ParseFrom((byte[])reader.GetValue(0));

    /// <summary>A row read as body, then key.</summary>
    private static Located<Entity> ReadLocated(Microsoft.Data.Sqlite.SqliteDataReader reader) => new(Read(reader), reader.GetInt64(1));

    private static (string, object?)[] Columns(Entity entity) =>
    [
        ("$id", Ids.OfEntity(entity.Name)),
        ("$kind", entity.Kind),
        ("$display_name", entity.DisplayName),
        ("$search_text", EntitySearch.IndexOf(entity)),
        ("$body", entity.ToByteArray()),
        ("$etag", entity.Etag),
        ("$create_time", TimeColumns.Millis(entity.CreateTime)),
        ("$update_time", TimeColumns.Millis(entity.UpdateTime)),
    ];
}
