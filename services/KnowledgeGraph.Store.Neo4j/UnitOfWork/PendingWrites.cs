using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Neo4j.UnitOfWork;

/// <summary>
/// The writes a unit of work has asked for, kept in memory until it commits. Several writes to one
/// name collapse into the one that takes the stored state to the last: an insert then a replace is an
/// insert; a delete then an insert is a replace; an insert then a delete is nothing.
/// </summary>
internal sealed class PendingWrites
{
    public PendingChanges<Entity> Entities { get; } = new();
    public PendingChanges<Relationship> Relationships { get; } = new();
    public List<(string RequestId, string Method, byte[] Response)> Requests { get; } = [];

    /// <summary>How many resources change: one change-feed position each.</summary>
    public int ChangeCount => Entities.Count + Relationships.Count;
}

internal enum PendingKind
{
    Insert,
    Replace,
    Delete,
}

internal sealed class PendingChanges<T> where T : class
{
    private readonly OrderedDictionary<string, (PendingKind Kind, T? Value)> _byName = new(StringComparer.Ordinal);

    public int Count => _byName.Count;

    public void Insert(string name, T value) =>
        _byName[name] = Find(name) is (PendingKind.Delete, _) ? (PendingKind.Replace, value) : (PendingKind.Insert, value);

    public void Replace(string name, T value) =>
        _byName[name] = Find(name) is (PendingKind.Insert, _) ? (PendingKind.Insert, value) : (PendingKind.Replace, value);

    public void Delete(string name)
    {
        if (Find(name) is (PendingKind.Insert, _)) _byName.Remove(name);
        else _byName[name] = (PendingKind.Delete, null);
    }

    public IReadOnlyList<string> Deletes => [.. Of(PendingKind.Delete).Select(p => p.Key)];
    public IReadOnlyList<(string Name, T Value)> Inserts => [.. Of(PendingKind.Insert).Select(p => (p.Key, p.Value.Value!))];
    public IReadOnlyList<(string Name, T Value)> Replaces => [.. Of(PendingKind.Replace).Select(p => (p.Key, p.Value.Value!))];

    private (PendingKind Kind, T? Value)? Find(string name) => _byName.TryGetValue(name, out var pending) ? pending : null;

    private IEnumerable<KeyValuePair<string, (PendingKind Kind, T? Value)>> Of(PendingKind kind) => _byName.Where(p => p.Value.Kind == kind);
}
