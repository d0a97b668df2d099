using CsCheck;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.Application;
using KnowledgeGraph.Application.Projection;
using KnowledgeGraph.Application.Queries;
using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Store;
using KnowledgeGraph.Store.Reference;
using KnowledgeGraph.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;
using static KnowledgeGraph.Store.Conformance.StoreSessions;

namespace KnowledgeGraph.ModelTests;

/// <summary>
/// The projection engine and the store engine give the same answers: on random small graphs (hubs,
/// cycles, validity windows, commodities, unknown shares, dependency and other types) every FindPaths
/// (each mode and direction), TraceDependencies (with and without exclusions, the answer cut to
/// max_results or not) and FindChokepoints (with and without exclusions) and
/// GetNeighborhood returns the same paths, routes, exposures and
/// entities from both. (How far each searched may differ — the projection searches from both ends —
/// so MAX_DEPTH and the expansion count are not compared.)
/// </summary>
public sealed class EngineEquivalenceTests(ITestOutputHelper output)
{
    private static readonly string[] Kinds = ["Company", "Company", "Company", "Country", "Commodity"];

    private static readonly Gen<(Entity[] Entities, Relationship[] Relationships)> Graphs =
        from count in Gen.Int[3, 10]
        from kinds in Gen.Int[0, Kinds.Length - 1].Array[count]
        from links in Gen.Select(Gen.Int[0, count - 1], Gen.Int[0, count - 1], Gen.Int[0, 5], Gen.Int[1, 10], Gen.Int[0, 3]).Array[0, 24]
        select Build(kinds.Select(k => Kinds[k]).ToArray(), links);

    /// <summary>Mostly none; else a few entities (possibly the root, source or target) and relationships, one of them missing now and then.</summary>
    private static readonly Gen<Func<string[], IEnumerable<string>>> Exclusions = Gen.Frequency(
        (3, Gen.Const<Func<string[], IEnumerable<string>>>(_ => [])),
        (2, from entities in Gen.Int[0, 9].Array[0, 2] from relationships in Gen.Int[0, 25].Array[0, 2]
            select (Func<string[], IEnumerable<string>>)(ids =>
                [.. entities.Select(e => ids[e % ids.Length]).Distinct(), .. relationships.Distinct().Select(r => ResourceNames.Relationship($"r{r:00}"))])));

    private static readonly Gen<Func<string[], IMessage>> Questions = Gen.OneOf(
        from source in Gen.Int[0, 9] from target in Gen.Int[0, 9] from mode in Gen.Int[1, 3] from direction in Gen.Int[1, 3]
        from depth in Gen.Int[1, 6] from paths in Gen.Int[1, 20] from later in Gen.Bool from exclude in Exclusions
        select (Func<string[], IMessage>)(ids => new FindPathsRequest
        {
            Source = ids[source % ids.Length], Target = ids[target % ids.Length], Mode = (PathMode)mode, Direction = (Direction)direction,
            MaxDepth = depth, MaxPaths = paths, AsOf = At(later ? 2031 : 2025), Exclude = { exclude(ids) },
        }),
        from root in Gen.Int[0, 9] from downstream in Gen.Bool from depth in Gen.Int[1, 6] from minimum in Gen.OneOf(0.0, 0.05)
        from routes in Gen.Int[1, 10] from commodity in Gen.Bool from later in Gen.Bool from exclude in Exclusions from baseline in Gen.Bool
        from results in Gen.Int[0, 4]
        select (Func<string[], IMessage>)(ids => new TraceDependenciesRequest
        {
            Root = ids[root % ids.Length], Direction = downstream ? TraceDirection.Downstream : TraceDirection.Upstream, MaxDepth = depth,
            MinExposure = minimum, MaxRoutes = routes, Commodity = commodity ? ResourceNames.Entity("commodity") : "", AsOf = At(later ? 2031 : 2025),
            Exclude = { exclude(ids) }, CompareBaseline = baseline, MaxResults = results,
        }),
        from root in Gen.Int[0, 9] from downstream in Gen.Bool from depth in Gen.Int[1, 6] from most in Gen.Int[1, 5] from commodity in Gen.Bool
        select (Func<string[], IMessage>)(ids => new FindChokepointsRequest
        {
            Root = ids[root % ids.Length], Direction = downstream ? TraceDirection.Downstream : TraceDirection.Upstream, MaxDepth = depth,
            MaxResults = most, Commodity = commodity ? ResourceNames.Entity("commodity") : "", AsOf = At(2025),
        }),
        from center in Gen.Int[0, 9] from depth in Gen.Int[1, 3] from direction in Gen.Int[1, 3] from most in Gen.Int[2, 12]
        select (Func<string[], IMessage>)(ids => new GetNeighborhoodRequest
        {
            Name = ids[center % ids.Length], Depth = depth, Direction = (Direction)direction, MaxEntities = most, AsOf = At(2025),
        }));

    [Fact]
    public Task The_projection_and_the_store_give_the_same_answers() =>
        Gen.Select(Graphs, Questions.Array[1, 12]).SampleAsync(async sample =>
        {
            var (entities, relationships) = sample.Item1;
            var store = new ReferenceGraphStore();
            var token = await CommitAsync(store, unit =>
            {
                foreach (var entity in entities) unit.Insert(Stored(entity));
                foreach (var relationship in relationships) unit.Insert(Stored(relationship));
            });
            await using var projection = await QueryEngineHost.StartAsync(store, QueryEngineKind.Projection);
            await using var fromStore = await QueryEngineHost.StartAsync(store, QueryEngineKind.Store);
            var call = new CallContext(token, null, CancellationToken.None);
            var ids = entities.Select(e => e.Name).ToArray();
            foreach (var question in sample.Item2.Select(q => q(ids)))
                Assert.Equal(await AnswerAsync(fromStore.Queries, question, call), await AnswerAsync(projection.Queries, question, call));
        }, output.WriteLine, iter: Iterations(ciDefault: 300));

    private static long Iterations(long ciDefault) =>
        long.TryParse(Environment.GetEnvironmentVariable("KG_MODEL_ITERATIONS"), out var iterations) && iterations > 0 ? iterations : ciDefault;

    /// <summary>What the two engines must agree on: the answer without the expansion count and MAX_DEPTH.</summary>
    private static async Task<string> AnswerAsync(QueryHandler queries, IMessage question, CallContext call)
    {
        try
        {
            return $"{question}\n=> {await AnswerOrThrowAsync(queries, question, call)}";
        }
        catch (Domain.Errors.GraphException error)
        {
            return $"{question}\n=> {error.Kind} {error.Reason}: {error.Message}";
        }
    }

    private static async Task<IMessage> AnswerOrThrowAsync(QueryHandler queries, IMessage question, CallContext call) =>
        question switch
        {
            FindPathsRequest paths => Comparable(await queries.FindPathsAsync(paths, call)),
            TraceDependenciesRequest trace => Comparable(await queries.TraceDependenciesAsync(trace, call)),
            FindChokepointsRequest chokepoints => Comparable(await queries.FindChokepointsAsync(chokepoints, call)),
            GetNeighborhoodRequest neighborhood => await queries.GetNeighborhoodAsync(neighborhood, call),
            _ => throw new ArgumentOutOfRangeException(nameof(question)),
        };

    private static FindPathsResponse Comparable(FindPathsResponse response)
    {
        var copy = new FindPathsResponse { AsOf = response.AsOf };
        copy.Paths.AddRange(response.Paths);
        copy.BoundsHit.AddRange(response.BoundsHit.Where(b => b != Bound.MaxDepth));
        return copy;
    }

    private static FindChokepointsResponse Comparable(FindChokepointsResponse response)
    {
        var copy = response.Clone();
        copy.ExpandedRelationships = 0;
        copy.BoundsHit.Clear();
        copy.BoundsHit.AddRange(response.BoundsHit.Where(b => b != Bound.MaxDepth));
        return copy;
    }

    private static TraceDependenciesResponse Comparable(TraceDependenciesResponse response)
    {
        var copy = new TraceDependenciesResponse { Root = response.Root, AsOf = response.AsOf, Reached = response.Reached };
        copy.Dependencies.AddRange(response.Dependencies);
        copy.BoundsHit.AddRange(response.BoundsHit.Where(b => b != Bound.MaxDepth));
        return copy;
    }

    private static (Entity[], Relationship[]) Build(string[] kinds, (int From, int To, int Type, int Share, int Validity)[] links)
    {
        var entities = kinds.Select((kind, i) => new Entity { Name = ResourceNames.Entity(kind == "Commodity" ? (i == Array.IndexOf(kinds, "Commodity") ? "commodity" : $"commodity-{i}") : $"e{i}"), Kind = kind, DisplayName = $"{kind} {i}" }).ToArray();
        var relationships = new List<Relationship>();
        foreach (var (from, to, type, share, validity) in links)
        {
            var relationship = Link(entities[from], entities[to], type, share / 10.0, relationships.Count);
            if (relationship is null) continue;
            if (validity == 1) relationship.ValidTo = At(2030);
            if (validity == 2) relationship.ValidFrom = At(2026);
            relationships.Add(relationship);
        }
        return (entities, [.. relationships]);
    }

    /// <summary>
    /// A relationship of a type the two kinds allow (SUPPLIES, DEPENDS_ON, LOCATED_IN, EXTRACTS, IMPORTS_FROM), or null.
    /// IMPORTS_FROM is left without its share, as sources usually state imports, so both engines also meet unquantified dependencies.
    /// </summary>
    private static Relationship? Link(Entity source, Entity target, int choice, double share, int number)
    {
        var ontology = GraphOntology.Default;
        var types = new[] { "SUPPLIES", "DEPENDS_ON", "LOCATED_IN", "EXTRACTS", "IMPORTS_FROM", "SUPPLIES" };
        var type = ontology.FindType(types[choice])!;
        if (!type.SourceKinds.Contains(source.Kind) || !type.TargetKinds.Contains(target.Kind)) return null;
        var relationship = new Relationship { Name = ResourceNames.Relationship($"r{number:00}"), Type = type.Name, Source = source.Name, Target = target.Name };
        // A share of 0.5, and every IMPORTS_FROM, stands for "not stated": the relationship is an unquantified dependency.
        if (type.Properties.Any(p => p.Name == "share") && share != 0.5 && type.Name != "IMPORTS_FROM") relationship.Properties["share"] = new PropertyValue { NumberValue = share };
        if (choice == 5) relationship.Properties["commodity"] = new PropertyValue { StringValue = ResourceNames.Entity("commodity") };
        return relationship;
    }

    private static Timestamp At(int year) => Timestamp.FromDateTime(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc));
}
