using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store;

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
