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
/// are read once, in name order, and reused by every route through it.
/// </para>
/// </summary>
public static class DependencyTraceSearch
{
    public static DependencyRoutes Trace(ProjectionVersion graph, int root, EdgeFilter filter, int maxDepth, double minExposure, TraversalBudgetTracker budget)
    {
        var routes = new DependencyRoutes(root);
        var stepsOf = new Dictionary<int, Step[]>();
        var buffer = new List<Step>();
        List<int> frontier = [0];

        for (var depth = 1; depth <= maxDepth && frontier.Count > 0; depth++)
        {
            if (budget.DeadlineReached()) break;
            Load(frontier);
            var next = new List<int>();
            var halted = false;
            foreach (var route in frontier)
            {
                foreach (var step in stepsOf[routes.End(route)])
                {
                    if (routes.Visits(route, step.To)) continue;
                    if (!budget.TryExtendPartialPath())
                    {
                        halted = true;
                        break;
                    }
                    var extended = routes.Extend(route, step);
                    if (routes.Upper(extended) >= minExposure) next.Add(extended);
                }
                if (halted) break;
            }
            if (halted || budget.Stopped) break;
            frontier = next;
            if (depth == maxDepth && frontier.Count > 0 && Load(frontier) && !budget.Stopped
                && frontier.Any(route => stepsOf[routes.End(route)].Any(step => !routes.Visits(route, step.To))))
                budget.Hit(Bound.MaxDepth);
        }
        return routes;

        // Reads the steps of the frontier's entities not read yet; once the budget runs out, the
        // entities left get no steps (as the store-backed tracer admits the first relationships only).
        bool Load(List<int> routeIds)
        {
            var more = true;
            foreach (var route in routeIds)
            {
                var end = routes.End(route);
                if (stepsOf.ContainsKey(end)) continue;
                if (more) more = Expansion.Expand(graph, end, filter, buffer, budget, ordered: true);
                else buffer.Clear();
                stepsOf[end] = [.. buffer];
            }
            return more;
        }
    }
}
