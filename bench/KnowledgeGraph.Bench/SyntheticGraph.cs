using KnowledgeGraph.V1;

namespace KnowledgeGraph.Bench;

/// <summary>
/// A reproducible supply network: companies, each supplied by a few others with random shares.
/// The same seed gives the same graph, so runs are comparable.
/// </summary>
internal sealed class SyntheticGraph
{
    public List<Entity> Entities { get; } = [];
    public List<Relationship> Relationships { get; } = [];

    public SyntheticGraph(int companies, int suppliersPerCompany, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < companies; i++)
            Entities.Add(new Entity
            {
                Name = $"entities/c{i}",
                Kind = "Company",
                DisplayName = $"Company {i}",
                Sources = { new Source { Document = "synthetic-benchmark" } },
            });

        for (var i = 0; i < companies; i++)
            foreach (var supplier in Enumerable.Range(0, suppliersPerCompany).Select(_ => random.Next(companies)).Where(s => s != i).Distinct())
                Relationships.Add(new Relationship
                {
                    Name = $"relationships/s{supplier}-to-c{i}",
                    Type = "SUPPLIES",
                    Source = $"entities/c{supplier}",
                    Target = $"entities/c{i}",
                    Properties = { ["share"] = new PropertyValue { NumberValue = Math.Round(0.05 + random.NextDouble() * 0.45, 3) } },
                });
    }
}
