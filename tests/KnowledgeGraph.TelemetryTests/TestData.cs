using KnowledgeGraph.V1;

namespace KnowledgeGraph.TelemetryTests;

/// <summary>Resources valid under data/ontology.json.</summary>
public static class TestData
{
    public static Entity Country(string id) => new()
    {
        Name = $"entities/{id}",
        Kind = "Country",
        DisplayName = id,
        Sources = { new Source { Document = "telemetry-tests", Quote = $"{id} is a country." } },
    };

    public static Relationship Supplies(string id, string source, string target, double share) => new()
    {
        Name = $"relationships/{id}",
        Type = "SUPPLIES",
        Source = $"entities/{source}",
        Target = $"entities/{target}",
        Properties = { ["share"] = new PropertyValue { NumberValue = share } },
        Sources = { new Source { Document = "telemetry-tests", Quote = $"{source} supplies {target}." } },
    };
}
