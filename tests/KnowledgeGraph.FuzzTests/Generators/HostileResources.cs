using CsCheck;
using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.FuzzTests.Generators;

/// <summary>Entities, relationships, property values, sources and update masks: valid-shaped, with fields mutated.</summary>
public static class HostileResources
{
    private static readonly string[] PropertyNames = ["share", "commodity", "capital", "sector", "capacity_mtpa", "signed_on", "term_years", "as_of_year", "share_is_lower_bound", "city", "", "bogus", "share.x"];

    public static Gen<PropertyValue> Value { get; } = Gen.OneOf(
        Hostile.Number.Select(n => new PropertyValue { NumberValue = n }),
        Gen.OneOf(0L, 1L, -1L, 2030L, long.MaxValue, long.MinValue).Select(i => new PropertyValue { IntegerValue = i }),
        Gen.Frequency((3, Gen.OneOf("entities/lng", "entities/japan", "entities/nope", "LNG")), (2, Hostile.Text)).Select(s => new PropertyValue { StringValue = s }),
        Gen.Bool.Select(b => new PropertyValue { BoolValue = b }),
        Hostile.Time.Select(t => new PropertyValue { TimestampValue = t ?? new Timestamp() }),
        Gen.Const(new PropertyValue()));

    public static Gen<Dictionary<string, PropertyValue>> Properties { get; } = Gen.Frequency(
        (8, Gen.Select(Gen.OneOf(PropertyNames), Value).List[0, 3].Select(ToMap)),
        (1, Gen.Select(Hostile.Text, Value).List[0, 3].Select(ToMap)),
        (1, Gen.Int[0, 1000].Select(seed => Enumerable.Range(0, 65).ToDictionary(i => $"p{seed}-{i}", _ => new PropertyValue { StringValue = "x" }))));

    private static Dictionary<string, PropertyValue> ToMap(List<(string Key, PropertyValue Value)> pairs)
    {
        var map = new Dictionary<string, PropertyValue>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs) map[key] = value;
        return map;
    }

    public static Gen<Source> Source { get; } =
        from document in Gen.Frequency(
            (6, Gen.OneOf("fuzz-tests", "https://example.org/a", "us-japan-rare-earths-framework")),
            (3, Gen.OneOf("", "javascript:alert(1)", "http://", "ftp://x/y", "file:///etc/passwd", "http://[::1", new string('d', 2049))),
            (1, Hostile.Text))
        from quote in Gen.Frequency((6, Gen.Const("A quoted sentence.")), (1, Hostile.Text))
        from reportedBy in Gen.Frequency((6, Gen.Const("")), (1, Hostile.Text))
        from confidence in Gen.Frequency((4, Gen.Const((double?)null)), (2, Hostile.Number.Select(n => (double?)n)))
        select Build(document, quote, reportedBy, confidence);

    private static Source Build(string document, string quote, string reportedBy, double? confidence)
    {
        var source = new Source { Document = document, Quote = quote, ReportedBy = reportedBy };
        if (confidence is { } c) source.Confidence = c;
        return source;
    }

    public static Gen<Entity> Entity { get; } =
        from name in Hostile.EntityName
        from kind in Gen.Frequency((8, Gen.OneOf(Hostile.Kinds)), (1, Gen.OneOf("", "Planet", "country", "Country ")), (1, Hostile.Text))
        from displayName in Gen.Frequency((6, Gen.OneOf("Japan", "Sakhalin-2", "LNG")), (3, Hostile.Text))
        from aliases in Hostile.ListOf(Gen.Frequency((4, Gen.OneOf("JP", "Nippon")), (2, Hostile.Text)), 3, 65)
        from properties in Properties
        from externalIds in Gen.Frequency(
            (6, Gen.Const(new Dictionary<string, string>())),
            (3, Gen.Select(Gen.OneOf("iso3166_alpha2", "lei", "wikidata", "", "isbn"), Gen.OneOf("JP", "jp", "JPN", "Q17", "Q0", "529900T8BM49AURSDO55", "")).List[1, 2]
                .Select(pairs => pairs.GroupBy(p => p.Item1).ToDictionary(g => g.Key, g => g.Last().Item2))),
            (1, Gen.Select(Hostile.Text, Hostile.Text).Select(p => new Dictionary<string, string> { [p.Item1] = p.Item2 })))
        from sources in Hostile.ListOf(Source, 2, 33)
        from description in Gen.Frequency((6, Gen.Const("")), (1, Hostile.Text))
        from etag in Hostile.Etag
        from times in Hostile.Time
        select BuildEntity(name, kind, displayName, aliases, properties, externalIds, sources, description, etag, times);

    private static Entity BuildEntity(string name, string kind, string displayName, List<string> aliases, Dictionary<string, PropertyValue> properties,
        Dictionary<string, string> externalIds, List<Source> sources, string description, string etag, Timestamp? time)
    {
        var entity = new Entity { Name = name, Kind = kind, DisplayName = displayName, Description = description, Etag = etag, CreateTime = time, UpdateTime = time };
        entity.Aliases.AddRange(aliases);
        entity.Properties.Add(properties);
        entity.ExternalIds.Add(externalIds);
        entity.Sources.AddRange(sources);
        return entity;
    }

    public static Gen<Relationship> Relationship { get; } =
        from name in Hostile.RelationshipName
        from type in Gen.Frequency((8, Gen.OneOf(Hostile.Types)), (1, Gen.OneOf("", "FRIENDS_WITH", "supplies")), (1, Hostile.Text))
        from source in Hostile.EntityName
        from target in Hostile.EntityName
        from share in Gen.Frequency((6, Hostile.Number.Select(n => (PropertyValue?)new PropertyValue { NumberValue = n })), (1, Gen.Const((PropertyValue?)null)), (1, Value.Select(v => (PropertyValue?)v)))
        from properties in Properties
        from validFrom in Hostile.Time
        from validTo in Hostile.Time
        from sources in Hostile.ListOf(Source, 2, 33)
        from etag in Hostile.Etag
        select BuildRelationship(name, type, source, target, share, properties, validFrom, validTo, sources, etag);

    private static Relationship BuildRelationship(string name, string type, string source, string target, PropertyValue? share,
        Dictionary<string, PropertyValue> properties, Timestamp? validFrom, Timestamp? validTo, List<Source> sources, string etag)
    {
        var relationship = new Relationship { Name = name, Type = type, Source = source, Target = target, ValidFrom = validFrom, ValidTo = validTo, Etag = etag };
        relationship.Properties.Add(properties);
        if (share is not null) relationship.Properties["share"] = share;
        relationship.Sources.AddRange(sources);
        return relationship;
    }

    /// <summary>Update masks: none, empty, <c>*</c>, duplicated, conflicting, unknown, map keys, server fields.</summary>
    public static Gen<FieldMask?> Mask(params string[] fields) => Gen.Frequency(
        (4, Gen.Const((FieldMask?)null)),
        (2, Gen.Const<FieldMask?>(new FieldMask())),
        (2, Gen.Const<FieldMask?>(new FieldMask { Paths = { "*" } })),
        (4, Gen.Frequency(
                (6, Gen.OneOf(fields)),
                (3, Gen.OneOf("*", "name", "etag", "create_time", "type", "source", "target", "properties.", "properties.share", "properties.a.b",
                    "external_ids.iso3166_alpha2", "display_name.x", "", ".", "displayName", "aliases[0]")),
                (1, Hostile.Text))
            .List[1, 4].Select(paths => (FieldMask?)new FieldMask { Paths = { paths } })));
}
