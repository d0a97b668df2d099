using System.Collections.Concurrent;

namespace KnowledgeGraph.Domain.Projection.Search;

/// <summary>
/// A small value per node (a distance, a flag) for one search, without clearing an array per search:
/// a mark counts only when its stamp is the current generation. Three bytes a node; rented from a
/// pool, so a million-node graph costs each concurrent search nothing to start.
/// </summary>
internal sealed class NodeMarks
{
    private static readonly ConcurrentBag<NodeMarks> Pool = [];

    private ushort[] _stamp = [];
    private byte[] _value = [];
    private ushort _generation;

    public static NodeMarks Rent(int nodes)
    {
        var marks = Pool.TryTake(out var pooled) ? pooled : new NodeMarks();
        marks.Reset(nodes);
        return marks;
    }

    public void Return() => Pool.Add(this);

    public bool Has(int node) => _stamp[node] == _generation;

    public bool TryGet(int node, out int value)
    {
        var has = _stamp[node] == _generation;
        value = has ? _value[node] : 0;
        return has;
    }

    public int this[int node] => _stamp[node] == _generation ? _value[node] : -1;

    public void Set(int node, int value)
    {
        _stamp[node] = _generation;
        _value[node] = (byte)value;
    }

    /// <summary>Unmarks the node (the current generation is never 0).</summary>
    public void Clear(int node) => _stamp[node] = 0;

    private void Reset(int nodes)
    {
        if (_stamp.Length < nodes)
        {
            _stamp = new ushort[nodes + nodes / 4 + 16];
            _value = new byte[_stamp.Length];
            _generation = 0;
        }
        if (++_generation == 0)
        {
            Array.Clear(_stamp);
            _generation = 1;
        }
    }
}
