using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>One entity on the root's routes and what its removal would cost: the exposure lost (an interval), the entities no longer reached, and the routes through it.</summary>
public sealed record ChokepointCandidate<TKey, TRoute>(TKey Entity, double LostLower, double LostUpper, int ReachLost, int RouteCount, IReadOnlyList<TRoute> Routes);

/// <summary>The ranked candidates, the root's total exposure (the sum over the entities reached of their capped exposure) and how many entities were reached.</summary>
public sealed record ChokepointRanking<TKey, TRoute>(IReadOnlyList<ChokepointCandidate<TKey, TRoute>> Candidates, double TotalLower, double TotalUpper, int Reached);

/// <summary>
/// Which single entity would hurt the root most if it failed, for every engine.
/// <para>
/// The root's total exposure is the sum, over every entity its trace reaches, of that entity's
/// exposure (lower and upper bound, each capped at 1 as in <see cref="ExposureAggregator"/>).
/// Removing an entity C deletes exactly the routes that pass through C (C included as their end):
/// every other route is still a simple route within the depth, so no second traversal is needed.
/// For a reached entity E, let t be what the routes to E through C contribute and o what the others
/// contribute; E loses cap(o + t) − cap(o), which grows with t and shrinks as o grows. Where shares
/// are unknown t and o are intervals, so the loss lies between its value at (o upper, t lower) and at
/// (o lower, t upper); C's exposure lost is that interval summed over every reached E, and on a graph
/// whose weights are all known both ends are the exact loss. C's reach lost counts the entities all of
/// whose routes pass through C (C itself among them).
/// </para>
/// <para>
/// Ranking: upstream (what the root depends on), most exposure lost first (lower bound, then upper
/// bound), then most reach lost; downstream (who depends on the root), most reach lost first, then
/// exposure lost; ties by name. Each candidate keeps its heaviest routes (largest lower contribution,
/// then upper, then fewer hops and relationship names).
/// </para>
/// <para>
/// Cost: one trace (the routes R, each of at most D hops), then O(R · D) time and space to credit
/// every route to the entities along it, plus O(C log C) to rank the C candidates: a single pass,
/// where recomputing the trace per candidate would cost C traces.
/// </para>
/// </summary>
public static class ChokepointAnalysis
{
    /// <summary>Routes kept per candidate.</summary>
    public const int RoutesPerCandidate = 5;

    /// <param name="routes">Each route with the entities it passes after the root (its end last) and its contribution.</param>
    /// <param name="byReach">Rank by reach lost first (downstream) rather than exposure lost.</param>
    /// <param name="tieOrder">Orders routes of equal contribution: fewer hops, then relationship names.</param>
    /// <param name="entityOrder">Orders candidates of equal cost by name.</param>
    public static ChokepointRanking<TKey, TRoute> Rank<TKey, TRoute>(
        IEnumerable<(TRoute Route, IReadOnlyList<TKey> Entities, Contribution Contribution)> routes,
        bool byReach, int maxResults, IComparer<TRoute> tieOrder, IComparer<TKey> entityOrder) where TKey : notnull
    {
        var toEntity = new Dictionary<TKey, Share>();
        var through = new Dictionary<(TKey End, TKey Via), Share>();
        var routesThrough = new Dictionary<TKey, List<(TRoute Route, Contribution Contribution)>>();
        foreach (var (route, entities, contribution) in routes)
        {
            if (entities.Count == 0) continue;
            var end = entities[^1];
            toEntity[end] = toEntity.GetValueOrDefault(end).Add(contribution);
            foreach (var via in entities)
            {
                through[(end, via)] = through.GetValueOrDefault((end, via)).Add(contribution);
                if (!routesThrough.TryGetValue(via, out var list)) routesThrough[via] = list = [];
                list.Add((route, contribution));
            }
        }

        var lost = new Dictionary<TKey, (double Lower, double Upper, int Reach)>();
        foreach (var ((end, via), share) in through)
        {
            var all = toEntity[end];
            var left = share.Routes == all.Routes ? default : new Share(all.Lower - share.Lower, all.Upper - share.Upper, all.Routes - share.Routes);
            var (lower, upper, reach) = lost.GetValueOrDefault(via);
            lost[via] = (lower + Loss(left.Upper, share.Lower), upper + Loss(left.Lower, share.Upper), reach + (left.Routes == 0 ? 1 : 0));
        }

        var candidates = lost
            .Select(c => new ChokepointCandidate<TKey, TRoute>(c.Key, c.Value.Lower, c.Value.Upper, c.Value.Reach, routesThrough[c.Key].Count, Heaviest(routesThrough[c.Key], tieOrder)))
            .ToList();
        candidates.Sort((a, b) => Costlier(a, b, byReach) is var c and not 0 ? c : entityOrder.Compare(a.Entity, b.Entity));
        return new ChokepointRanking<TKey, TRoute>(
            [.. candidates.Take(maxResults)],
            toEntity.Values.Sum(s => Cap(s.Lower)),
            toEntity.Values.Sum(s => Cap(s.Upper)),
            toEntity.Count);
    }

    /// <summary>The API message for one candidate, its routes made <see cref="DependencyRoute"/>s (a route whose <paramref name="path"/> is null, gone since, is left out).</summary>
    public static Chokepoint Message<TKey, TRoute>(ChokepointCandidate<TKey, TRoute> candidate, EntityRef entity, Func<TRoute, GraphPath?> path) where TKey : notnull
    {
        var message = new Chokepoint
        {
            Entity = entity,
            ExposureLostLower = candidate.LostLower,
            ExposureLostUpper = candidate.LostUpper,
            ReachLost = candidate.ReachLost,
            RouteCount = candidate.RouteCount,
        };
        message.Routes.AddRange(candidate.Routes.Select(path).OfType<GraphPath>().Select(ExposureAggregator.Route));
        return message;
    }

    private static double Cap(double exposure) => Math.Min(1.0, exposure);

    /// <summary>
    /// What an entity's capped exposure loses when the routes through the candidate, worth
    /// <paramref name="through"/>, go and the others, worth <paramref name="other"/>, stay. The loss grows
    /// with <paramref name="through"/> and shrinks as <paramref name="other"/> grows (the cap absorbs more),
    /// so over the intervals it is least with the others at their upper bound and the routes through the
    /// candidate at their lower bound, and most the other way round.
    /// </summary>
    private static double Loss(double other, double through) => Math.Max(0.0, Cap(Math.Max(0.0, other) + through) - Cap(Math.Max(0.0, other)));

    private static IReadOnlyList<TRoute> Heaviest<TRoute>(List<(TRoute Route, Contribution Contribution)> routes, IComparer<TRoute> tieOrder)
    {
        routes.Sort((a, b) => ExposureAggregator.Larger(a.Contribution, b.Contribution) is var c and not 0 ? c : tieOrder.Compare(a.Route, b.Route));
        return [.. routes.Take(RoutesPerCandidate).Select(r => r.Route)];
    }

    private static int Costlier<TKey, TRoute>(ChokepointCandidate<TKey, TRoute> a, ChokepointCandidate<TKey, TRoute> b, bool byReach)
    {
        var byExposure = b.LostLower.CompareTo(a.LostLower) is var lower and not 0 ? lower : b.LostUpper.CompareTo(a.LostUpper);
        var reach = b.ReachLost.CompareTo(a.ReachLost);
        return byReach ? (reach != 0 ? reach : byExposure) : (byExposure != 0 ? byExposure : reach);
    }

    /// <summary>The routes to one entity (through one entity) and the sums of their contributions.</summary>
    private readonly record struct Share(double Lower, double Upper, int Routes)
    {
        public Share Add(Contribution contribution) => new(Lower + contribution.Lower, Upper + contribution.Upper, Routes + 1);
    }
}
