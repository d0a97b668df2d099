using KnowledgeGraph.Domain.Traversal;

namespace KnowledgeGraph.Domain.Projection.Search;

/// <summary>
/// The routes of a dependency trace as parallel arrays, a persistent list back to the root: route i
/// is hop i after route Parent[i], and route 0 is the root alone. The routes found are 1..Count, in
/// the order the trace found them; a route's hops are materialised only when an answer keeps it.
/// <para>
/// Rented from a pool (one per core) and returned by <see cref="Dispose"/> once the answer is built:
/// a trace at default budgets finds about a hundred thousand routes, and arrays grown afresh for each
/// one, doubling as they went, cost a trace megabytes of copying and fresh pages (a tenth of its time
/// in page faults and copies, measured at 20k x 100k). A pooled one keeps at most
/// <see cref="KeptRoutes"/> routes of room, about 8 MB.
/// </para>
/// </summary>
public sealed class DependencyRoutes : IDisposable
{
    private const int KeptRoutes = 1 << 18;
    private static readonly BoundedPool<DependencyRoutes> Pool = new(() => new DependencyRoutes());

    private int[] _parent = new int[256];
    private ProjectedHop[] _hop = new ProjectedHop[256];
    private byte[] _hops = new byte[256];
    private int[] _end = new int[256];
    private double[] _upper = new double[256];
    private bool[] _quantified = new bool[256];
    private int _next = 1;
    private bool _rented;

    private DependencyRoutes()
    {
        _parent[0] = -1;
        _upper[0] = 1.0;
        _quantified[0] = true;
    }

    /// <summary>Routes from <paramref name="root"/>, none found yet; dispose them when the answer no longer needs them.</summary>
    public static DependencyRoutes Rent(int root)
    {
        var routes = Pool.Rent();
        routes._next = 1;
        routes._end[0] = root;
        routes._rented = true;
        return routes;
    }

    /// <summary>Gives the arrays back to the pool; the routes must not be read after it. Call it once: a second call does nothing only while no other trace has rented them again.</summary>
    public void Dispose()
    {
        if (!_rented) return;
        _rented = false;
        if (_end.Length <= KeptRoutes) Pool.Return(this);
    }

    /// <summary>How many routes were found (route ids run from 1 to Count).</summary>
    public int Count => _next - 1;

    public int End(int route) => _end[route];
    /// <summary>The route's contribution: the product of its weights, an unknown weight making it unquantified (lower bound 0, upper bound with that weight as 1).</summary>
    public Contribution Contribution(int route) => new(_quantified[route] ? _upper[route] : 0.0, _upper[route], _quantified[route]);

    /// <summary>The product of the weights, an unknown weight taken as 1: what the route could contribute at most.</summary>
    public double Upper(int route) => _upper[route];
    public int Hops(int route) => _hops[route];

    /// <summary>Route <paramref name="route"/> and then <paramref name="hop"/>, of <paramref name="weight"/> (NaN when unknown).</summary>
    public int Extend(int route, ProjectedHop hop, double weight)
    {
        if (_next == _end.Length) Grow();
        var id = _next++;
        _parent[id] = route;
        _hop[id] = hop;
        _hops[id] = (byte)(_hops[route] + 1);
        _end[id] = hop.To;
        var known = !double.IsNaN(weight);
        _upper[id] = _upper[route] * (known ? weight : 1.0);
        _quantified[id] = _quantified[route] && known;
        return id;
    }

    /// <summary>Whether the route passes through <paramref name="entity"/> (the root included).</summary>
    public bool Visits(int route, int entity)
    {
        for (var r = route; r >= 0; r = _parent[r])
            if (_end[r] == entity) return true;
        return false;
    }

    public ProjectedHop[] HopsOf(int route)
    {
        var hops = new ProjectedHop[_hops[route]];
        for (var r = route; r > 0; r = _parent[r]) hops[_hops[r] - 1] = _hop[r];
        return hops;
    }

    /// <summary>Path order between routes: fewer hops first, then by the relationship names along them.</summary>
    public int Compare(int a, int b, ProjectionVersion graph)
    {
        var byLength = _hops[a].CompareTo(_hops[b]);
        if (byLength != 0 || a == b) return byLength;
        // Compared without allocating: the relationships are written into the stack, root end first.
        Span<int> left = stackalloc int[_hops[a]];
        Span<int> right = stackalloc int[_hops[b]];
        for (var r = a; r > 0; r = _parent[r]) left[_hops[r] - 1] = _hop[r].Relationship;
        for (var r = b; r > 0; r = _parent[r]) right[_hops[r] - 1] = _hop[r].Relationship;
        for (var i = 0; i < left.Length; i++)
        {
            if (left[i] == right[i]) continue;
            var byName = graph.CompareRelationshipNames(left[i], right[i]);
            if (byName != 0) return byName;
        }
        return 0;
    }

    /// <summary><see cref="Compare"/> as a comparer.</summary>
    public IComparer<int> Order(ProjectionVersion graph) => Comparer<int>.Create((a, b) => Compare(a, b, graph));

    private void Grow()
    {
        var size = _end.Length * 2;
        Array.Resize(ref _parent, size);
        Array.Resize(ref _hop, size);
        Array.Resize(ref _hops, size);
        Array.Resize(ref _end, size);
        Array.Resize(ref _upper, size);
        Array.Resize(ref _quantified, size);
    }
}
