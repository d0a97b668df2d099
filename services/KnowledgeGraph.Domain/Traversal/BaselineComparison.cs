namespace KnowledgeGraph.Domain.Traversal;

/// <summary>
/// A what-if trace beside its baseline: every dependency of either trace with its exposure under the
/// exclusions and without them (<see cref="KnowledgeGraph.V1.ExposureComparison"/>). A dependency the
/// exclusions cut off entirely is listed with exposure 0 and no routes, so the loss shows; the order
/// is the trace's (largest lower bound, then upper bound, then name). The dependencies are chosen by
/// <see cref="TraceSelection"/>; this says how the two traces' outcomes combine.
/// </summary>
public static class BaselineComparison
{
    /// <summary>
    /// Bounds hit by either trace are reported, and the relationships both expanded are counted
    /// (once when the baseline is the trace itself, as it is without exclusions).
    /// </summary>
    public static TraversalOutcome Outcome(TraversalOutcome withExclusions, TraversalOutcome? baseline, bool sameTrace) =>
        baseline is null ? withExclusions : new TraversalOutcome(
            [.. withExclusions.BoundsHit.Union(baseline.BoundsHit).Order()],
            withExclusions.ExpandedRelationships + (sameTrace ? 0 : baseline.ExpandedRelationships));
}
