using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Sqlite;

/// <summary>
/// SQL over the relationships table. The row's body is the whole relationship; its endpoints are
/// entity keys (source_key, target_key), which the SQL finds from and maps back to entity ids.
/// </summary>
internal static class RelationshipTable
{
    public static Task<List<Relationship>> FindManyAsync(SqlSession session, IEnumerable<string> names, CancellationToken cancellationToken) =>
        Ids.FindAsync(session, "relationships", names.Select(Ids.OfRelationship).Distinct().ToList(), Read, cancellationToken);

    public static Task<List<Relationship>> FindAtAsync(SqlSession session, IReadOnlyCollection<long> keys, CancellationToken cancellationToken) =>
        Ids.FindAtAsync(session, "relationships", keys, Read, cancellationToken);

    public static Task<List<Relationship>> ListAsync(SqlSession session, RelationshipListQuery query, CancellationToken cancellationToken) =>
        ListAsync(session, query, "body", Read, cancellationToken);

    /// <summary><see cref="ListAsync(SqlSession, RelationshipListQuery, CancellationToken)"/> with each row's key as its locator.</summary>
    public static Task<List<Located<Relationship>>> ListLocatedAsync(SqlSession session, RelationshipListQuery query, CancellationToken cancellationToken) =>
        ListAsync(session, query, "body, key", r => new Located<Relationship>(Read(r), r.GetInt64(1)), cancellationToken);

    private static Task<List<T>> ListAsync<T>(SqlSession session, RelationshipListQuery query, string columns, Func<Microsoft.Data.Sqlite.SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        var where = new List<string> { "id > $after" };
        if (!string.IsNullOrEmpty(query.Type)) where.Add("type = $type");
        if (!string.IsNullOrEmpty(query.Source)) where.Add($"source_key = {KeyOf("$source")}");
        if (!string.IsNullOrEmpty(query.Target)) where.Add($"target_key = {KeyOf("$target")}");
        if (!string.IsNullOrEmpty(query.Entity))
            where.Add(query.Direction switch
            {
                Direction.Outgoing => $"source_key = {KeyOf("$entity")}",
                Direction.Incoming => $"target_key = {KeyOf("$entity")}",
                _ => $"(source_key = {KeyOf("$entity")} OR target_key = {KeyOf("$entity")})",
            });
        return session.QueryAsync(
            $"SELECT {columns} FROM relationships WHERE {string.Join(" AND ", where)} ORDER BY id LIMIT $limit;",
            read, cancellationToken,
            ("$after", Ids.AfterId(query.AfterName, Ids.OfRelationship)),
            ("$type", query.Type),
            ("$source", query.Source is null ? null : Ids.OfEntity(query.Source)),
            ("$target", query.Target is null ? null : Ids.OfEntity(query.Target)),
            ("$entity", query.Entity is null ? null : Ids.OfEntity(query.Entity)),
            ("$limit", Math.Max(0, query.Limit)));
    }

    /// <summary>
    /// The adjacency query of one side: relationships whose <paramref name="endpointColumn"/> (source_key
    /// or target_key) is the key of an entity among the ids $entities, of $types when
    /// <paramref name="filterTypes"/>, plausibly valid at $as_of.
    /// Answered from relationships_by_source / relationships_by_target.
    /// </summary>
    public static string AdjacencySql(string endpointColumn, bool filterTypes) =>
        $"""
        SELECT id, body FROM relationships
        WHERE {endpointColumn} IN (SELECT key FROM entities WHERE id IN (SELECT value FROM json_each($entities)))
          {(filterTypes ? "AND type IN (SELECT value FROM json_each($types))" : "")}
          AND (valid_from IS NULL OR valid_from <= $as_of)
          AND (valid_to IS NULL OR valid_to > $as_of)
        ORDER BY id
        LIMIT $limit
        """;

    /// <summary>The first <paramref name="limit"/> relationships (by name) touching any of <paramref name="entityIds"/> in <paramref name="direction"/>, valid at <paramref name="asOf"/>.</summary>
    public static async Task<List<Relationship>> AdjacentAsync(SqlSession session, IReadOnlyCollection<string> entityIds, Direction direction, IReadOnlySet<string> types, Timestamp asOf, int limit, CancellationToken cancellationToken)
    {
        var columns = direction switch
        {
            Direction.Outgoing => ["source_key"],
            Direction.Incoming => ["target_key"],
            _ => new[] { "source_key", "target_key" },
        };
        var found = new SortedDictionary<string, Relationship>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            var rows = await session.QueryAsync(
                AdjacencySql(column, types.Count > 0),
                r => (Id: r.GetString(0), Relationship: Relationship.Parser.ParseFrom((byte[])r.GetValue(1))),
                cancellationToken,
                ("$entities", Ids.JsonArray(entityIds)), ("$types", Ids.JsonArray(types)), ("$as_of", ValidityColumns.Instant(asOf)), ("$limit", limit));
            foreach (var (id, relationship) in rows)
                if (ValidityColumns.IsValidAt(relationship.ValidFrom, relationship.ValidTo, asOf))
                    found[id] = relationship;
        }
        return [.. found.Values.Take(limit)];
    }

    /// <summary>The relationships that start or end at the entity, with both endpoints' kinds, in name order.</summary>
    public static Task<List<IncidentRelationship>> IncidentsAsync(SqlSession session, string entityName, CancellationToken cancellationToken) =>
        session.QueryAsync(
            $"""
            SELECT r.id, r.type, s.id, t.id, s.kind, t.kind
            FROM relationships AS r
            JOIN entities AS s ON s.key = r.source_key
            JOIN entities AS t ON t.key = r.target_key
            WHERE r.source_key = {KeyOf("$id")} OR r.target_key = {KeyOf("$id")}
            ORDER BY r.id;
            """,
            r => new IncidentRelationship(ResourceNames.Relationship(r.GetString(0)), r.GetString(1), ResourceNames.Entity(r.GetString(2)), ResourceNames.Entity(r.GetString(3)), r.GetString(4), r.GetString(5)),
            cancellationToken, ("$id", Ids.OfEntity(entityName)));

    /// <summary>
    /// Inserts the row. An endpoint's key is <paramref name="endpointKeys"/>' when the unit of work knows it
    /// (it read that entity in the same transaction), else found by id; an endpoint that is not an entity
    /// leaves its key NULL, a constraint violation.
    /// </summary>
    public static Task<int> InsertAsync(SqlSession session, Relationship relationship, (long? Source, long? Target) endpointKeys, CancellationToken cancellationToken) =>
        session.ExecuteAsync(InsertSql, cancellationToken, [.. Columns(relationship), .. EndpointKeys(endpointKeys)]);

    /// <summary>Replaces the row (endpoint keys as in <see cref="InsertAsync"/>); returns 0 when there is none.</summary>
    public static Task<int> UpdateAsync(SqlSession session, Relationship relationship, (long? Source, long? Target) endpointKeys, CancellationToken cancellationToken) =>
        session.ExecuteAsync(UpdateSql, cancellationToken, [.. Columns(relationship), .. EndpointKeys(endpointKeys)]);

    private static readonly string InsertSql =
        $"""
        INSERT INTO relationships (id, type, source_key, target_key, valid_from, valid_to, commodity, body, etag, create_time, update_time)
        VALUES ($id, $type, {EndpointKey("source")}, {EndpointKey("target")}, $valid_from, $valid_to, $commodity, $body, $etag, $create_time, $update_time);
        """;

    private static readonly string UpdateSql =
        $"""
        UPDATE relationships SET type = $type, source_key = {EndpointKey("source")}, target_key = {EndpointKey("target")}, valid_from = $valid_from,
            valid_to = $valid_to, commodity = $commodity, body = $body, etag = $etag, create_time = $create_time, update_time = $update_time
        WHERE id = $id;
        """;

    /// <summary>
    /// The key of the <paramref name="endpoint"/> entity: ${endpoint}_key when bound, else found by ${endpoint}_id
    /// on the entities' unique id index (NULL when there is none). <c>coalesce</c> stops at its first
    /// non-NULL argument, so a known key skips the lookup: in a bulk import of random endpoints at
    /// 1M x 1M the lookups cost a quarter of SQLite's own insert rate (93,000 rows/s with them, 122,000 without).
    /// </summary>
    private static string EndpointKey(string endpoint) => $"coalesce(${endpoint}_key, {KeyOf($"${endpoint}_id")})";

    /// <summary>The key of the entity whose id is the parameter <paramref name="idParameter"/>, found on the entities' unique id index; NULL when there is none.</summary>
    private static string KeyOf(string idParameter) => $"(SELECT key FROM entities WHERE id = {idParameter})";

    private static (string, object?)[] EndpointKeys((long? Source, long? Target) keys) => [("$source_key", keys.Source), ("$target_key", keys.Target)];

    /// <summary>Deletes the row; returns 0 when there is none.</summary>
    public static Task<int> DeleteAsync(SqlSession session, string name, CancellationToken cancellationToken) =>
        session.ExecuteAsync("DELETE FROM relationships WHERE id = $id;", cancellationToken, ("$id", Ids.OfRelationship(name)));

    private static Relationship Read(Microsoft.Data.Sqlite.SqliteDataReader reader) => Relationship.Parser.ParseFrom((byte[])reader.GetValue(0));

    /// <summary>The row's values as statement parameters; endpoints by entity id ($source_id, $target_id), as every schema version's insert takes them.</summary>
    internal static (string, object?)[] Columns(Relationship relationship) =>
    [
        ("$id", Ids.OfRelationship(relationship.Name)),
        ("$type", relationship.Type),
        ("$source_id", Ids.OfEntity(relationship.Source)),
        ("$target_id", Ids.OfEntity(relationship.Target)),
        ("$valid_from", ValidityColumns.From(relationship.ValidFrom)),
        ("$valid_to", ValidityColumns.To(relationship.ValidTo)),
        ("$commodity", relationship.Properties.TryGetValue("commodity", out var commodity) ? commodity.AsString() : null),
        ("$body", relationship.ToByteArray()),
        ("$etag", relationship.Etag),
        ("$create_time", TimeColumns.Millis(relationship.CreateTime)),
        ("$update_time", TimeColumns.Millis(relationship.UpdateTime)),
    ];
}
