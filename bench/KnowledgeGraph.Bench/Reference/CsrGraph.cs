using KnowledgeGraph.Bench.Generation;

namespace KnowledgeGraph.Bench.Reference;

/// <summary>
/// The peer for path questions: the generated graph's relationships valid at one instant, as
/// compressed sparse rows out and in (every type), held in this process.
/// </summary>
public sealed class CsrGraph
{
    public int[] OutStart { get; }
    public int[] OutTarget { get; }
    public int[] InStart { get; }
    public int[] InSource { get; }
    public int EntityCount { get; }

    public CsrGraph(GeneratedGraph graph, DateTimeOffset asOf)
    {
        EntityCount = graph.EntityCount;
        var valid = Enumerable.Range(0, graph.RelationshipCount).Where(j => graph.IsValidAt(j, asOf)).ToArray();
        (OutStart, OutTarget) = Build(EntityCount, valid, j => graph.Sources[j], j => graph.Targets[j]);
        (InStart, InSource) = Build(EntityCount, valid, j => graph.Targets[j], j => graph.Sources[j]);
    }

    private static (int[] Start, int[] Far) Build(int entities, int[] relationships, Func<int, int> near, Func<int, int> far)
    {
        var start = new int[entities + 1];
        foreach (var j in relationships) start[near(j) + 1]++;
        for (var i = 0; i < entities; i++) start[i + 1] += start[i];
        var next = (int[])start.Clone();
        var farEnds = new int[relationships.Length];
        foreach (var j in relationships) farEnds[next[near(j)]++] = far(j);
        return (start, farEnds);
    }
}
