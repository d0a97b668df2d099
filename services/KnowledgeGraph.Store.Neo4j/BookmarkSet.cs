namespace KnowledgeGraph.Store.Neo4j;

/// <summary>
/// The bookmarks of the writes this store instance has committed, kept as Neo4j drivers' bookmark
/// manager keeps them: a transaction that began after the set U and committed with the bookmarks B
/// replaces U by B, <c>(current − U) ∪ B</c>. A write that commits late therefore never takes away
/// the bookmark of a write that committed after it began.
/// </summary>
internal sealed class BookmarkSet
{
    private readonly Lock _lock = new();
    private IReadOnlySet<string> _current = new HashSet<string>(StringComparer.Ordinal);

    public IReadOnlySet<string> Current
    {
        get
        {
            lock (_lock) return _current;
        }
    }

    /// <summary>This store's bookmarks together with <paramref name="markers"/>: what a read or transaction waits for.</summary>
    public IReadOnlyList<string> With(IReadOnlyList<string> markers)
    {
        var current = Current;
        return markers.Count == 0 ? [.. current] : [.. current.Union(markers, StringComparer.Ordinal)];
    }

    /// <summary>Records that a transaction that began after <paramref name="began"/> committed with <paramref name="committed"/>.</summary>
    public void Committed(IReadOnlyCollection<string> began, IReadOnlyCollection<string> committed)
    {
        if (committed.Count == 0) return;
        lock (_lock)
        {
            var next = new HashSet<string>(_current, StringComparer.Ordinal);
            next.ExceptWith(began);
            next.UnionWith(committed);
            _current = next;
        }
    }
}
