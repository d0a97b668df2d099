using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>
/// Every simple dependency route from the trace root up to MaxDepth hops, with the product of its
/// hop weights (an unknown weight taken as 1 while searching); the exposures are then summed by
/// <see cref="ExposureAggregator"/>.
/// <para>
/// Algorithm: breadth-first over partial routes, one level at a time. The distinct entities at the
/// end of the current routes are expanded together (<see cref="DependencyStepLoader"/>, at most two
/// reader calls per level, each entity's steps loaded once and reused by every route through it).
/// A route is extended by every step to an entity it has not visited; a route whose product (its
/// upper bound) fell below MinExposure is kept (it still contributes) but not extended. Every partial route is itself
/// a route to the entity it ends at.
/// </para>
/// <para>
/// Complexity: the number of simple routes R can grow exponentially with depth, so R is capped by the
/// partial-path cap (<see cref="TraversalBudget.MaxPartialPaths"/>); time O(R · D) (the revisit check walks the
/// route) plus O(V + E) to load adjacency over D ≤ MaxDepth levels, space O(R + E). Weights in
/// (0, 1] make MinExposure an effective pruning: a route's product never grows as it extends.
/// </para>
/// </summary>
internal static class DependencyTracer
{
    public static async Task<IReadOnlyList<IReadOnlyList<TraversalStep>>> TraceAsync(
        IGraphReader reader, TraceQuery query, GraphOntology ontology, TraversalBudgetTracker budget, CancellationToken cancellationToken)
    {
        var loader = new DependencyStepLoader(reader, query, ontology, budget);
        var stepsFrom = new Dictionary<string, IReadOnlyList<TraversalStep>>(StringComparer.Ordinal);
        var routes = new List<Route>();
        var frontier = new List<Route> { Route.Root(query.Root) };

        for (var depth = 1; depth <= query.MaxDepth && frontier.Count > 0; depth++)
        {
            await LoadMissingAsync(frontier, loader, stepsFrom, cancellationToken).ConfigureAwait(false);
            var next = new List<Route>();
            var halted = false;
            foreach (var route in frontier)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var step in stepsFrom.GetValueOrDefault(route.End) ?? [])
                {
                    if (route.Visits(step.To)) continue;
                    if (!budget.TryExtendPartialPath())
                    {
                        halted = true;
                        break;
                    }
                    var extended = route.Extend(step, ontology.DependencyWeight(step.Relationship));
                    routes.Add(extended);
                    if (extended.Upper >= query.MinExposure) next.Add(extended);
                }
                if (halted) break;
            }
            if (halted || budget.Stopped) break;
            frontier = next;
            if (depth == query.MaxDepth && frontier.Count > 0)
                await ReportDepthIfRoutesContinueAsync(frontier, loader, stepsFrom, budget, cancellationToken).ConfigureAwait(false);
        }
        return routes.Select(r => r.Steps()).ToList();
    }

    private static async Task LoadMissingAsync(List<Route> frontier, DependencyStepLoader loader, Dictionary<string, IReadOnlyList<TraversalStep>> stepsFrom, CancellationToken cancellationToken)
    {
        var missing = frontier.Select(r => r.End).Where(e => !stepsFrom.ContainsKey(e)).ToHashSet(StringComparer.Ordinal);
        if (missing.Count == 0) return;
        var loaded = await loader.LoadAsync(missing, cancellationToken).ConfigureAwait(false);
        foreach (var entity in missing) stepsFrom[entity] = loaded.GetValueOrDefault(entity) ?? [];
    }

    /// <summary>Looks one level past MaxDepth: MAX_DEPTH is reported only if some route could really go on.</summary>
    private static async Task ReportDepthIfRoutesContinueAsync(List<Route> frontier, DependencyStepLoader loader, Dictionary<string, IReadOnlyList<TraversalStep>> stepsFrom, TraversalBudgetTracker budget, CancellationToken cancellationToken)
    {
        await LoadMissingAsync(frontier, loader, stepsFrom, cancellationToken).ConfigureAwait(false);
        if (budget.Stopped) return;
        if (frontier.Any(route => (stepsFrom.GetValueOrDefault(route.End) ?? []).Any(step => !route.Visits(step.To))))
            budget.Hit(Bound.MaxDepth);
    }

    /// <summary>A partial route as a persistent list back to the root, so routes share their prefixes.</summary>
    private sealed class Route
    {
        private readonly Route? _parent;
        private readonly TraversalStep? _step;

        private Route(Route? parent, TraversalStep? step, string end, double upper, int hops)
        {
            _parent = parent;
            _step = step;
            End = end;
            Upper = upper;
            Hops = hops;
        }

        public string End { get; }

        /// <summary>The product of the weights so far, an unknown weight taken as 1: what the route could still contribute.</summary>
        public double Upper { get; }

        public int Hops { get; }

        public static Route Root(string root) => new(null, null, root, 1.0, 0);

        public Route Extend(TraversalStep step, double? weight) => new(this, step, step.To, Upper * (weight ?? 1.0), Hops + 1);

        public bool Visits(string entity)
        {
            for (var route = this; route is not null; route = route._parent)
                if (route.End == entity) return true;
            return false;
        }

        public IReadOnlyList<TraversalStep> Steps()
        {
            var steps = new TraversalStep[Hops];
            for (var route = this; route._step is not null; route = route._parent!)
                steps[route.Hops - 1] = route._step;
            return steps;
        }
    }
}
