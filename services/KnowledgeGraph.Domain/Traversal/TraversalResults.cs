using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>What bounded a traversal: whether a bound stopped it, which bounds, and the relationships it expanded.</summary>
public sealed record TraversalOutcome(IReadOnlyList<Bound> BoundsHit, long ExpandedRelationships)
{
    public bool Truncated => BoundsHit.Count > 0;

    /// <summary>This outcome with <paramref name="bound"/> hit too.</summary>
    public TraversalOutcome With(Bound bound) => BoundsHit.Contains(bound) ? this : this with { BoundsHit = [.. BoundsHit.Append(bound).Order()] };
}

/// <summary>FindPaths' answer: the paths, shortest first, then by relationship names.</summary>
public sealed record PathsResult(IReadOnlyList<GraphPath> Paths, TraversalOutcome Outcome);

/// <summary>TraceDependencies' answer: the root, the dependencies listed (largest exposure first), and how many the trace reached in all.</summary>
public sealed record TraceResult(EntityRef Root, IReadOnlyList<DependencyExposure> Dependencies, TraversalOutcome Outcome, int Reached);

/// <summary>FindChokepoints' answer: the root, the candidates ranked, the root's total exposure (lower, upper) and how many entities its trace reached.</summary>
public sealed record ChokepointsResult(EntityRef Root, IReadOnlyList<Chokepoint> Chokepoints, double TotalLower, double TotalUpper, int Reached, TraversalOutcome Outcome);

/// <summary>GetNeighborhood's answer: the entities (centre first, then by distance and name) and the relationships followed.</summary>
public sealed record NeighborhoodResult(IReadOnlyList<NeighborhoodEntity> Entities, IReadOnlyList<Relationship> Relationships, TraversalOutcome Outcome);
