using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>
/// A what-if trace beside its baseline: every dependency of either trace with its exposure under the
/// exclusions and without them (<see cref="ExposureComparison"/>). A dependency the exclusions cut
/// off entirely is listed with exposure 0 and no routes, so the loss shows; the order is the trace's
/// (largest lower bound, then upper bound, then name).
/// </summary>
public static class BaselineComparison
{
    /// <summary>
    /// The what-if answer with every dependency compared to <paramref name="baseline"/>, the same
    /// question without exclusions answered from the same state; bounds hit by either are reported,
    /// and the relationships both expanded are counted.
    /// </summary>
    public static TraceResult Merge(TraceResult withExclusions, TraceResult baseline) => withExclusions with
    {
        Dependencies = Compare(withExclusions.Dependencies, baseline.Dependencies),
        Outcome = new TraversalOutcome(
            [.. withExclusions.Outcome.BoundsHit.Union(baseline.Outcome.BoundsHit).Order()],
            withExclusions.Outcome.ExpandedRelationships + (ReferenceEquals(withExclusions, baseline) ? 0 : baseline.Outcome.ExpandedRelationships)),
    };

    public static IReadOnlyList<DependencyExposure> Compare(IReadOnlyList<DependencyExposure> withExclusions, IReadOnlyList<DependencyExposure> baseline)
    {
        var before = baseline.ToDictionary(d => d.Entity.Name, StringComparer.Ordinal);
        var compared = withExclusions.Select(d => d.Clone()).ToList();
        var still = compared.Select(d => d.Entity.Name).ToHashSet(StringComparer.Ordinal);
        compared.AddRange(baseline
            .Where(d => !still.Contains(d.Entity.Name))
            .Select(d => new DependencyExposure { Entity = d.Entity, Quantified = true }));
        foreach (var dependency in compared)
        {
            var (lower, upper) = before.TryGetValue(dependency.Entity.Name, out var was) ? (was.ExposureLower, was.ExposureUpper) : (0.0, 0.0);
            dependency.Comparison = new ExposureComparison
            {
                BaselineLower = lower,
                BaselineUpper = upper,
                ChangeLower = dependency.ExposureLower - lower,
                ChangeUpper = dependency.ExposureUpper - upper,
            };
        }
        compared.Sort((a, b) => ExposureAggregator.Larger(Of(a), Of(b)) is var c and not 0 ? c : string.CompareOrdinal(a.Entity.Name, b.Entity.Name));
        return compared;
    }

    private static Contribution Of(DependencyExposure d) => new(d.ExposureLower, d.ExposureUpper, d.Quantified);
}
