using CsCheck;
using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Projection;
using KnowledgeGraph.V1;
using Xunit;

namespace KnowledgeGraph.UnitTests.Projection;

/// <summary>The projection's own bookkeeping: writes applied on top of a base, and folding them into a new base.</summary>
public sealed class ProjectionVersionTests
{
    private static readonly ProjectionSchema Schema = new(GraphOntology.Default);
    private static readonly long AsOf = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    private static Entity Company(int i) => new() { Name = ResourceNames.Entity($"c{i}"), Kind = "Company", DisplayName = $"C{i}" };

    private static Relationship Supplies(int id, int from, int to, double share) => new()
    {
        Name = ResourceNames.Relationship($"r{id:000}"),
        Type = "SUPPLIES",
        Source = ResourceNames.Entity($"c{from}"),
        Target = ResourceNames.Entity($"c{to}"),
        Properties = { ["share"] = new PropertyValue { NumberValue = share } },
    };

    private static ProjectionVersion Loaded(int companies, IEnumerable<Relationship> relationships)
    {
        var loader = new ProjectionLoader(Schema);
        for (var i = 0; i < companies; i++) loader.Add(Company(i));
        foreach (var relationship in relationships.OrderBy(r => r.Name, StringComparer.Ordinal)) loader.Add(relationship);
        return loader.Build(position: 7);
    }

    /// <summary>Every node's steps both ways, in order, as (relationship, to, outgoing, weight).</summary>
    private static List<string> Adjacency(ProjectionVersion version)
    {
        var all = EdgeFilter.Following(Schema.AllTypes, outgoing: true, incoming: true, AsOf);
        var steps = new List<Step>();
        var lines = new List<string>();
        for (var node = 0; node < version.EntityIdLimit; node++)
        {
            if (!version.Exists(node)) continue;
            version.Steps(node, all, steps, ordered: true);
            lines.Add($"{version.EntityName(node)}: {string.Join(", ", steps.Select(s => $"{version.RelationshipName(s.Relationship)}>{version.EntityName(s.To)}{(s.Outgoing ? "" : "<")}@{s.Weight}"))}");
        }
        return lines;
    }

    [Fact]
    public void A_loaded_version_lists_each_nodes_edges_in_name_order_both_ways()
    {
        var version = Loaded(3, [Supplies(2, 0, 1, 0.5), Supplies(1, 2, 1, 0.25), Supplies(3, 1, 0, 1)]);

        Assert.Equal(
            ["entities/c0: relationships/r002>entities/c1@0.5, relationships/r003>entities/c1<@1",
             "entities/c1: relationships/r001>entities/c2<@0.25, relationships/r002>entities/c0<@0.5, relationships/r003>entities/c0@1",
             "entities/c2: relationships/r001>entities/c1@0.25"],
            Adjacency(version));
        Assert.Equal(7, version.Position);
        Assert.Equal((3, 3), version.Counts);
    }

    [Fact]
    public void Writes_on_top_replace_delete_and_add_and_old_versions_keep_their_view()
    {
        var loaded = Loaded(3, [Supplies(1, 0, 1, 0.5), Supplies(2, 1, 2, 0.5)]);

        var changed = loaded
            .WithRelationship(ResourceNames.Relationship("r001"), Supplies(1, 0, 1, 0.9))
            .WithRelationship(ResourceNames.Relationship("r002"), null)
            .WithEntity(ResourceNames.Entity("c3"), Company(3))
            .WithRelationship(ResourceNames.Relationship("r000"), Supplies(0, 3, 0, 0.1))
            .At(9);

        Assert.Equal(
            ["entities/c0: relationships/r000>entities/c3<@0.1, relationships/r001>entities/c1@0.9",
             "entities/c1: relationships/r001>entities/c0<@0.9",
             "entities/c2: ",
             "entities/c3: relationships/r000>entities/c0@0.1"],
            Adjacency(changed));
        Assert.Equal((4, 2), changed.Counts);
        Assert.Equal(3, Adjacency(loaded).Count);
        Assert.Contains("entities/c1: relationships/r001>entities/c0<@0.5, relationships/r002>entities/c2@0.5", Adjacency(loaded));
    }

    [Fact]
    public void Compacting_folds_the_writes_into_a_base_that_answers_the_same() =>
        Gen.Select(
                Gen.Select(Gen.Int[0, 7], Gen.Int[0, 7], Gen.Int[1, 10]).Array[0, 20],
                Gen.Select(Gen.Int[0, 30], Gen.Int[0, 9], Gen.Int[0, 9], Gen.Int[0, 3]).Array[0, 30])
            .Sample((loaded, writes) =>
            {
                var version = Loaded(8, loaded.Select((l, i) => Supplies(i, l.Item1, l.Item2, l.Item3 / 10.0)));
                foreach (var (id, from, to, what) in writes)
                {
                    var name = ResourceNames.Relationship($"r{id:000}");
                    version = what switch
                    {
                        0 => version.WithRelationship(name, null),
                        1 => version.WithEntity(ResourceNames.Entity($"c{from}"), from % 3 == 0 ? null : Company(from)),
                        _ => version.WithRelationship(name, Supplies(id, from, to, (what + 1) / 10.0)),
                    };
                }

                var compacted = version.Compact();

                Assert.Equal(Adjacency(version), Adjacency(compacted));
                Assert.Equal(version.Counts, compacted.Counts);
                Assert.Equal(0, compacted.Overlay.Size);
            });

    private static readonly string[] Types = ["SUPPLIES", "INVESTS_IN", "DEPENDS_ON", "LEADS"];

    [Fact]
    public void A_node_s_steps_both_ways_are_those_of_the_types_followed_each_way_valid_now_in_name_order() =>
        Gen.Select(
                Gen.Select(Gen.Int[0, 5], Gen.Int[0, 5], Gen.Int[0, Types.Length - 1], Gen.Int[0, 2]).Array[0, 40],
                Gen.Int[0, 15], Gen.Int[0, 15],
                Gen.Select(Gen.Int[0, 45], Gen.Int[0, 5], Gen.Int[0, 5], Gen.Int[0, Types.Length - 1]).Array[0, 6])
            .Sample((loaded, outMask, inMask, writes) =>
            {
                Relationship Of(int id, int from, int to, int type)
                {
                    var relationship = Supplies(id, from, to, 0.5);
                    relationship.Type = Types[type];
                    return relationship;
                }
                // Valid at AsOf with no interval, with one around it, or with one that ended before it.
                var expired = new HashSet<string>();
                var relationships = loaded.Select((l, i) =>
                {
                    var relationship = Of(i, l.Item1, l.Item2, l.Item3);
                    if (l.Item4 == 0) return relationship;
                    var from = new DateTimeOffset(l.Item4 == 1 ? 2024 : 2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
                    (relationship.ValidFrom, relationship.ValidTo) = (Timestamp.FromDateTimeOffset(from), Timestamp.FromDateTimeOffset(from.AddYears(2)));
                    if (l.Item4 == 2) expired.Add(relationship.Name);
                    return relationship;
                }).ToDictionary(r => r.Name);
                var version = Loaded(6, relationships.Values);
                foreach (var (id, from, to, type) in writes)
                {
                    var written = Of(id, from, to, type);
                    version = version.WithRelationship(written.Name, written);
                    relationships[written.Name] = written;
                    expired.Remove(written.Name);
                }
                ulong Bits(int mask) => Enumerable.Range(0, Types.Length).Where(t => (mask & (1 << t)) != 0)
                    .Aggregate(0UL, (bits, t) => bits | Schema.Mask(new HashSet<string> { Types[t] }));
                var filter = new EdgeFilter(Bits(outMask), Bits(inMask), AsOf);
                var steps = new List<Step>();

                for (var node = 0; node < 6; node++)
                {
                    var name = ResourceNames.Entity($"c{node}");
                    var expected = relationships.Values
                        .Where(r => r.Source != r.Target && !expired.Contains(r.Name))
                        .SelectMany(r => new[]
                        {
                            r.Source == name && (outMask & (1 << Array.IndexOf(Types, r.Type))) != 0 ? $"{r.Name}>{r.Target}" : null,
                            r.Target == name && (inMask & (1 << Array.IndexOf(Types, r.Type))) != 0 ? $"{r.Name}<{r.Source}" : null,
                        })
                        .OfType<string>()
                        .Order(StringComparer.Ordinal)
                        .ToList();
                    version.Steps(version.FindEntity(name), filter, steps, ordered: true);
                    Assert.Equal(expected, steps.Select(s => $"{version.RelationshipName(s.Relationship)}{(s.Outgoing ? ">" : "<")}{version.EntityName(s.To)}"));
                }
            });
}
