using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Projection;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.UnitTests.Projection;

/// <summary>What the projection's search tests build their graphs from: companies linked by SUPPLIES, read as of 2025.</summary>
internal static class ProjectedGraphs
{
    public static readonly ProjectionSchema DefaultSchema = new(GraphOntology.Default);
    public static readonly long AsOf = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    public static Entity Company(string id) => new() { Name = ResourceNames.Entity(id), Kind = "Company", DisplayName = id };

    public static Relationship Supplies(string id, string from, string to) => new()
    {
        Name = ResourceNames.Relationship(id),
        Type = "SUPPLIES",
        Source = ResourceNames.Entity(from),
        Target = ResourceNames.Entity(to),
    };
}
