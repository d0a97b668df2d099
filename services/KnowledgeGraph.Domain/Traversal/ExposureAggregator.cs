using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    /// count) by entity. Each entity's sums, shortest route and quantified flag are accumulated as the
    /// routes stream by, in arrival order (so every engine, fed the same routes in the same order, adds
    /// the same doubles), into one struct per entity; the routes are kept in an array rented for the
    /// call. Only the first <paramref name="listed"/> entities in answer order are returned (an answer
    /// lists no more, so the rest are only counted in <c>Reached</c>), and only their routes are then
    /// ranked: each keeps its best <paramref name="maxRoutes"/>. <paramref name="tieOrder"/> orders routes
    /// of equal contribution (fewer hops first, then relationship names); <paramref name="entityOrder"/>
    /// orders entities of equal exposure by name. Also returns whether an entity had more routes than
    /// it keeps. Time O(R + V log L + R_L log k) for R routes, V entities reached, L = listed, R_L the
    /// routes of the listed ones and k = max_routes; no object is made for an entity that is not listed.
    /// </summary>
    public static (IReadOnlyList<ReachedEntity<TKey, TRoute>> Entities, int Reached, bool RoutesCapped) Group<TKey, TRoute>(
        IEnumerable<(TKey Entity, TRoute Route, Contribution Contribution, int Hops)> routes,
        IComparer<TRoute> tieOrder, IComparer<TKey> entityOrder, int maxRoutes, double minExposure, int listed = int.MaxValue) where TKey : notnull
    {
        var scratch = Scratch<TKey>.Pool.Rent();
        var (index, sums) = (scratch.Index, scratch.Sums);
        var arrived = ArrayPool<(int Entity, TRoute Route, Contribution Contribution)>.Shared.Rent(routes.TryGetNonEnumeratedCount(out var count) ? count : 1024);
        var arrivals = 0;
        BestRoutes<TRoute>?[]? best = null;
        try
        {
            foreach (var (entity, route, contribution, hops) in routes)
            {
                // One lookup: about half the routes reach an entity no route reached before.
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(index, entity, out var known);
                if (!known)
                {
                    slot = sums.Count;
                    sums.Add(new Sums<TKey>(entity));
                }
                var i = slot;
                CollectionsMarshal.AsSpan(sums)[i].Add(contribution, hops);
                if (arrivals == arrived.Length) Grow(ref arrived);
                arrived[arrivals++] = (i, route, contribution);
            }

            var capped = false;
            var exposed = scratch.Exposed;
            for (var i = 0; i < sums.Count; i++)
            {
                if (sums[i].Exposure.Upper < minExposure) continue;
                capped |= sums[i].Count > maxRoutes;
                exposed.Add(i);
            }
            var answerOrder = Comparer<int>.Create((a, b) =>
                Larger(sums[a].Exposure, sums[b].Exposure) is var c and not 0 ? c : entityOrder.Compare(sums[a].Entity, sums[b].Entity));
            var first = First(exposed, listed, answerOrder);

            var order = new RouteOrder<TRoute>(tieOrder);
            // By entity index, not a dictionary: every route arrived is looked up, and most belong to no listed entity.
            best = ArrayPool<BestRoutes<TRoute>?>.Shared.Rent(sums.Count);
            foreach (var i in first) best[i] = new BestRoutes<TRoute>();
            foreach (var (entity, route, contribution) in arrived.AsSpan(0, arrivals))
                if (best[entity] is { } kept) kept.Add(route, contribution, maxRoutes, order);

            var reached = new List<ReachedEntity<TKey, TRoute>>(first.Count);
            foreach (var i in first)
            {
                var e = sums[i];
                reached.Add(new(e.Entity, e.Exposure.Lower, e.Exposure.Upper, e.LowerSum, e.MinHops, e.Quantified, best[i]!.Best(maxRoutes, order)));
            }
            return (reached, exposed.Count, capped);
        }
        finally
        {
            if (best is not null) ArrayPool<BestRoutes<TRoute>?>.Shared.Return(best, clearArray: true);
            ArrayPool<(int, TRoute, Contribution)>.Shared.Return(arrived, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<TRoute>());
            scratch.Return();
        }
    }

    private static void Grow<T>(ref T[] rented)
    {
        var larger = ArrayPool<T>.Shared.Rent(rented.Length * 2);
        rented.AsSpan().CopyTo(larger);
        ArrayPool<T>.Shared.Return(rented, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        rented = larger;
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
    /// The entity index and sums of one grouping, pooled (<see cref="BoundedPool{T}"/>): a trace at
    /// 1M x 5M groups 100,000 routes over about 50,000 entities, and growing them afresh made about
    /// 6 MB of garbage a trace. A pooled one keeps room for at most <see cref="KeptEntities"/>
    /// entities (about 8 MB), one per core.
    /// </summary>
    private sealed class Scratch<TKey> where TKey : notnull
    {
        private const int KeptEntities = 1 << 17;
        public static readonly BoundedPool<Scratch<TKey>> Pool = new(() => new Scratch<TKey>());

        public Dictionary<TKey, int> Index { get; } = [];
        public List<Sums<TKey>> Sums { get; } = [];
        public List<int> Exposed { get; } = [];

        public void Return()
        {
            if (Sums.Count > KeptEntities) return;
            Index.Clear();
            Sums.Clear();
            Exposed.Clear();
            Pool.Return(this);
        }
    }

    /// <summary>One entity's sums so far, in arrival order.</summary>
    private struct Sums<TKey>(TKey entity)
    {
        public readonly TKey Entity = entity;
        public double LowerSum;
        public double UpperSum;
        public int MinHops = int.MaxValue;
        public bool Quantified = true;
        public int Count;

        /// <summary>The entity's exposure: the sums, each capped at 1.</summary>
        public readonly Contribution Exposure => new(Math.Min(1.0, LowerSum), Math.Min(1.0, UpperSum), Quantified);

        public void Add(Contribution contribution, int hops)
        {
            LowerSum += contribution.Lower;
            UpperSum += contribution.Upper;
            MinHops = Math.Min(MinHops, hops);
            Quantified &= contribution.Quantified;
            Count++;
        }
    }

    /// <summary>
    /// A listed entity's best routes: a candidate list cut back to the best k whenever it reaches 2k,
    /// so a route is compared by name only when its contribution ties a kept one.
    /// </summary>
    private sealed class BestRoutes<TRoute>
    {
        private readonly List<(TRoute Route, Contribution Contribution)> _best = [];
        private bool _full;

        public void Add(TRoute route, Contribution contribution, int k, RouteOrder<TRoute> order)
        {
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
