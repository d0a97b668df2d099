using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Projection.Search;

/// <summary>
/// Every simple dependency route from the trace root up to MaxDepth hops, with the product of its
/// hop weights, on the projection: the same routes, in the same order, as the store-backed
/// <see cref="DependencyTracer"/> (see it for the semantics and the cost).
/// <para>
/// Routes live in <see cref="DependencyRoutes"/>, parallel arrays that share prefixes, so a hundred
/// thousand partial routes cost a few megabytes and no object each. Each entity's dependency steps
/// are read once, in name order, into one flat array of 24-byte steps, and reused by every route
/// through it: a cone of 50,000 entities costs a few megabytes, not an array per entity.
/// </para>
/// </summary>
public static class DependencyTraceSearch
{
    /// <summary>The routes found, rented: dispose them once the answer is built (routes never disposed are left to the GC).</summary>
    public static DependencyRoutes Trace(ProjectionVersion graph, int root, EdgeFilter filter, int maxDepth, double minExposure, TraversalBudgetTracker budget)
    {
        var routes = DependencyRoutes.Rent(root);
        var steps = TraceSteps.Rent();
        try
        {
            return Trace(graph, filter, maxDepth, minExposure, budget, routes, steps);
        }
        finally
        {
            steps.Return();
        }
    }

    private static DependencyRoutes Trace(ProjectionVersion graph, EdgeFilter filter, int maxDepth, double minExposure, TraversalBudgetTracker budget, DependencyRoutes routes, TraceSteps steps)
    {
        var buffer = steps.Buffer;
        var (frontier, next) = (steps.Frontier, steps.Next);
        frontier.Add(0);

        for (var depth = 1; depth <= maxDepth && frontier.Count > 0; depth++)
        {
            if (budget.DeadlineReached()) break;
            next.Clear();
            var halted = false;
            foreach (var route in frontier)
            {
                var end = routes.End(route);
                LoadOnce(end);
                foreach (var step in steps.Of(end))
                {
                    if (routes.Visits(route, step.To)) continue;
                    if (!budget.TryExtendPartialPath())
                    {
                        halted = true;
                        break;
                    }
                    var extended = routes.Extend(route, step.Hop, step.Weight);
                    if (routes.Upper(extended) >= minExposure) next.Add(extended);
                }
                if (halted) break;
            }
            if (halted || budget.Stopped) break;
            (frontier, next) = (next, frontier);
            if (depth == maxDepth && frontier.Count > 0 && LoadAll(frontier) && frontier.Any(GoesOn))
                budget.Hit(Bound.MaxDepth);
        }
        return routes;

        // Reads an entity's steps the first time a route ending there is extended, so a level that
        // the route cap halts does not read the steps of the entities it never reaches (at 1M x 5M,
        // most of a depth-4 trace's last level). Once the expansion budget runs out, the entities
        // left get no steps (as the store-backed tracer admits only the relationships it allows).
        void LoadOnce(int entity)
        {
            if (steps.Has(entity)) return;
            if (budget.Stopped) buffer.Clear();
            else Expansion.Expand(graph, entity, filter, buffer, budget, ordered: true);
            steps.Add(entity, buffer);
        }

        // Reads the steps of every frontier entity, as the store-backed tracer does to decide MAX_DEPTH: false when the budget ran out on them.
        bool LoadAll(List<int> routeIds)
        {
            foreach (var route in routeIds) LoadOnce(routes.End(route));
            return !budget.Stopped;
        }

        bool GoesOn(int route)
        {
            foreach (var step in steps.Of(routes.End(route)))
                if (!routes.Visits(route, step.To)) return true;
            return false;
        }
    }

    /// <summary>What a trace needs of a step: the hop and its weight (NaN when unknown).</summary>
    private readonly record struct TraceStep(ProjectedHop Hop, double Weight)
    {
        public int To => Hop.To;
    }

    /// <summary>
    /// Each entity's steps, read once, as a slice of one growing array, the list the steps are read
    /// into, and the route frontiers of two depths. Rented from a pool (one per core) and cleared on
    /// return: a depth-4 cone at 1M x 5M holds about half a million steps (12 MB) and frontiers of up
    /// to 100,000 routes, which each trace allocated afresh, doubling as they grew, and the garbage
    /// grew the heap. What a pooled one keeps is bounded.
    /// </summary>
    private sealed class TraceSteps
    {
        private const int KeptSteps = 1 << 20;
        private const int KeptBuffer = 1 << 16;
        private static readonly BoundedPool<TraceSteps> Pool = new(() => new TraceSteps());

        private readonly Dictionary<int, (int Start, int Count)> _slices = [];
        private TraceStep[] _steps = new TraceStep[1024];
        private int _count;

        public List<Step> Buffer { get; private set; } = [];
        public List<int> Frontier { get; private set; } = [];
        public List<int> Next { get; private set; } = [];

        public static TraceSteps Rent() => Pool.Rent();

        public void Return()
        {
            if (_steps.Length > KeptSteps || _slices.Count > KeptSteps / 8) return;
            _slices.Clear();
            _count = 0;
            if (Buffer.Capacity > KeptBuffer) Buffer = [];
            Frontier = Frontier.Capacity > KeptSteps / 4 ? [] : Frontier;
            Next = Next.Capacity > KeptSteps / 4 ? [] : Next;
            Frontier.Clear();
            Next.Clear();
            Pool.Return(this);
        }

        public bool Has(int entity) => _slices.ContainsKey(entity);

        public void Add(int entity, List<Step> read)
        {
            if (_count + read.Count > _steps.Length) Array.Resize(ref _steps, Math.Max(_steps.Length * 2, _count + read.Count));
            _slices[entity] = (_count, read.Count);
            foreach (var step in read) _steps[_count++] = new TraceStep(ProjectedHop.Of(step), step.Weight);
        }

        public ReadOnlySpan<TraceStep> Of(int entity)
        {
            var (start, count) = _slices[entity];
            return _steps.AsSpan(start, count);
        }
    }
}
