namespace KnowledgeGraph.Store.Sqlite.Schema;

/// <summary>
/// The secondary indexes of each collection's table, which a bulk import into a nearly empty table
/// drops and builds again at its end. The definitions are those of migration 4 (a migration that
/// changes one of these indexes changes it here too); <see cref="CreateAll"/> also heals a file whose
/// import stopped before it could rebuild them. The unique index of each table's id is not among them:
/// it keeps names unique and is how every write finds a row or an endpoint by name.
/// </summary>
internal sealed record SecondaryIndexes(string Table, IReadOnlyList<(string Name, string Columns)> Indexes)
{
    public static readonly SecondaryIndexes Entities = new("entities", [("entities_by_kind", "kind, id")]);

    public static readonly SecondaryIndexes Relationships = new("relationships",
    [
        ("relationships_by_source", "source_key, type, valid_from, valid_to, target_key"),
        ("relationships_by_target", "target_key, type, valid_from, valid_to, source_key"),
    ]);

    public string Create => string.Concat(Indexes.Select(i => $"CREATE INDEX IF NOT EXISTS {i.Name} ON {Table} ({i.Columns});"));

    public string Drop => string.Concat(Indexes.Select(i => $"DROP INDEX IF EXISTS {i.Name};"));

    public static IEnumerable<string> AllNames => new[] { Entities, Relationships }.SelectMany(s => s.Indexes.Select(i => i.Name));

    public static SecondaryIndexes? Of(string collection) => collection switch
    {
        "entities" => Entities,
        "relationships" => Relationships,
        _ => null,
    };

    public static string CreateAll => Entities.Create + Relationships.Create;
}
