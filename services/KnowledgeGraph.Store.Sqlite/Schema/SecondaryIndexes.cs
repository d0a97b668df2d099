namespace KnowledgeGraph.Store.Sqlite.Schema;

/// <summary>
/// The secondary indexes of each collection's table, which a bulk import into a nearly empty table
/// drops and builds again at its end. The definitions are those of migration 4 (a migration that
/// changes one of these indexes changes it here too); <see cref="CreateAll"/> also heals a file whose
/// import stopped before it could rebuild them. The unique index of each table's id is not among them:
/// it keeps names unique and is how every write finds a row or an endpoint by name.
/// </summary>
internal sealed record SecondaryIndexes(string Table, string Create, string Drop)
{
    public static readonly SecondaryIndexes Entities = new("entities",
        "CREATE INDEX IF NOT EXISTS entities_by_kind ON entities (kind, id);",
        "DROP INDEX IF EXISTS entities_by_kind;");

    public static readonly SecondaryIndexes Relationships = new("relationships",
        """
        CREATE INDEX IF NOT EXISTS relationships_by_source ON relationships (source_key, type, valid_from, valid_to, target_key);
        CREATE INDEX IF NOT EXISTS relationships_by_target ON relationships (target_key, type, valid_from, valid_to, source_key);
        """,
        "DROP INDEX IF EXISTS relationships_by_source; DROP INDEX IF EXISTS relationships_by_target;");

    public static SecondaryIndexes? Of(string collection) => collection switch
    {
        "entities" => Entities,
        "relationships" => Relationships,
        _ => null,
    };

    public static string CreateAll => Entities.Create + Relationships.Create;
}
