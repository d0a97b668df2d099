using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.Domain;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.ModelTests.Commands;

/// <summary>What a generated entity says. Any combination may be invalid under the ontology (an unknown kind, a property of another kind ...): that is the point.</summary>
public sealed record EntitySpec(string Kind, string DisplayName, string? Alias, string? Property, string Description, bool BadSource)
{
    /// <summary>Values of the properties a spec may carry; only some kinds have each.</summary>
    public static readonly IReadOnlyDictionary<string, PropertyValue> PropertyValues = new Dictionary<string, PropertyValue>
    {
        ["capital"] = new() { StringValue = "Tokyo" },
        ["sector"] = new() { StringValue = "mining" },
        ["status"] = new() { StringValue = "operating" },
        ["category"] = new() { StringValue = "critical mineral" },
        ["capacity_mtpa"] = new() { NumberValue = 2.5 },
        ["colour"] = new() { StringValue = "green" },
    };

    public Entity Build(string name)
    {
        var entity = new Entity { Name = name, Kind = Kind, DisplayName = DisplayName, Description = Description };
        if (Alias is not null) entity.Aliases.Add(Alias);
        if (Property is not null) entity.Properties[Property] = PropertyValues[Property].Clone();
        entity.Sources.Add(BadSource ? new Source { Document = "not a document id" } : new Source { Document = "model-tests", Quote = $"{DisplayName}." });
        return entity;
    }

    public override string ToString() =>
        $"{Kind} '{DisplayName}'" + (Alias is null ? "" : $" alias '{Alias}'") + (Property is null ? "" : $" +{Property}")
        + (Description.Length == 0 ? "" : $" '{Description}'") + (BadSource ? " bad-source" : "");
}

/// <summary>What a generated relationship says: type, endpoints (entity ids), share and commodity properties, validity years.</summary>
public sealed record RelationshipSpec(string Type, string SourceId, string TargetId, double? Share, string? Commodity, int? FromYear, int? ToYear, bool BadSource)
{
    public Relationship Build(string name)
    {
        var relationship = new Relationship { Name = name, Type = Type, Source = ResourceNames.Entity(SourceId), Target = ResourceNames.Entity(TargetId) };
        if (Share is { } share) relationship.Properties["share"] = new PropertyValue { NumberValue = share };
        if (Commodity is not null) relationship.Properties["commodity"] = new PropertyValue { StringValue = Commodity };
        if (FromYear is { } from) relationship.ValidFrom = Year(from);
        if (ToYear is { } to) relationship.ValidTo = Year(to);
        relationship.Sources.Add(BadSource ? new Source { Document = "https://" } : new Source { Document = "model-tests" });
        return relationship;
    }

    public override string ToString() =>
        $"{Type} {SourceId}->{TargetId}" + (Share is { } share ? $" share {share}" : "") + (Commodity is null ? "" : $" commodity '{Commodity}'")
        + (FromYear is null && ToYear is null ? "" : $" valid [{FromYear}, {ToYear})") + (BadSource ? " bad-source" : "");

    public static Timestamp Year(int year) => Timestamp.FromDateTimeOffset(new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero));
}
