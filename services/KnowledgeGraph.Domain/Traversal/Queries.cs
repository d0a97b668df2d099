using KnowledgeGraph.Protocol;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>
/// What bounds one traversal besides its own depth and result limits: a cap on relationships
/// expanded, and a wall-clock instant after which the traversal stops and reports DEADLINE.
/// </summary>
public sealed record TraversalBudget(int MaxExpandedRelationships, DateTimeOffset? StopAt)
{
    public static TraversalBudget Default => new(Limits.DefaultMaxExpandedRelationships, null);
}

/// <summary>A validated FindPaths request with defaults applied. Entity names are full names.</summary>
public sealed record PathQuery(
    string Source,
    string Target,
    IReadOnlySet<string> RelationshipTypes,
    Direction Direction,
    int MaxDepth,
    int MaxPaths,
    PathMode Mode,
    DateTimeOffset AsOf,
    TraversalBudget Budget);

/// <summary>A validated TraceDependencies request with defaults applied.</summary>
public sealed record TraceQuery(
    string Root,
    TraceDirection Direction,
    string? Commodity,
    int MaxDepth,
    double MinExposure,
    int MaxRoutes,
    DateTimeOffset AsOf,
    TraversalBudget Budget);

/// <summary>A validated GetNeighborhood request with defaults applied.</summary>
public sealed record NeighborhoodQuery(
    string Center,
    int Depth,
    IReadOnlySet<string> RelationshipTypes,
    Direction Direction,
    int MaxEntities,
    DateTimeOffset AsOf,
    TraversalBudget Budget);
