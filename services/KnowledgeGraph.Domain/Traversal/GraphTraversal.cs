using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>
/// The shared path, dependency and neighbourhood algorithms over an <see cref="IGraphReader"/>.
/// Every call is bounded by its query's depth and result limits and by its <see cref="TraversalBudget"/>
/// (expanded relationships, deadline); a bound that stopped the work is reported in
/// <c>truncated</c> / <c>bounds_hit</c>, and whatever was found is still returned.
/// </summary>
public static class GraphTraversal
{
    /// <summary>
    /// Paths from <see cref="PathQuery.Source"/> to <see cref="PathQuery.Target"/>, shortest first, then
    /// by relationship names. SHORTEST: <see cref="ShortestPathFinder"/> (level-at-a-time BFS, O(V + E));
    /// K_SHORTEST and ALL_SIMPLE: <see cref="SimplePathFinder"/> (bounded load, then length-ordered
    /// depth-first enumeration with distance-to-target pruning). Hop weights are 1.
    /// </summary>
    public static Task<PathsResult> FindPathsAsync(IGraphReader reader, PathQuery query, GraphOntology ontology, CancellationToken cancellationToken) =>
        FindPathsAsync(reader, query, ontology, TimeProvider.System, cancellationToken);

    /// <inheritdoc cref="FindPathsAsync(IGraphReader, PathQuery, GraphOntology, CancellationToken)"/>
    public static async Task<PathsResult> FindPathsAsync(IGraphReader reader, PathQuery query, GraphOntology ontology, TimeProvider time, CancellationToken cancellationToken)
    {
        using var budget = new TraversalBudgetTracker(query.Budget, time, cancellationToken);
        var found = query.Source == query.Target
            ? []
            : query.Mode is PathMode.KShortest or PathMode.AllSimple
                ? await SimplePathFinder.FindAsync(reader, query, budget, cancellationToken).ConfigureAwait(false)
                : await ShortestPathFinder.FindAsync(reader, query, budget, cancellationToken).ConfigureAwait(false);
        var builder = await PathBuilder.ForAsync(reader, query.Source, found, cancellationToken).ConfigureAwait(false);
        var paths = found
            .OrderBy(p => p.Select(s => s.RelationshipName).ToList(), PathOrder.Instance)
            .Select(p => builder.Build(query.Source, p, _ => 1.0))
            .ToList();
        return new PathsResult(paths, budget.Outcome);
    }

    /// <summary>
    /// What <see cref="TraceQuery.Root"/> depends on (UPSTREAM) or who depends on it (DOWNSTREAM), with
    /// exposure per reached entity and the routes behind it: <see cref="DependencyTracer"/> enumerates
    /// the weighted simple routes, <see cref="ExposureAggregator"/> sums them.
    /// </summary>
    public static Task<TraceResult> TraceDependenciesAsync(IGraphReader reader, TraceQuery query, GraphOntology ontology, CancellationToken cancellationToken) =>
        TraceDependenciesAsync(reader, query, ontology, TimeProvider.System, cancellationToken);

    /// <inheritdoc cref="TraceDependenciesAsync(IGraphReader, TraceQuery, GraphOntology, CancellationToken)"/>
    public static async Task<TraceResult> TraceDependenciesAsync(IGraphReader reader, TraceQuery query, GraphOntology ontology, TimeProvider time, CancellationToken cancellationToken)
    {
        var grouped = TraceSelection.Grouped(query);
        var current = await GroupAsync(reader, query, grouped, ontology, time, cancellationToken).ConfigureAwait(false);
        var baseline = !query.CompareBaseline ? null
            : query.Exclude.IsEmpty ? current
            : await GroupAsync(reader, query.Baseline, grouped, ontology, time, cancellationToken).ConfigureAwait(false);
        var selection = TraceSelection.Select(current.Entities, current.Reached, baseline?.Entities, StringComparer.Ordinal, query.MaxResults);

        // Paths are built, and their entities read, only for the dependencies and routes the answer lists.
        var builder = await PathBuilder.ForAsync(reader, query.Root, selection.Listed.SelectMany(d => d.Reached?.Routes ?? []),
            cancellationToken, also: selection.Listed.Select(d => d.Entity)).ConfigureAwait(false);
        var dependencies = selection.Listed
            .Select(d => TraceSelection.Compared(
                d.Reached is { } reached ? ExposureAggregator.Exposure(reached, r => builder.Build(query.Root, r, ontology.DependencyWeight)) : TraceSelection.CutOff(builder.RefOf(d.Entity)),
                d.Baseline))
            .ToList();
        var outcome = BaselineComparison.Outcome(current.Outcome, baseline?.Outcome, ReferenceEquals(current, baseline));
        if (selection.Cut) outcome = outcome.With(Bound.MaxResults);
        return new TraceResult(builder.RefOf(query.Root), dependencies, outcome, selection.Reached);
    }

    /// <summary>The trace's routes grouped by the entity they reach (<see cref="ExposureAggregator.Group"/>): the first <paramref name="listed"/> entities, each with its best routes.</summary>
    private static async Task<GroupedTrace> GroupAsync(IGraphReader reader, TraceQuery query, int listed, GraphOntology ontology, TimeProvider time, CancellationToken cancellationToken)
    {
        using var budget = new TraversalBudgetTracker(query.Budget, time, cancellationToken);
        var routes = await DependencyTracer.TraceAsync(reader, query, ontology, budget, cancellationToken).ConfigureAwait(false);
        // The same route (the same relationships in the same order) counts once.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var weighted = routes
            .Where(r => r.Count > 0 && seen.Add(string.Join('\n', r.Select(s => s.RelationshipName))))
            .Select(r => (r[^1].To, r, Contribution.Of(r.Select(s => ontology.DependencyWeight(s.Relationship))), r.Count));
        var (entities, reached, capped) = ExposureAggregator.Group(weighted,
            Comparer<IReadOnlyList<TraversalStep>>.Create((a, b) => PathOrder.Instance.Compare([.. a.Select(s => s.RelationshipName)], [.. b.Select(s => s.RelationshipName)])),
            StringComparer.Ordinal, query.MaxRoutes, query.MinExposure, listed);
        if (capped) budget.Hit(Bound.MaxResults);
        return new GroupedTrace(entities, reached, budget.Outcome);
    }

    private sealed record GroupedTrace(IReadOnlyList<ReachedEntity<string, IReadOnlyList<TraversalStep>>> Entities, int Reached, TraversalOutcome Outcome);

    /// <summary>
    /// The entities whose removal would cost the root most, from one trace's routes; see <see cref="ChokepointAnalysis"/>.
    /// </summary>
    public static async Task<ChokepointsResult> FindChokepointsAsync(IGraphReader reader, ChokepointQuery query, GraphOntology ontology, TimeProvider time, CancellationToken cancellationToken)
    {
        var trace = query.Trace;
        using var budget = new TraversalBudgetTracker(trace.Budget, time, cancellationToken);
        var routes = await DependencyTracer.TraceAsync(reader, trace, ontology, budget, cancellationToken).ConfigureAwait(false);
        var ranking = ChokepointAnalysis.Rank(
            routes.Select(r => (Route: r, Entities: (IReadOnlyList<string>)[.. r.Select(s => s.To)], Contribution.Of(r.Select(s => ontology.DependencyWeight(s.Relationship))))),
            byReach: trace.Direction == TraceDirection.Downstream, query.MaxResults,
            Comparer<IReadOnlyList<TraversalStep>>.Create((a, b) => PathOrder.Instance.Compare([.. a.Select(s => s.RelationshipName)], [.. b.Select(s => s.RelationshipName)])),
            StringComparer.Ordinal);
        var builder = await PathBuilder.ForAsync(reader, trace.Root, ranking.Candidates.SelectMany(c => c.Routes), cancellationToken).ConfigureAwait(false);
        var chokepoints = ranking.Candidates
            .Select(c => ChokepointAnalysis.Message(c, builder.RefOf(c.Entity), r => builder.Build(trace.Root, r, ontology.DependencyWeight)))
            .ToList();
        return new ChokepointsResult(builder.RefOf(trace.Root), chokepoints, ranking.TotalLower, ranking.TotalUpper, ranking.Reached, budget.Outcome);
    }

    /// <summary>
    /// The entities within <see cref="NeighborhoodQuery.Depth"/> hops of the centre (centre first, then
    /// by distance and name) and the relationships followed among them (by name); see <see cref="NeighborhoodExplorer"/>.
    /// </summary>
    public static Task<NeighborhoodResult> GetNeighborhoodAsync(IGraphReader reader, NeighborhoodQuery query, GraphOntology ontology, CancellationToken cancellationToken) =>
        GetNeighborhoodAsync(reader, query, ontology, TimeProvider.System, cancellationToken);

    /// <inheritdoc cref="GetNeighborhoodAsync(IGraphReader, NeighborhoodQuery, GraphOntology, CancellationToken)"/>
    public static async Task<NeighborhoodResult> GetNeighborhoodAsync(IGraphReader reader, NeighborhoodQuery query, GraphOntology ontology, TimeProvider time, CancellationToken cancellationToken)
    {
        using var budget = new TraversalBudgetTracker(query.Budget, time, cancellationToken);
        var explored = await NeighborhoodExplorer.ExploreAsync(reader, query, budget, cancellationToken).ConfigureAwait(false);
        var entities = await reader.GetEntitiesAsync([.. explored.Distances.Keys], cancellationToken).ConfigureAwait(false);
        var reached = entities
            .Where(e => explored.Distances.ContainsKey(e.Name))
            .Select(e => new NeighborhoodEntity { Entity = e, Distance = explored.Distances[e.Name] })
            .OrderBy(e => e.Distance)
            .ThenBy(e => e.Entity.Name, StringComparer.Ordinal)
            .ToList();
        return new NeighborhoodResult(reached, explored.Relationships, budget.Outcome);
    }
}
