namespace KnowledgeGraph.Domain.Projection;

/// <summary>
/// Edge attributes as columns (one array per attribute), appended in relationship-name order so that
/// an edge's index is its rank by name. Grows like a list; <see cref="Trim"/> drops the spare room.
/// </summary>
public sealed class EdgeColumns
{
    public int Count { get; private set; }
    public int[] Relationship = new int[1024];
    public int[] Source = new int[1024];
    public int[] Target = new int[1024];
    public byte[] Type = new byte[1024];
    public double[] Weight = new double[1024];
    public long[] From = new long[1024];
    public long[] To = new long[1024];
    public int[] Commodity = new int[1024];

    public void Add(in ProjectedEdge edge)
    {
        if (Count == Relationship.Length) Resize(Count * 2);
        var i = Count++;
        (Relationship[i], Source[i], Target[i], Type[i]) = (edge.Relationship, edge.Source, edge.Target, edge.Type);
        (Weight[i], From[i], To[i], Commodity[i]) = (edge.Weight, edge.From, edge.To, edge.Commodity);
    }

    public ProjectedEdge this[int i] => new(Relationship[i], Source[i], Target[i], Type[i], Weight[i], From[i], To[i], Commodity[i]);

    public void Trim() => Resize(Count);

    public long SizeInBytes => (long)Relationship.Length * (4 + 4 + 4 + 1 + 8 + 8 + 8 + 4);

    private void Resize(int size)
    {
        Array.Resize(ref Relationship, size);
        Array.Resize(ref Source, size);
        Array.Resize(ref Target, size);
        Array.Resize(ref Type, size);
        Array.Resize(ref Weight, size);
        Array.Resize(ref From, size);
        Array.Resize(ref To, size);
        Array.Resize(ref Commodity, size);
    }
}
