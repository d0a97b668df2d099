using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>
/// One dependency an answer lists: its entity, what the trace found for it (null when only the
/// baseline reached it, the exclusions having cut it off) and, with compare_baseline, its exposure
/// without the exclusions (0 when the baseline did not reach it).
/// </summary>
public sealed record SelectedDependency<TKey, TRoute>(TKey Entity, ReachedEntity<TKey, TRoute>? Reached, (double Lower, double Upper)? Baseline);

/// <summary>The dependencies an answer lists (at most max_results, in answer order), how many the trace reached in all, and whether some were left out.</summary>
public sealed record TraceSelectionResult<TKey, TRoute>(IReadOnlyList<SelectedDependency<TKey, TRoute>> Listed, int Reached, bool Cut);

/// <summary>
/// Which dependencies a trace answer lists, for every engine, chosen before any evidence is read or
/// any path built: the dependencies in answer order (largest lower bound, then upper bound, then
/// name), the first <c>max_results</c> of them; the rest are counted in <c>reached</c> and reported
/// as MAX_RESULTS. With a baseline (compare_baseline), every dependency of either trace takes part,
/// one the exclusions cut off entirely at exposure 0, and each listed one carries its baseline
/// exposure (<see cref="BaselineComparison"/>).
/// </summary>
public static class TraceSelection
{
    /// <summary>
    /// How many of a trace's dependencies its grouping must give in answer order
    /// (<see cref="ExposureAggregator.Group"/>): max_results, or every one when the answer compares with
    /// a baseline, whose dependencies all take part in the order.
    /// </summary>
    public static int Grouped(TraceQuery query) => query.CompareBaseline ? int.MaxValue : query.MaxResults;

    /// <param name="reached">The first <see cref="Grouped"/> dependencies in answer order.</param>
    /// <param name="reachedCount">How many the trace reached in all.</param>
    public static TraceSelectionResult<TKey, TRoute> Select<TKey, TRoute>(
        IReadOnlyList<ReachedEntity<TKey, TRoute>> reached, int reachedCount, IReadOnlyList<ReachedEntity<TKey, TRoute>>? baseline,
        IComparer<TKey> entityOrder, int maxResults) where TKey : notnull
    {
        if (baseline is null)
        {
            var listed = reached.Take(maxResults).Select(r => new SelectedDependency<TKey, TRoute>(r.Entity, r, null)).ToList();
            return new(listed, reachedCount, reachedCount > maxResults);
        }

        var before = baseline.ToDictionary(b => b.Entity, b => (b.Lower, b.Upper));
        var still = reached.Select(r => r.Entity).ToHashSet();
        var all = reached.Select(r => new SelectedDependency<TKey, TRoute>(r.Entity, r, before.GetValueOrDefault(r.Entity, (0.0, 0.0))))
            .Concat(baseline.Where(b => !still.Contains(b.Entity)).Select(b => new SelectedDependency<TKey, TRoute>(b.Entity, null, (b.Lower, b.Upper))))
            .ToList();
        all.Sort((a, b) => ExposureAggregator.Larger(Of(a), Of(b)) is var c and not 0 ? c : entityOrder.Compare(a.Entity, b.Entity));
        return new([.. all.Take(maxResults)], all.Count, all.Count > maxResults);
    }

    /// <summary>The message for a dependency the exclusions cut off: its entity, exposure 0, no routes.</summary>
    public static DependencyExposure CutOff(EntityRef entity) => new() { Entity = entity, Quantified = true };

    /// <summary>Sets the comparison of <paramref name="dependency"/> with its baseline exposure.</summary>
    public static DependencyExposure Compared(DependencyExposure dependency, (double Lower, double Upper)? baseline)
    {
        if (baseline is not { } compared) return dependency;
        var (lower, upper) = compared;
        dependency.Comparison = new ExposureComparison
        {
            BaselineLower = lower,
            BaselineUpper = upper,
            ChangeLower = dependency.ExposureLower - lower,
            ChangeUpper = dependency.ExposureUpper - upper,
        };
        return dependency;
    }

    private static Contribution Of<TKey, TRoute>(SelectedDependency<TKey, TRoute> d) =>
        d.Reached is { } r ? new(r.Lower, r.Upper, r.Quantified) : new(0.0, 0.0, true);
}
