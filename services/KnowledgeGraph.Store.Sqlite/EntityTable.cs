using KnowledgeGraph.Domain;
using Google.Protobuf;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Sqlite;

/// <summary>SQL over the entities table. The row's body is the whole entity, etag and times included.</summary>
internal static class EntityTable
{
    public static async Task<Entity?> FindAsync(SqlSession session, string name, CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync("SELECT body FROM entities WHERE id = $id;", Read, cancellationToken, ("$id", Ids.OfEntity(name)));
        return rows.Count == 0 ? null : rows[0];
    }

    public static Task<List<Entity>> FindManyAsync(SqlSession session, IEnumerable<string> names, CancellationToken cancellationToken) =>
        session.QueryAsync(
            "SELECT body FROM entities WHERE id IN (SELECT value FROM json_each($ids)) ORDER BY id;",
            Read, cancellationToken, ("$ids", Ids.JsonArray(names.Select(Ids.OfEntity).Distinct())));

    /// <summary>Kinds of the entities that exist among <paramref name="names"/>, by name.</summary>
    public static async Task<Dictionary<string, string>> KindsAsync(SqlSession session, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync(
            "SELECT id, kind FROM entities WHERE id IN (SELECT value FROM json_each($ids));",
            r => (Id: r.GetString(0), Kind: r.GetString(1)),
            cancellationToken, ("$ids", Ids.JsonArray(names.Select(Ids.OfEntity).Distinct())));
        return rows.ToDictionary(r => Domain.ResourceNames.Entity(r.Id), r => r.Kind, StringComparer.Ordinal);
    }

    public static Task<List<Entity>> ListAsync(SqlSession session, EntityListQuery query, CancellationToken cancellationToken) =>
        session.QueryAsync(
            string.IsNullOrEmpty(query.Kind)
                ? "SELECT body FROM entities WHERE id > $after ORDER BY id LIMIT $limit;"
                : "SELECT body FROM entities WHERE kind = $kind AND id > $after ORDER BY id LIMIT $limit;",
            Read, cancellationToken,
            ("$kind", string.IsNullOrEmpty(query.Kind) ? null : query.Kind),
            ("$after", Ids.AfterId(query.AfterName, Ids.OfEntity)),
            ("$limit", Math.Max(0, query.Limit)));

    /// <summary>Rows whose normalized text contains <paramref name="normalizedQuery"/>, of the given kinds (empty: all).</summary>
    public static Task<List<Entity>> SearchCandidatesAsync(SqlSession session, string normalizedQuery, IReadOnlyCollection<string> kinds, CancellationToken cancellationToken) =>
        // The normalized query holds only letters, digits and spaces, so it needs no LIKE escaping.
        session.QueryAsync(
            kinds.Count == 0
                ? "SELECT body FROM entities WHERE search_text LIKE $pattern;"
                : "SELECT body FROM entities WHERE search_text LIKE $pattern AND kind IN (SELECT value FROM json_each($kinds));",
            Read, cancellationToken, ("$pattern", "%" + normalizedQuery + "%"), ("$kinds", Ids.JsonArray(kinds)));

    public static Task InsertAsync(SqlSession session, Entity entity, CancellationToken cancellationToken) =>
        session.ExecuteAsync(
            """
            INSERT INTO entities (id, kind, display_name, search_text, body, etag, create_time, update_time)
            VALUES ($id, $kind, $display_name, $search_text, $body, $etag, $create_time, $update_time);
            """,
            cancellationToken, Columns(entity));

    public static Task UpdateAsync(SqlSession session, Entity entity, CancellationToken cancellationToken) =>
        session.ExecuteAsync(
            """
            UPDATE entities SET kind = $kind, display_name = $display_name, search_text = $search_text, body = $body,
                etag = $etag, create_time = $create_time, update_time = $update_time
            WHERE id = $id;
            """,
            cancellationToken, Columns(entity));

    public static Task DeleteAsync(SqlSession session, string name, CancellationToken cancellationToken) =>
        session.ExecuteAsync("DELETE FROM entities WHERE id = $id;", cancellationToken, ("$id", Ids.OfEntity(name)));

    /// <summary>Whether two entities say the same thing, ignoring what the store sets (etag, times).</summary>
    public static bool SameContent(Entity a, Entity b) => a.WithoutServerFields().Equals(b.WithoutServerFields());


    private static Entity Read(Microsoft.Data.Sqlite.SqliteDataReader reader) => Entity.Parser.ParseFrom((byte[])reader.GetValue(0));

    private static (string, object?)[] Columns(Entity entity) =>
    [
        ("$id", Ids.OfEntity(entity.Name)),
        ("$kind", entity.Kind),
        ("$display_name", entity.DisplayName),
        ("$search_text", EntitySearchText.Build(entity)),
        ("$body", entity.ToByteArray()),
        ("$etag", entity.Etag),
        ("$create_time", entity.CreateTime.ToDateTimeOffset().ToUnixTimeMilliseconds()),
        ("$update_time", entity.UpdateTime.ToDateTimeOffset().ToUnixTimeMilliseconds()),
    ];
}
