using KnowledgeGraph.Protocol;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>
/// What bounds one traversal besides its own depth and result limits: a cap on relationships
/// expanded, a cap on partial paths and routes built in memory, and a wall-clock instant after
/// which the traversal stops and reports DEADLINE.
/// </summary>
public sealed record TraversalBudget(int MaxExpandedRelationships, DateTimeOffset? StopAt)
{
    public static TraversalBudget Default => new(Limits.DefaultMaxExpandedRelationships, null);

    /// <summary>Most partial paths (path enumeration) or routes (traces) one traversal builds in memory.</summary>
    public int MaxPartialPaths { get; init; } = Limits.DefaultMaxPartialPaths;
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
    TraversalBudget Budget)
{
    /// <summary>Entities and relationships the search treats as gone.</summary>
    public Exclusions Exclude { get; init; } = Exclusions.None;
}

/// <summary>A validated TraceDependencies request with defaults applied.</summary>
public sealed record TraceQuery(
    string Root,
    TraceDirection Direction,
    string? Commodity,
    int MaxDepth,
    double MinExposure,
    int MaxRoutes,
    DateTimeOffset AsOf,
    TraversalBudget Budget)
{
    /// <summary>Entities and relationships the trace treats as gone.</summary>
    public Exclusions Exclude { get; init; } = Exclusions.None;

    /// <summary>Dependencies the answer lists, largest exposure first (<see cref="TraceSelection"/>).</summary>
    public int MaxResults { get; init; } = Limits.DefaultTraceResults;

    /// <summary>Also answer without the exclusions, from the same state, and compare (<see cref="BaselineComparison"/>).</summary>
    public bool CompareBaseline { get; init; }

    /// <summary>The same question without exclusions or comparison.</summary>
    public TraceQuery Baseline => this with { Exclude = Exclusions.None, CompareBaseline = false };
}

/// <summary>
/// A validated FindChokepoints request: the trace whose routes are examined (every route counts, so
/// its MinExposure is 0) and how many candidates to return.
/// </summary>
public sealed record ChokepointQuery(TraceQuery Trace, int MaxResults);

/// <summary>A validated GetNeighborhood request with defaults applied.</summary>
public sealed record NeighborhoodQuery(
    string Center,
    int Depth,
    IReadOnlySet<string> RelationshipTypes,
    Direction Direction,
    int MaxEntities,
    DateTimeOffset AsOf,
    TraversalBudget Budget);
