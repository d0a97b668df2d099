using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store;

/// <summary>The result of a committed write and the consistency token that names the commit.</summary>
public sealed record Committed<T>(T Value, string ConsistencyToken);

/// <summary>What a delete removed: the resource and, for a forced entity delete, its relationships.</summary>
public sealed record DeleteResult(string Name, int DeletedRelationships);

/// <summary>A page of entities: <c>name &gt; AfterName</c>, in name order, at most <c>Limit</c>.</summary>
public sealed record EntityListQuery(string? Kind, string? AfterName, int Limit);

/// <summary>
/// A page of relationships in name order. <see cref="Entity"/> with <see cref="Direction"/> selects
/// relationships leaving it (OUTGOING), entering it (INCOMING) or either (BOTH or unspecified).
/// </summary>
public sealed record RelationshipListQuery(
    string? Type,
    string? Source,
    string? Target,
    string? Entity,
    Direction Direction,
    string? AfterName,
    int Limit);
