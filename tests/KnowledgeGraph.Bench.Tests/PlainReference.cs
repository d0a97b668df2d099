using KnowledgeGraph.Bench.Generation;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Bench.Tests;

/// <summary>
/// The answers as plainly as they can be computed from the generated rows: breadth-first distances,
/// and exposure by enumerating every simple dependency route. No projection, no budgets, no cleverness.
/// </summary>
public sealed class PlainReference(GeneratedGraph graph, DateTimeOffset asOf)
{
    private readonly int[] _valid = Enumerable.Range(0, graph.RelationshipCount).Where(j => graph.IsValidAt(j, asOf)).ToArray();

    /// <summary>The valid relationships touching each entity, either end.</summary>
    private ILookup<int, int> Incident => _incident ??= _valid.SelectMany(j => new[] { (Entity: graph.Sources[j], j), (Entity: graph.Targets[j], j) }).Distinct().ToLookup(p => p.Entity, p => p.j);
    private ILookup<int, int>? _incident;

    /// <summary>Hops of a shortest path, or -1 when there is none within <paramref name="maxDepth"/>.</summary>
    public int Distance(int source, int target, bool both, int maxDepth)
    {
        var distance = new Dictionary<int, int> { [source] = 0 };
        var queue = new Queue<int>([source]);
        while (queue.Count > 0)
        {
            var entity = queue.Dequeue();
            if (entity == target) return distance[entity];
            if (distance[entity] == maxDepth) continue;
            foreach (var j in Incident[entity])
            {
                var next = graph.Sources[j] == entity ? graph.Targets[j] : both && graph.Targets[j] == entity ? graph.Sources[j] : -1;
                if (next >= 0 && distance.TryAdd(next, distance[entity] + 1)) queue.Enqueue(next);
            }
        }
        return -1;
    }

    /// <summary>
    /// Upstream exposure of <paramref name="root"/> to every entity it reaches within <paramref name="maxDepth"/>
    /// hops: [sum of fully quantified route products, sum of route products with unknown weights as 1], each capped at 1.
    /// </summary>
    public Dictionary<string, (double Lower, double Upper)> UpstreamExposure(int root, int maxDepth, GraphOntology ontology)
    {
        var sums = new Dictionary<int, (double Lower, double Upper)>();
        Walk(root, [root], 1.0, true);
        return sums.ToDictionary(s => graph.EntityName(s.Key), s => (Math.Min(1.0, s.Value.Lower), Math.Min(1.0, s.Value.Upper)));

        void Walk(int entity, List<int> visited, double product, bool quantified)
        {
            if (visited.Count > maxDepth) return;
            foreach (var j in Incident[entity])
            {
                var type = ontology.FindType(graph.TypeName(j))!;
                var provider = type.Dependency.Direction switch
                {
                    DependencyDirection.SourceDependsOnTarget when graph.Sources[j] == entity => graph.Targets[j],
                    DependencyDirection.TargetDependsOnSource when graph.Targets[j] == entity => graph.Sources[j],
                    _ => -1,
                };
                if (provider < 0 || visited.Contains(provider)) continue;
                // A type without a weight property weighs 1; with one, a missing share is an unknown weight.
                double? weight = string.IsNullOrEmpty(type.Dependency.WeightProperty) ? 1.0 : double.IsNaN(graph.Shares[j]) ? null : graph.Shares[j];
                var (upper, known) = (product * (weight ?? 1.0), quantified && weight.HasValue);
                var (lower, upperSum) = sums.GetValueOrDefault(provider);
                sums[provider] = (lower + (known ? upper : 0), upperSum + upper);
                Walk(provider, [.. visited, provider], upper, known);
            }
        }
    }
}
