using KnowledgeGraph.Domain.Traversal;

namespace KnowledgeGraph.Domain.Projection.Search;

/// <summary>
/// The lists one shortest-path search fills and then drops: a node's hops (and its steps when the
/// budget cuts them), and each level's nodes and hops. Rented from a pool and cleared on return, so
/// a question through a hub does not allocate, copy as they double, and fault in megabytes of fresh
/// list storage each time (a quarter of a FindPaths at 1M x 5M). What a scratch keeps is bounded
/// (<see cref="KeptEntries"/> entries of each kind, fewer of the larger steps), and so is the pool
/// (one per core), so it holds at most about 20 MB a core whatever the questions were.
/// </summary>
internal sealed class SearchScratch
{
    private const int KeptEntries = 1 << 19;
    private const int KeptSteps = 1 << 15;
    private static readonly BoundedPool<SearchScratch> Pool = new(() => new SearchScratch());

    private readonly Stack<List<int>> _spareNodes = new();
    private readonly Stack<List<ShortestPathSearch.LevelEdge>> _spareEdges = new();
    private readonly List<List<int>> _lentNodes = [];
    private readonly List<List<ShortestPathSearch.LevelEdge>> _lentEdges = [];

    public List<EdgeHop> Neighbors { get; private set; } = [];
    public List<Step> Steps { get; private set; } = [];

    public static SearchScratch Rent() => Pool.Rent();

    /// <summary>An empty list for one level's nodes, kept until <see cref="Return"/>.</summary>
    public List<int> LevelNodes() => Lend(_spareNodes, _lentNodes);

    /// <summary>An empty list for one level's hops, kept until <see cref="Return"/>.</summary>
    public List<ShortestPathSearch.LevelEdge> LevelEdges() => Lend(_spareEdges, _lentEdges);

    /// <summary>Clears every list lent out (the search's answer no longer needs them) and pools this scratch.</summary>
    public void Return()
    {
        Keep(_lentNodes, _spareNodes);
        Keep(_lentEdges, _spareEdges);
        Neighbors = Cleared(Neighbors, KeptEntries);
        Steps = Cleared(Steps, KeptSteps);
        Pool.Return(this);
    }

    private static List<T> Lend<T>(Stack<List<T>> spare, List<List<T>> lent)
    {
        var list = spare.Count > 0 ? spare.Pop() : [];
        lent.Add(list);
        return list;
    }

    /// <summary>Keeps the lent lists, the largest first, while their room stays within <see cref="KeptEntries"/>.</summary>
    private static void Keep<T>(List<List<T>> lent, Stack<List<T>> spare)
    {
        long kept = spare.Sum(list => (long)list.Capacity);
        foreach (var list in lent.OrderByDescending(list => list.Capacity))
        {
            if (kept + list.Capacity > KeptEntries) continue;
            kept += list.Capacity;
            list.Clear();
            spare.Push(list);
        }
        lent.Clear();
    }

    private static List<T> Cleared<T>(List<T> list, int kept)
    {
        if (list.Capacity > kept) return [];
        list.Clear();
        return list;
    }
}
