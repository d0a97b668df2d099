using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.Store.Neo4j.Http;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Neo4j.Mapping;

/// <summary>
/// Turns a Cypher path into the API's <see cref="GraphPath"/>: start, and per hop the full relationship
/// (evidence), the direction taken, the entity reached and the hop weight; validity is the
/// intersection of the relationships' windows (<see cref="ValidityWindow"/>), as the shared builder does.
/// </summary>
internal static class PathMapping
{
    public static GraphPath ToGraphPath(Neo4jPath path, Func<Relationship, double> weight)
    {
        var graphPath = new GraphPath { Start = StoredRows.Ref(path.Nodes[0]) };
        var relationships = new List<Relationship>(path.Relationships.Count);
        for (var i = 0; i < path.Relationships.Count; i++)
        {
            var edge = path.Relationships[i];
            var relationship = StoredRows.Relationship(edge);
            relationships.Add(relationship);
            graphPath.Hops.Add(new PathHop
            {
                Relationship = relationship,
                Direction = edge.StartNodeElementId == path.Nodes[i].ElementId ? Direction.Outgoing : Direction.Incoming,
                Entity = StoredRows.Ref(path.Nodes[i + 1]),
                Weight = weight(relationship),
            });
        }
        var (from, to) = ValidityWindow.Intersect(relationships);
        graphPath.ValidFrom = from;
        graphPath.ValidTo = to;
        return graphPath;
    }

    /// <summary>The relationship names along a path, the key of the shared <see cref="PathOrder"/>.</summary>
    public static IReadOnlyList<string> Names(GraphPath path) => path.Hops.Select(h => h.Relationship.Name).ToList();
}
