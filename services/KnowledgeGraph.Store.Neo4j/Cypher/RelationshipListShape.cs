namespace KnowledgeGraph.Store.Neo4j.Cypher;

/// <summary>
/// Which filters a relationship list has: its type, its source, its target, or an entity at either
/// end (<see cref="EitherEnd"/>, only with or without a type). Each shape has its own statement.
/// </summary>
public sealed record RelationshipListShape(bool Type, bool Source, bool Target, bool EitherEnd)
{
    public static IReadOnlyList<RelationshipListShape> All { get; } =
    [
        .. from type in new[] { false, true }
           from source in new[] { false, true }
           from target in new[] { false, true }
           select new RelationshipListShape(type, source, target, false),
        new(false, false, false, true),
        new(true, false, false, true),
    ];

    /// <summary>The statement name's suffix, for example <c>.Type.Source</c>.</summary>
    public string Suffix => string.Concat(
        Type ? ".Type" : "", Source ? ".Source" : "", Target ? ".Target" : "", EitherEnd ? ".EitherEnd" : "");

    public string[] Parameters =>
    [
        .. Type ? new[] { "type" } : [],
        .. Source ? new[] { "source_id" } : [],
        .. Target ? new[] { "target_id" } : [],
        .. EitherEnd ? new[] { "entity_id" } : [],
        "after", "limit",
    ];
}
