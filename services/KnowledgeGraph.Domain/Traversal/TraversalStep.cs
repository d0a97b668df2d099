using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>
/// One relationship followed from <see cref="From"/> to <see cref="To"/>; <see cref="Taken"/> is
/// OUTGOING when followed from its source to its target and INCOMING when followed against it.
/// </summary>
public sealed record TraversalStep(Relationship Relationship, Direction Taken, string From, string To)
{
    public string RelationshipName => Relationship.Name;
}
