using KnowledgeGraph.V1;

namespace KnowledgeGraph.ModelTests;

/// <summary>
/// What one system's client has seen. Etags are random per write, so each system's etags are named
/// by order of first sight (etag-1, etag-2 ...): two systems that gave out equivalent etags give the
/// same labels, and a write that changed nothing must show the label it had. A command that asks for
/// "the current etag" or "a stale etag" of a name gets this system's own, from its history.
/// </summary>
public sealed class ClientMemory
{
    private const string GarbageEtag = "not-an-etag";

    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _etagHistory = new(StringComparer.Ordinal);

    /// <summary>The consistency token of the last write that committed.</summary>
    public string? LastToken { get; private set; }

    /// <summary>The graph as last read in full, by name.</summary>
    public IReadOnlyDictionary<string, Entity> Entities { get; private set; } = new Dictionary<string, Entity>();
    public IReadOnlyDictionary<string, Relationship> Relationships { get; private set; } = new Dictionary<string, Relationship>();

    public void Committed(string? token)
    {
        if (token is not null) LastToken = token;
    }

    public string Label(string etag)
    {
        if (!_labels.TryGetValue(etag, out var label)) _labels[etag] = label = $"etag-{_labels.Count + 1}";
        return label;
    }

    public void Read(IEnumerable<Entity> entities, IEnumerable<Relationship> relationships)
    {
        Entities = entities.ToDictionary(e => e.Name, StringComparer.Ordinal);
        Relationships = relationships.ToDictionary(r => r.Name, StringComparer.Ordinal);
        foreach (var (name, etag) in Entities.Select(e => (e.Key, e.Value.Etag)).Concat(Relationships.Select(r => (r.Key, r.Value.Etag))))
        {
            var history = _etagHistory.TryGetValue(name, out var seen) ? seen : _etagHistory[name] = [];
            if (history.Count == 0 || history[^1] != etag) history.Add(etag);
        }
    }

    /// <summary>The etag a command sends for <paramref name="name"/>.</summary>
    public string Etag(string name, EtagChoice choice)
    {
        var history = _etagHistory.GetValueOrDefault(name) ?? [];
        var current = Entities.GetValueOrDefault(name)?.Etag ?? Relationships.GetValueOrDefault(name)?.Etag;
        return choice switch
        {
            EtagChoice.None => "",
            // Of a deleted resource, the last etag it had: never current any more.
            EtagChoice.Current => current ?? history.LastOrDefault() ?? GarbageEtag,
            EtagChoice.Stale => history.LastOrDefault(etag => etag != current) ?? GarbageEtag,
            _ => GarbageEtag,
        };
    }
}

/// <summary>Which etag a write sends: none, the current one, one the resource had before, or one it never had.</summary>
public enum EtagChoice
{
    None,
    Current,
    Stale,
    Garbage,
}
