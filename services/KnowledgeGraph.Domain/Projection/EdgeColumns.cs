namespace KnowledgeGraph.Domain.Projection;

/// <summary>
/// Edge attributes as columns (one array per attribute), appended in relationship-name order so that
/// an edge's index is its rank by name. Grows like a list, by half its size once large (a doubling
/// of 41 bytes an edge at millions of edges held both copies at once: the Queries service's peak);
/// <see cref="Trim"/> drops the spare room. Give the capacity when the count is known.
/// </summary>
public sealed class EdgeColumns(int capacity = 1024)
{
    private const int LargeColumns = 1 << 20;

    public int Count { get; private set; }
    public int[] Relationship = new int[capacity];
    public int[] Source = new int[capacity];
    public int[] Target = new int[capacity];
    public byte[] Type = new byte[capacity];
    public double[] Weight = new double[capacity];
    /// <summary>Each edge's validity interval side by side, from at 2i and to at 2i + 1: checking it reads one place, not two.</summary>
    public long[] Validity = new long[2 * capacity];
    public int[] Commodity = new int[capacity];

    public void Add(in ProjectedEdge edge)
    {
        if (Count == Relationship.Length) Resize(Math.Max(1024, Count < LargeColumns ? Count * 2 : Count + Count / 2));
        var i = Count++;
        (Relationship[i], Source[i], Target[i], Type[i]) = (edge.Relationship, edge.Source, edge.Target, edge.Type);
        (Weight[i], Validity[2 * i], Validity[2 * i + 1], Commodity[i]) = (edge.Weight, edge.From, edge.To, edge.Commodity);
    }

    public ProjectedEdge this[int i] => new(Relationship[i], Source[i], Target[i], Type[i], Weight[i], Validity[2 * i], Validity[2 * i + 1], Commodity[i]);

    public void Trim() => Resize(Count);

    public long SizeInBytes => (long)Relationship.Length * (4 + 4 + 4 + 1 + 8 + 8 + 8 + 4);

    private void Resize(int size)
    {
        Array.Resize(ref Relationship, size);
        Array.Resize(ref Source, size);
        Array.Resize(ref Target, size);
        Array.Resize(ref Type, size);
        Array.Resize(ref Weight, size);
        Array.Resize(ref Validity, 2 * size);
        Array.Resize(ref Commodity, size);
    }
}
