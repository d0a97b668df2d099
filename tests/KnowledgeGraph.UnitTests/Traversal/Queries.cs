using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.V1;
using static KnowledgeGraph.UnitTests.Traversal.InMemoryGraph;

namespace KnowledgeGraph.UnitTests.Traversal;

/// <summary>Query records with the API's defaults, so each test states only what it is about.</summary>
internal static class Queries
{
    public static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static PathQuery Path(string source, string target, PathMode mode = PathMode.Shortest, int maxDepth = 4, int maxPaths = 10,
        Direction direction = Direction.Outgoing, DateTimeOffset? asOf = null, TraversalBudget? budget = null, params string[] types) =>
        new(E(source), E(target), types.ToHashSet(), direction, maxDepth, maxPaths, mode, asOf ?? Now, budget ?? TraversalBudget.Default);

    public static TraceQuery Trace(string root, TraceDirection direction = TraceDirection.Upstream, string? commodity = null, int maxDepth = 6,
        double minExposure = 0, int maxRoutes = 100, DateTimeOffset? asOf = null, TraversalBudget? budget = null) =>
        new(E(root), direction, commodity is null ? null : E(commodity), maxDepth, minExposure, maxRoutes, asOf ?? Now, budget ?? TraversalBudget.Default);

    public static NeighborhoodQuery Neighborhood(string center, int depth = 1, int maxEntities = 500, Direction direction = Direction.Both,
        TraversalBudget? budget = null, params string[] types) =>
        new(E(center), depth, types.ToHashSet(), direction, maxEntities, Now, budget ?? TraversalBudget.Default);

    public static TraversalBudget Expansions(int max) => new(max, null);

    /// <summary>The relationship ids of a path's hops, for compact assertions.</summary>
    public static string Ids(GraphPath path) => string.Join(",", path.Hops.Select(h => h.Relationship.Name["relationships/".Length..]));

    /// <summary>The entity ids a path visits, start included.</summary>
    public static string Visits(GraphPath path) =>
        string.Join(">", new[] { path.Start.Name }.Concat(path.Hops.Select(h => h.Entity.Name)).Select(n => n["entities/".Length..]));
}
