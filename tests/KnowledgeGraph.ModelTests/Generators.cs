using CsCheck;
using KnowledgeGraph.ModelTests.Commands;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.ModelTests;

/// <summary>
/// Random command sequences over a small name space (6 entity ids, 8 relationship ids, a few kinds
/// and types), so that creates collide, updates find what they change, deletes meet relationships and
/// queries find paths. Every choice also has invalid values, rarer than the valid ones.
/// </summary>
public static class Generators
{
    private static readonly string[] EntityIds = ["e0", "e1", "e2", "e3", "e4", "e5"];
    private static readonly string[] RelationshipIds = ["r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7"];

    // Each entity id has a kind it mostly takes, so that relationships between them are often valid.
    private static readonly string[] UsualKinds = ["Country", "Country", "Company", "Company", "Commodity", "Project"];
    private static readonly string[] UsualNames = ["Japan", "Australia", "Japan Steel", "Lynas Rare Earths", "NdPr oxide", "Mount Weld"];

    private static readonly Dictionary<string, string[]> KindProperties = new()
    {
        ["Country"] = ["capital"],
        ["Company"] = ["sector"],
        ["Project"] = ["status", "capacity_mtpa"],
        ["Commodity"] = ["category"],
    };

    private static Gen<T> Rarely<T>(Gen<T> usual, Gen<T> rare) => Gen.Frequency((20, usual), (1, rare));

    private static readonly Gen<Items<string>> NoItems = Gen.Const(new Items<string>([]));

    private static Gen<Items<string>> ItemsOf(params string[][] choices) => Gen.OneOf([.. choices.Select(c => new Items<string>(c))]);

    private static readonly Gen<string> EntityId = Rarely(Gen.OneOf(EntityIds), Gen.OneOf("E0", "-e", ""));
    private static readonly Gen<string> RelationshipId = Rarely(Gen.OneOf(RelationshipIds), Gen.OneOf("R0", ""));
    private static readonly Gen<string> RequestId = Gen.Frequency((12, Gen.Const("")), (4, Gen.OneOf("req-1", "req-2", "req-3")), (1, Gen.Const(new string('q', 129))));
    private static readonly Gen<Consistency> CallConsistency = Gen.Frequency((12, Gen.Const(Consistency.None)), (6, Gen.Const(Consistency.Latest)), (1, Gen.Const(Consistency.Foreign)));
    private static readonly Gen<EtagChoice> Etag = Gen.Frequency((5, Gen.Const(EtagChoice.None)), (5, Gen.Const(EtagChoice.Current)), (2, Gen.Const(EtagChoice.Stale)), (1, Gen.Const(EtagChoice.Garbage)));
    private static readonly Gen<bool> ValidateOnly = Gen.Frequency((8, Gen.Const(false)), (1, Gen.Const(true)));
    private static readonly Gen<bool> Seldom = Rarely(Gen.Const(false), Gen.Const(true));
    private static readonly Gen<int?> AsOfYear = Gen.Frequency((6, Gen.Const((int?)null)), (3, Gen.OneOf<int?>(2019, 2025, 2030)));
    private static readonly Gen<Items<string>> Types = Gen.Frequency(
        (5, NoItems), (4, ItemsOf(["SUPPLIES"], ["SUPPLIES", "DEPENDS_ON"], ["LOCATED_IN"], ["EXTRACTS", "SUPPLIES"])), (1, ItemsOf(["NOPE"])));
    private static readonly Gen<Direction> Direction = Gen.Frequency(
        (1, Gen.Const(V1.Direction.Unspecified)), (2, Gen.Const(V1.Direction.Outgoing)), (2, Gen.Const(V1.Direction.Incoming)), (3, Gen.Const(V1.Direction.Both)));

    private static Gen<EntitySpec> EntitySpecFor(string id) =>
        from kind in Gen.Frequency(
            (6, Gen.Const(Array.IndexOf(EntityIds, id) is var i and >= 0 ? UsualKinds[i] : "Country")),
            (3, Gen.OneOf("Country", "Company", "Project", "Commodity", "Person")),
            (1, Gen.OneOf("Planet", "")))
        from displayName in Rarely(Gen.OneOf("Japan", "Japan Steel", "Jäpan Mining Co", "Australia", "Lynas Rare Earths", "NdPr oxide"), Gen.OneOf("", "  "))
        from alias in Rarely(Gen.OneOf<string?>(null, null, "JP", "Nippon", "Lynas"), Gen.Const<string?>(" "))
        from property in Gen.Frequency(
            (4, Gen.Const((string?)null)),
            (4, Gen.OneOf<string?>(KindProperties.GetValueOrDefault(kind) ?? ["colour"])),
            (1, Gen.OneOf<string?>([.. EntitySpec.PropertyValues.Keys])))
        from description in Gen.OneOf("", "Rare earths.", "Steel.")
        from badSource in Seldom
        select new EntitySpec(kind, displayName, alias, property, description, badSource);

    /// <summary>A relationship type with the entity ids whose usual kinds it fits, and the properties it has.</summary>
    private sealed record TypeShape(string Type, string[] Sources, string[] Targets, bool HasShare, bool HasCommodity);

    // SUPPLIES twice: it is what the traversals (paths, dependencies) follow most.
    private static readonly TypeShape[] Shapes =
    [
        new("SUPPLIES", ["e0", "e1", "e2", "e3", "e5"], ["e0", "e1", "e2", "e3"], HasShare: true, HasCommodity: true),
        new("SUPPLIES", ["e0", "e1", "e2", "e3", "e5"], ["e0", "e1", "e2", "e3"], HasShare: true, HasCommodity: true),
        new("DEPENDS_ON", ["e0", "e1", "e2", "e3", "e5"], ["e0", "e1", "e2", "e3", "e4"], HasShare: true, HasCommodity: true),
        new("EXTRACTS", ["e0", "e1", "e2", "e3", "e5"], ["e4"], HasShare: true, HasCommodity: false),
        new("LOCATED_IN", ["e2", "e3", "e5"], ["e0", "e1"], HasShare: false, HasCommodity: false),
    ];

    private static readonly Gen<RelationshipSpec> RelationshipSpec =
        from shape in Gen.OneOf(Shapes)
        from type in Rarely(Gen.Const(shape.Type), Gen.OneOf("FRIENDS_WITH", "", "LOCATED_IN"))
        from source in Gen.Frequency((6, Gen.OneOf(shape.Sources)), (1, EntityId))
        from target in Gen.Frequency((6, Gen.OneOf(shape.Targets)), (1, EntityId))
        from share in shape.HasShare
            ? Rarely(Gen.OneOf<double?>(0.25, 0.5, 1.0), Gen.OneOf<double?>(null, 0.0, 1.5))
            : Rarely(Gen.Const((double?)null), Gen.Const<double?>(0.5))
        from commodity in shape.HasCommodity
            ? Rarely(Gen.OneOf<string?>(null, null, "entities/e4"), Gen.Const<string?>("iron ore"))
            : Rarely(Gen.Const((string?)null), Gen.Const<string?>("entities/e4"))
        from validity in Rarely(
            Gen.Frequency((5, Gen.Const<(int?, int?)>((null, null))), (2, Gen.OneOf<(int?, int?)>((2020, null), (null, 2030), (2020, 2030), (2026, 2030)))),
            Gen.Const<(int?, int?)>((2030, 2020)))
        from badSource in Seldom
        select new RelationshipSpec(type, source, target, share, commodity, validity.Item1, validity.Item2, badSource);

    private static readonly Gen<Command> CreateEntity =
        from id in EntityId
        from spec in Rarely(EntitySpecFor(id).Select(s => (EntitySpec?)s), Gen.Const((EntitySpec?)null))
        from requestId in RequestId
        from validateOnly in ValidateOnly
        from consistency in CallConsistency
        select (Command)new CreateEntity(id, spec, requestId, validateOnly, consistency);

    private static readonly Gen<Command> UpdateEntity =
        from id in EntityId
        from spec in Gen.Frequency((3, EntitySpecFor(id).Select(s => (EntitySpec?)s)), (1, Gen.Const((EntitySpec?)null)))
        from fields in Gen.Frequency(
            (4, Gen.Const((Items<string>?)null)),
            (3, ItemsOf(["display_name"], ["kind"], ["kind", "display_name"], ["properties"], ["description", "aliases"], []).Select(f => (Items<string>?)f)))
        from mask in Gen.Frequency(
            (6, Gen.Const((Items<string>?)null)),
            (2, ItemsOf([], ["*"]).Select(m => (Items<string>?)m)),
            (4, ItemsOf(["display_name"], ["kind"], ["aliases", "description"], ["properties"], ["properties.capital"], ["properties.sector"], ["sources"]).Select(m => (Items<string>?)m)),
            (1, ItemsOf(["etag"], ["*", "kind"], ["properties."], ["display_name.x"]).Select(m => (Items<string>?)m)))
        from allowMissing in Gen.Frequency((4, Gen.Const(false)), (1, Gen.Const(true)))
        from etag in Etag
        from requestId in RequestId
        from validateOnly in ValidateOnly
        from consistency in CallConsistency
        select (Command)new UpdateEntity(id, spec, fields, mask, allowMissing, etag, requestId, validateOnly, consistency);

    private static readonly Gen<Command> DeleteEntity =
        from id in EntityId
        from etag in Etag
        from force in Gen.Bool
        from requestId in RequestId
        from validateOnly in ValidateOnly
        from consistency in CallConsistency
        select (Command)new DeleteEntity(id, etag, force, requestId, validateOnly, consistency);

    private static readonly Gen<Command> ImportEntities =
        from batches in (
            from id in EntityId
            from asStored in Gen.Frequency((4, Gen.Const(false)), (1, Gen.Const(true)))
            from spec in EntitySpecFor(id)
            select new ImportedEntity(id, asStored ? null : spec)).Array[0, 5].Select(rows => new Items<ImportedEntity>(rows)).Array[1, 2]
        from consistency in CallConsistency
        select (Command)new ImportEntities(new Items<Items<ImportedEntity>>(batches), consistency);

    private static readonly Gen<Command> CreateRelationship =
        from id in RelationshipId
        from spec in Rarely(RelationshipSpec.Select(s => (RelationshipSpec?)s), Gen.Const((RelationshipSpec?)null))
        from requestId in RequestId
        from validateOnly in ValidateOnly
        from consistency in CallConsistency
        select (Command)new CreateRelationship(id, spec, requestId, validateOnly, consistency);

    private static readonly Gen<Command> UpdateRelationship =
        from id in RelationshipId
        from spec in Gen.Frequency((3, RelationshipSpec.Select(s => (RelationshipSpec?)s)), (1, Gen.Const((RelationshipSpec?)null)))
        from fields in Gen.Frequency(
            (3, Gen.Const((Items<string>?)null)),
            (4, ItemsOf(["properties"], ["valid_from", "valid_to"], ["sources"], ["properties", "type", "source", "target"], []).Select(f => (Items<string>?)f)))
        from mask in Gen.Frequency(
            (6, Gen.Const((Items<string>?)null)),
            (2, ItemsOf([], ["*"]).Select(m => (Items<string>?)m)),
            (4, ItemsOf(["properties"], ["properties.share"], ["properties.commodity"], ["valid_from", "valid_to"], ["valid_to"], ["sources"]).Select(m => (Items<string>?)m)),
            (1, ItemsOf(["type"], ["*", "sources"], ["source"]).Select(m => (Items<string>?)m)))
        from allowMissing in Gen.Frequency((4, Gen.Const(false)), (1, Gen.Const(true)))
        from etag in Etag
        from requestId in RequestId
        from validateOnly in ValidateOnly
        from consistency in CallConsistency
        select (Command)new UpdateRelationship(id, spec, fields, mask, allowMissing, etag, requestId, validateOnly, consistency);

    private static readonly Gen<Command> DeleteRelationship =
        from id in RelationshipId
        from etag in Etag
        from requestId in RequestId
        from validateOnly in ValidateOnly
        from consistency in CallConsistency
        select (Command)new DeleteRelationship(id, etag, requestId, validateOnly, consistency);

    private static readonly Gen<Command> ImportRelationships =
        from batches in (
            from id in RelationshipId
            from asStored in Gen.Frequency((4, Gen.Const(false)), (1, Gen.Const(true)))
            from spec in RelationshipSpec
            select new ImportedRelationship(id, asStored ? null : spec)).Array[0, 5].Select(rows => new Items<ImportedRelationship>(rows)).Array[1, 2]
        from consistency in CallConsistency
        select (Command)new ImportRelationships(new Items<Items<ImportedRelationship>>(batches), consistency);

    private static readonly Gen<Command> Get =
        from collection in Gen.Enum<Collection>()
        from id in collection == Collection.Entities ? EntityId : RelationshipId
        from consistency in CallConsistency
        select (Command)new Get(collection, id, consistency);

    private static readonly Gen<Command> BatchGet =
        from collection in Gen.Enum<Collection>()
        from ids in (collection == Collection.Entities ? EntityId : RelationshipId).Array[0, 4]
        from consistency in CallConsistency
        select (Command)new BatchGet(collection, new Items<string>(ids), consistency);

    private static readonly Gen<Command> List =
        from collection in Gen.Enum<Collection>()
        from filter in collection == Collection.Entities
            ? Rarely(Gen.OneOf("", "", "kind = \"Country\"", "kind = Company"), Gen.OneOf("kind = \"Planet\"", "colour = red", "kind = Country AND kind = Company"))
            : Rarely(
                Gen.OneOf("", "", "type = \"SUPPLIES\"", "source = \"entities/e0\"", "target = entities/e1", "entity = \"entities/e1\"",
                    "entity = entities/e2 AND direction = OUTGOING", "entity = entities/e2 AND direction = incoming", "entity = entities/e0 AND direction = BOTH AND type = SUPPLIES"),
                Gen.OneOf("direction = OUTGOING", "type = NOPE", "source = e0", "entity = entities/e1 AND direction = sideways"))
        from pageSize in Rarely(Gen.OneOf(0, 1, 2, 3), Gen.OneOf(-1, 1001))
        from tokens in Gen.Frequency((8, Gen.Const(PageTokens.Follow)), (1, Gen.OneOf(PageTokens.Garbage, PageTokens.OtherFilter)))
        from consistency in CallConsistency
        select (Command)new List(collection, filter, pageSize, tokens, consistency);

    private static readonly Gen<Command> Search =
        from query in Rarely(Gen.OneOf("japan", "JAPAN", "jap", "japan steel", "mining co", "e1", "lynas", "nd", "Jäpan", "an"), Gen.OneOf("!!!", ""))
        from kinds in Gen.Frequency((5, NoItems), (3, ItemsOf(["Country"], ["Company", "Project"])), (1, ItemsOf(["Planet"])))
        from pageSize in Rarely(Gen.OneOf(0, 1, 2), Gen.Const(-1))
        from consistency in CallConsistency
        select (Command)new Search(query, kinds, pageSize, consistency);

    // The entities SUPPLIES and DEPENDS_ON usually join, so that paths are often found.
    private static readonly Gen<string> PathEnd = Gen.Frequency((4, Gen.OneOf("e0", "e1", "e2", "e3")), (1, EntityId));

    private static readonly Gen<int> Depth = Rarely(Gen.Int[0, 4], Gen.OneOf(11, -1));

    private static readonly Gen<Command> FindPaths =
        from source in PathEnd
        from target in PathEnd
        from types in Types
        from direction in Direction
        from maxDepth in Depth
        from maxPaths in Rarely(Gen.OneOf(0, 1, 3), Gen.Const(101))
        from mode in Gen.Int[0, 3].Select(m => (PathMode)m)
        from asOf in AsOfYear
        from consistency in CallConsistency
        select (Command)new FindPaths(source, target, types, direction, maxDepth, maxPaths, mode, asOf, consistency);

    private static readonly Gen<Command> TraceDependencies =
        from root in EntityId
        from direction in Rarely(Gen.OneOf(TraceDirection.Upstream, TraceDirection.Downstream), Gen.Const(TraceDirection.Unspecified))
        from commodity in Gen.Frequency((5, Gen.Const((string?)null)), (2, Gen.Const<string?>("e4")), (1, Gen.OneOf<string?>("e0", "E4")))
        from maxDepth in Depth
        from minExposure in Rarely(Gen.OneOf(0, 0.1, 0.3), Gen.Const(1.5))
        from maxRoutes in Gen.OneOf(0, 1, 5)
        from asOf in AsOfYear
        from consistency in CallConsistency
        select (Command)new TraceDependencies(root, direction, commodity, maxDepth, minExposure, maxRoutes, asOf, consistency);

    private static readonly Gen<Command> GetNeighborhood =
        from id in EntityId
        from depth in Rarely(Gen.OneOf(0, 1, 2, 3), Gen.Const(6))
        from types in Types
        from direction in Direction
        from maxEntities in Rarely(Gen.OneOf(0, 1, 2, 4), Gen.Const(-1))
        from asOf in AsOfYear
        from consistency in CallConsistency
        select (Command)new GetNeighborhood(id, depth, types, direction, maxEntities, asOf, consistency);

    /// <summary>Writes are most of a sequence (they make the graph the reads look at).</summary>
    public static readonly Gen<Command> Command = Gen.Frequency(
        (6, CreateEntity), (6, UpdateEntity), (2, DeleteEntity), (2, ImportEntities),
        (9, CreateRelationship), (5, UpdateRelationship), (3, DeleteRelationship), (2, ImportRelationships),
        (2, Get), (2, BatchGet), (3, List), (2, Search), (2, FindPaths), (2, TraceDependencies), (2, GetNeighborhood));

    /// <summary>Most sequences start from a graph (valid entities of their usual kinds, then mostly valid relationships), so that updates, deletes and traversals have something to work on.</summary>
    private static readonly Gen<Command[]> Setup =
        from present in Gen.Frequency((6, Gen.Const(true)), (1, Gen.Const(false))).Array[EntityIds.Length]
        from relationships in Gen.Select(Gen.OneOf(RelationshipIds), RelationshipSpec, (id, spec) => new ImportedRelationship(id, spec)).Array[4, 10]
        select new Command[]
        {
            new ImportEntities(
                new([new([.. Enumerable.Range(0, EntityIds.Length).Where(i => present[i]).Select(i => new ImportedEntity(EntityIds[i], new EntitySpec(UsualKinds[i], UsualNames[i], null, null, "", false)))])]),
                Consistency.None),
            new ImportRelationships(new([new(relationships)]), Consistency.None),
        };

    public static Gen<Command[]> Sequences(int maxLength) =>
        from setup in Gen.Frequency((3, Setup), (1, Gen.Const(Array.Empty<Command>())))
        from commands in Command.Array[1, maxLength]
        select (Command[])[.. setup, .. commands];
}
