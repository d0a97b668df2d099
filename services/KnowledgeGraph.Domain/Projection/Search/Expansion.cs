using KnowledgeGraph.Domain.Traversal;

namespace KnowledgeGraph.Domain.Projection.Search;

/// <summary>How every projection search reads a node's edges: filtered, charged to the budget, and cut to what is left of it.</summary>
internal static class Expansion
{
    /// <summary>
    /// The steps from <paramref name="node"/> into <paramref name="steps"/>, charged to the budget.
    /// False when the budget ran out on them: <paramref name="steps"/> then holds the first ones by
    /// name that it allowed, and the search stops after using them.
    /// </summary>
    public static bool Expand(ProjectionVersion graph, int node, in EdgeFilter filter, List<Step> steps, TraversalBudgetTracker budget, bool ordered)
    {
        graph.Steps(node, filter, steps, ordered);
        var allowed = budget.AdmitCount(steps.Count);
        if (allowed == steps.Count) return true;
        if (!ordered) graph.Steps(node, filter, steps, ordered: true);
        steps.RemoveRange(allowed, steps.Count - allowed);
        return false;
    }

    /// <summary>
    /// <see cref="Expand"/> for a search that needs only the hops: into <paramref name="neighbors"/>;
    /// the whole edges are read into <paramref name="steps"/> only when the budget cuts them (to keep
    /// the first ones by name).
    /// </summary>
    public static bool ExpandNeighbors(ProjectionVersion graph, int node, in EdgeFilter filter, List<EdgeHop> neighbors, List<Step> steps, TraversalBudgetTracker budget)
    {
        graph.Neighbors(node, filter, neighbors);
        var allowed = budget.AdmitCount(neighbors.Count);
        if (allowed == neighbors.Count) return true;
        graph.Steps(node, filter, steps, ordered: true);
        neighbors.Clear();
        for (var i = 0; i < allowed; i++) neighbors.Add(EdgeHop.Of(steps[i]));
        return false;
    }
}
