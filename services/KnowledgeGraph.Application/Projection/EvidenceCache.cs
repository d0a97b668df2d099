using System.Collections.Concurrent;
using Google.Protobuf;

namespace KnowledgeGraph.Application.Projection;

/// <summary>
/// The evidence (entities and relationships as the store holds them) that recent answers read, by
/// name: most answers pass through the same hubs, and at 1M x 5M two thirds of a trace's 950
/// relationships had been read by an earlier trace. Reading and parsing them again was a third of
/// a trace's time in the service.
/// <para>
/// It follows the projection, never the other way: the feed evicts every resource a change names
/// as it applies the change, and empties the cache when it reads the whole graph again, so what the
/// cache holds is never older than the projection's version. A read that overlapped an eviction
/// does not fill it, since what it read may predate the change (the generation tells). Bounded by
/// the serialized size of what it holds: when a resource would pass the budget it starts again empty,
/// which keeps it simple and lets the hubs of the current questions fill it again.
/// </para>
/// </summary>
public sealed class EvidenceCache(long budgetBytes)
{
    private readonly ConcurrentDictionary<string, (IMessage Resource, int Size)> _resources = new(StringComparer.Ordinal);
    private readonly Lock _changes = new();
    private long _generation;
    private long _bytes;

    /// <summary>Changes with every eviction: take it before reading the store, and give it back to <see cref="Fill{T}"/>.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Resources held now.</summary>
    public int Count => _resources.Count;

    /// <summary>The serialized size of the resources held now.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>The resource cached under <paramref name="name"/> (entity and relationship names never collide).</summary>
    public bool TryGet<T>(string name, out T resource) where T : class, IMessage
    {
        resource = _resources.TryGetValue(name, out var found) ? (T)found.Resource : null!;
        return resource is not null;
    }

    /// <summary>Keeps <paramref name="resources"/>, read from the store after <paramref name="generation"/> was taken, unless something was evicted since.</summary>
    public void Fill<T>(long generation, IEnumerable<T> resources, Func<T, string> name) where T : class, IMessage
    {
        if (budgetBytes <= 0) return;
        lock (_changes)
        {
            if (generation != _generation) return;
            foreach (var resource in resources)
            {
                var size = resource.CalculateSize();
                if (size > budgetBytes) continue;
                if (_bytes + size > budgetBytes)
                {
                    _resources.Clear();
                    _bytes = 0;
                }
                if (_resources.TryAdd(name(resource), (resource, size))) _bytes += size;
            }
        }
    }

    /// <summary>Forgets the resources a change names: called as the projection applies the change, before it answers from it.</summary>
    public void Evict(IEnumerable<string> names)
    {
        lock (_changes)
        {
            Interlocked.Increment(ref _generation);
            foreach (var name in names)
                if (_resources.TryRemove(name, out var removed)) _bytes -= removed.Size;
        }
    }

    /// <summary>Forgets everything: the projection read the whole graph again.</summary>
    public void Clear()
    {
        lock (_changes)
        {
            Interlocked.Increment(ref _generation);
            _resources.Clear();
            _bytes = 0;
        }
    }
}
