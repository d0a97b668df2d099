namespace KnowledgeGraph.Store.Neo4j.Http;

/// <summary>A node as the Query API returns it (typed JSON <c>Node</c>).</summary>
public sealed record Neo4jNode(string ElementId, IReadOnlyList<string> Labels, IReadOnlyDictionary<string, object?> Properties);

/// <summary>A relationship as the Query API returns it (typed JSON <c>Relationship</c>).</summary>
public sealed record Neo4jRelationship(
    string ElementId,
    string StartNodeElementId,
    string EndNodeElementId,
    string Type,
    IReadOnlyDictionary<string, object?> Properties);

/// <summary>A path (typed JSON <c>Path</c>): its nodes, and the relationships between consecutive nodes.</summary>
public sealed record Neo4jPath(IReadOnlyList<Neo4jNode> Nodes, IReadOnlyList<Neo4jRelationship> Relationships);

/// <summary>A value this adapter does not interpret (Time, LocalTime, Duration, Point), kept as the server wrote it.</summary>
public sealed record CypherText(string Type, string Text);
