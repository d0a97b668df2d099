using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>A route's share of the root's dependency: its lower and upper contribution and whether every weight on it is known.</summary>
public readonly record struct Contribution(double Lower, double Upper, bool Quantified)
{
    /// <summary>The contribution of a route whose weights are <paramref name="weights"/> (null: unknown, taken as 1 for the upper bound).</summary>
    public static Contribution Of(IEnumerable<double?> weights)
    {
        var (upper, quantified) = (1.0, true);
        foreach (var weight in weights)
        {
            upper *= weight ?? 1.0;
            quantified &= weight.HasValue;
        }
        return new(quantified ? upper : 0.0, upper, quantified);
    }
}

/// <summary>One reached entity: its exposure interval, the lower sum before the cap, its shortest route's hops, and the routes kept for it.</summary>
public sealed record ReachedEntity<TKey, TRoute>(TKey Entity, double Lower, double Upper, double UncappedLower, int MinDepth, bool Quantified, IReadOnlyList<TRoute> Routes);

/// <summary>
/// What exposure means, for every engine. A route's contribution is the product of its hop weights;
/// a hop whose relationship states the dependency without its weight makes the route unquantified:
/// it contributes 0 to the lower bound and (the unknown weight taken as 1) to the upper bound.
/// Exposure to an entity is the interval [sum of lower contributions, sum of upper contributions],
/// each capped at 1; on a graph where every weight is known both ends are the exposure.
/// Entities whose upper bound is below min_exposure are left out (one reached only by unquantified
/// routes is listed with lower 0, never dropped for it). Each lists at most max_routes routes,
/// largest lower contribution first, then largest upper, then fewer hops, then relationship names;
/// entities come largest lower bound first, then largest upper bound, then by name.
/// </summary>
public static class ExposureAggregator
{
    /// <summary>
    /// Groups <paramref name="routes"/> (each with the entity it reaches, its contribution and its hop
    /// count) by entity, in one pass: each entity's sums, shortest route and quantified flag are
    /// accumulated as the routes stream by, and only its best <paramref name="maxRoutes"/> routes are
    /// kept. <paramref name="tieOrder"/> orders routes of equal contribution (fewer hops first, then
    /// relationship names); <paramref name="entityOrder"/> orders entities of equal exposure by name.
    /// Returns the first <paramref name="listed"/> entities in answer order (an answer lists no more,
    /// so the rest are only counted in <c>Reached</c>), and whether an entity had more routes than it
    /// keeps. Time O(R log k + V log L) for R routes, V entities reached, k = max_routes and
    /// L = listed; space O(V · k): no route that is not kept is ever compared by name or turned into
    /// a path, and no entity that is not listed is sorted.
    /// </summary>
    public static (IReadOnlyList<ReachedEntity<TKey, TRoute>> Entities, int Reached, bool RoutesCapped) Group<TKey, TRoute>(
        IEnumerable<(TKey Entity, TRoute Route, Contribution Contribution, int Hops)> routes,
        IComparer<TRoute> tieOrder, IComparer<TKey> entityOrder, int maxRoutes, double minExposure, int listed = int.MaxValue) where TKey : notnull
    {
        var order = new RouteOrder<TRoute>(tieOrder);
        var byEntity = new Dictionary<TKey, Accumulated<TRoute>>();
        foreach (var (entity, route, contribution, hops) in routes)
        {
            if (!byEntity.TryGetValue(entity, out var accumulated)) byEntity[entity] = accumulated = new Accumulated<TRoute>();
            accumulated.Add(route, contribution, hops, maxRoutes, order);
        }

        var capped = false;
        var exposed = new List<(TKey Entity, Accumulated<TRoute> Sums)>();
        foreach (var (entity, accumulated) in byEntity)
        {
            if (accumulated.Exposure.Upper < minExposure) continue;
            capped |= accumulated.Count > maxRoutes;
            exposed.Add((entity, accumulated));
        }
        var answerOrder = Comparer<(TKey Entity, Accumulated<TRoute> Sums)>.Create((a, b) =>
            Larger(a.Sums.Exposure, b.Sums.Exposure) is var c and not 0 ? c : entityOrder.Compare(a.Entity, b.Entity));
        var first = First(exposed, listed, answerOrder);
        var reached = first.Select(e => new ReachedEntity<TKey, TRoute>(e.Entity, e.Sums.Exposure.Lower, e.Sums.Exposure.Upper, e.Sums.LowerSum,
            e.Sums.MinHops, e.Sums.Quantified, e.Sums.Best(maxRoutes, order))).ToList();
        return (reached, exposed.Count, capped);
    }

    /// <summary>The first <paramref name="count"/> of <paramref name="items"/> in <paramref name="order"/>, sorted; a bounded heap when they are a few of many.</summary>
    private static List<T> First<T>(List<T> items, int count, IComparer<T> order)
    {
        if (count <= 0) return [];
        if (items.Count > count)
        {
            // The heap's top is the worst item kept, so a better one takes its place.
            var kept = new PriorityQueue<T, T>(Comparer<T>.Create((a, b) => order.Compare(b, a)));
            foreach (var item in items)
            {
                if (kept.Count < count) kept.Enqueue(item, item);
                else if (order.Compare(item, kept.Peek()) < 0) kept.EnqueueDequeue(item, item);
            }
            items = [.. kept.UnorderedItems.Select(i => i.Element)];
        }
        items.Sort(order);
        return items;
    }

    /// <summary>Routes best first: larger lower contribution, then larger upper, then <c>tieOrder</c> (fewer hops, then names).</summary>
    private sealed class RouteOrder<TRoute>(IComparer<TRoute> tieOrder) : IComparer<(TRoute Route, Contribution Contribution)>
    {
        public int Compare((TRoute Route, Contribution Contribution) a, (TRoute Route, Contribution Contribution) b) =>
            Larger(a.Contribution, b.Contribution) is var c and not 0 ? c : tieOrder.Compare(a.Route, b.Route);
    }

    /// <summary>
    /// One entity's routes so far: the sums in arrival order (so every engine, fed the same routes in
    /// the same order, adds the same doubles), and a candidate list cut back to the best k whenever it
    /// reaches 2k, so a route is compared by name only when its contribution ties a kept one.
    /// </summary>
    private sealed class Accumulated<TRoute>
    {
        private readonly List<(TRoute Route, Contribution Contribution)> _best = [];
        private bool _full;

        public double LowerSum { get; private set; }
        public double UpperSum { get; private set; }
        public int MinHops { get; private set; } = int.MaxValue;
        public bool Quantified { get; private set; } = true;
        public int Count { get; private set; }

        /// <summary>The entity's exposure: the sums, each capped at 1.</summary>
        public Contribution Exposure => new(Math.Min(1.0, LowerSum), Math.Min(1.0, UpperSum), Quantified);

        public void Add(TRoute route, Contribution contribution, int hops, int k, RouteOrder<TRoute> order)
        {
            LowerSum += contribution.Lower;
            UpperSum += contribution.Upper;
            MinHops = Math.Min(MinHops, hops);
            Quantified &= contribution.Quantified;
            Count++;
            var candidate = (route, contribution);
            // Once cut back to k, a route no better than the k-th kept cannot enter the best k.
            if (_full && order.Compare(candidate, _best[k - 1]) >= 0) return;
            _best.Add(candidate);
            if (_best.Count >= 2 * k) CutTo(k, order);
        }

        public IReadOnlyList<TRoute> Best(int k, RouteOrder<TRoute> order)
        {
            CutTo(k, order);
            return [.. _best.Select(b => b.Route)];
        }

        private void CutTo(int k, RouteOrder<TRoute> order)
        {
            _best.Sort(order);
            if (_best.Count > k) _best.RemoveRange(k, _best.Count - k);
            _full = _best.Count == k;
        }
    }

    /// <summary>The API message for one reached entity, with each kept route made a <see cref="GraphPath"/>.</summary>
    public static DependencyExposure Exposure<TKey, TRoute>(ReachedEntity<TKey, TRoute> reached, Func<TRoute, GraphPath> path) where TKey : notnull
    {
        var paths = reached.Routes.Select(path).ToList();
        var exposure = new DependencyExposure
        {
            Entity = paths[0].Hops[^1].Entity,
            Exposure = reached.Lower,
            UncappedExposure = reached.UncappedLower,
            MinDepth = reached.MinDepth,
            ExposureLower = reached.Lower,
            ExposureUpper = reached.Upper,
            Quantified = reached.Quantified,
        };
        exposure.Routes.AddRange(paths.Select(Route));
        return exposure;
    }

    /// <summary>A route's message: its path, its contribution interval, and which hops lack a weight.</summary>
    public static DependencyRoute Route(GraphPath path)
    {
        var contribution = ContributionOf(path);
        var route = new DependencyRoute { Path = path, Contribution = contribution.Lower, ContributionUpper = contribution.Upper, Quantified = contribution.Quantified };
        route.UnquantifiedHops.AddRange(path.Hops.Select((hop, i) => (hop, i)).Where(h => h.hop.WeightUnknown).Select(h => h.i));
        return route;
    }

    public static Contribution ContributionOf(GraphPath path) => Contribution.Of(path.Hops.Select(h => h.WeightUnknown ? (double?)null : h.Weight));

    /// <summary>Larger lower bound first, then larger upper bound.</summary>
    internal static int Larger(Contribution a, Contribution b) =>
        b.Lower.CompareTo(a.Lower) is var byLower and not 0 ? byLower : b.Upper.CompareTo(a.Upper);
}
