namespace KnowledgeGraph.Bench.Generation;

/// <summary>The degree distribution of a generated graph (in plus out, every type): proof that it has hubs.</summary>
public sealed record DegreeSummary(int MaxDegree, double MeanDegree, int MedianDegree, int EntitiesOver1000, IReadOnlyList<(string Name, int Degree)> TopHubs)
{
    public static DegreeSummary Of(GeneratedGraph graph, int top = 10)
    {
        var degree = new int[graph.EntityCount];
        for (var j = 0; j < graph.RelationshipCount; j++)
        {
            degree[graph.Sources[j]]++;
            degree[graph.Targets[j]]++;
        }
        var sorted = degree.Order().ToArray();
        var hubs = Enumerable.Range(0, degree.Length).OrderByDescending(i => degree[i]).ThenBy(i => i).Take(top)
            .Select(i => (graph.EntityName(i), degree[i])).ToList();
        return new DegreeSummary(sorted[^1], 2.0 * graph.RelationshipCount / graph.EntityCount, sorted[sorted.Length / 2], degree.Count(d => d > 1000), hubs);
    }

    public override string ToString() =>
        $"degree: max {MaxDegree:N0}, mean {MeanDegree:F1}, median {MedianDegree}, {EntitiesOver1000:N0} entities over 1,000; " +
        $"top {TopHubs.Count} hubs: {string.Join(", ", TopHubs.Select(h => $"{h.Name} {h.Degree:N0}"))}";
}
