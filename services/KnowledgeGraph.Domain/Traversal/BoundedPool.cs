using System.Collections.Concurrent;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>
/// Spare instances of a search's working storage, at most one per core: a search rents one and
/// returns it cleared, and one returned when the pool is full is left to the GC, so what the pool
/// holds stays bounded however many searches ran at once.
/// </summary>
internal sealed class BoundedPool<T>(Func<T> create) where T : class
{
    private readonly int _capacity = Environment.ProcessorCount;
    private readonly ConcurrentBag<T> _spare = [];
    private int _count;

    public T Rent()
    {
        if (!_spare.TryTake(out var item)) return create();
        Interlocked.Decrement(ref _count);
        return item;
    }

    public void Return(T item)
    {
        if (Interlocked.Increment(ref _count) <= _capacity) _spare.Add(item);
        else Interlocked.Decrement(ref _count);
    }
}
