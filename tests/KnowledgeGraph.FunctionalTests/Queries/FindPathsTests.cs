using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.V1;
using static KnowledgeGraph.FunctionalTests.Infrastructure.TestGraph;

namespace KnowledgeGraph.FunctionalTests.Queries;

/// <summary>FindPaths over real gRPC on small hand-built graphs; every expected path is worked out by hand.</summary>
[Collection(ServicesCollection.Name)]
public sealed class FindPathsTests(SharedServices shared)
{
    private QueryGraph NewGraph() => new(shared.Services);

    private static FindPathsRequest Request(QueryGraph g, string source, string target, PathMode mode = PathMode.Unspecified, Direction direction = Direction.Unspecified) =>
        new() { Source = g.Entity(source), Target = g.Entity(target), Mode = mode, Direction = direction };

    [Fact]
    public async Task A_chain_is_found_forwards_and_only_against_the_arrows_when_asked()
    {
        var g = NewGraph();
        await g.AddAsync("Company", "a", "b", "c", "d");
        await g.LinkAsync("ab", "SUPPLIES", "a", "b", 0.5);
        await g.LinkAsync("bc", "SUPPLIES", "b", "c", 0.5);
        await g.LinkAsync("cd", "SUPPLIES", "c", "d", 0.5);

        var forward = await g.Queries.FindPathsAsync(Request(g, "a", "d"));
        var path = Assert.Single(forward.Paths);
        Assert.Equal(["a", "b", "c", "d"], g.Visits(path));
        Assert.Equal(["ab", "bc", "cd"], g.Follows(path));
        Assert.All(path.Hops, h => Assert.Equal(Direction.Outgoing, h.Direction));
        Assert.All(path.Hops, h => Assert.Equal(1.0, h.Weight));
        Assert.False(forward.Truncated);
        Assert.Equal(3, forward.ExpandedRelationships);

        var backwardsOutgoing = await g.Queries.FindPathsAsync(Request(g, "d", "a"));
        Assert.Empty(backwardsOutgoing.Paths);
        Assert.False(backwardsOutgoing.Truncated);

        var backwardsIncoming = await g.Queries.FindPathsAsync(Request(g, "d", "a", direction: Direction.Incoming));
        var reverse = Assert.Single(backwardsIncoming.Paths);
        Assert.Equal(["d", "c", "b", "a"], g.Visits(reverse));
        Assert.All(reverse.Hops, h => Assert.Equal(Direction.Incoming, h.Direction));
    }

    [Fact]
    public async Task A_path_beyond_max_depth_is_not_returned_and_the_bound_is_reported()
    {
        var g = NewGraph();
        await g.AddAsync("Company", "a", "b", "c", "d");
        await g.LinkAsync("ab", "SUPPLIES", "a", "b", 0.5);
        await g.LinkAsync("bc", "SUPPLIES", "b", "c", 0.5);
        await g.LinkAsync("cd", "SUPPLIES", "c", "d", 0.5);

        foreach (var mode in new[] { PathMode.Shortest, PathMode.KShortest, PathMode.AllSimple })
        {
            var request = Request(g, "a", "d", mode);
            request.MaxDepth = 2;
            var response = await g.Queries.FindPathsAsync(request);
            Assert.Empty(response.Paths);
            Assert.True(response.Truncated, mode.ToString());
            Assert.Equal([Bound.MaxDepth], response.BoundsHit);

            request.MaxDepth = 3;
            Assert.Single((await g.Queries.FindPathsAsync(request)).Paths);
        }
    }

    [Fact]
    public async Task Shortest_returns_every_equal_shortest_path_in_relationship_name_order_and_no_longer_one()
    {
        var g = NewGraph();
        await g.AddAsync("Company", "a", "b", "c", "e", "f", "t");
        // Created out of name order, so the answer's order comes from the names, not from insertion.
        await g.LinkAsync("r3-ac", "SUPPLIES", "a", "c", 0.5);
        await g.LinkAsync("r4-ct", "SUPPLIES", "c", "t", 0.5);
        await g.LinkAsync("r1-ab", "SUPPLIES", "a", "b", 0.5);
        await g.LinkAsync("r2-bt", "SUPPLIES", "b", "t", 0.5);
        await g.LinkAsync("r0-ae", "SUPPLIES", "a", "e", 0.5);
        await g.LinkAsync("r5-ef", "SUPPLIES", "e", "f", 0.5);
        await g.LinkAsync("r6-ft", "SUPPLIES", "f", "t", 0.5);

        var response = await g.Queries.FindPathsAsync(Request(g, "a", "t", PathMode.Shortest));
        Assert.Equal([["r1-ab", "r2-bt"], ["r3-ac", "r4-ct"]], response.Paths.Select(g.Follows));
        Assert.False(response.Truncated);

        var capped = Request(g, "a", "t", PathMode.Shortest);
        capped.MaxPaths = 1;
        var one = await g.Queries.FindPathsAsync(capped);
        Assert.Equal([["r1-ab", "r2-bt"]], one.Paths.Select(g.Follows));
        Assert.True(one.Truncated);
        Assert.Equal([Bound.MaxResults], one.BoundsHit);
    }

    [Fact]
    public async Task K_shortest_breaks_ties_by_relationship_names_and_all_simple_lists_the_same_paths_shortest_first()
    {
        var g = NewGraph();
        await g.AddAsync("Company", "a", "b", "c", "d", "e", "t");
        await g.LinkAsync("k4-ac", "SUPPLIES", "a", "c", 0.5);
        await g.LinkAsync("k5-ct", "SUPPLIES", "c", "t", 0.5);
        await g.LinkAsync("k2-ab", "SUPPLIES", "a", "b", 0.5);
        await g.LinkAsync("k3-bt", "SUPPLIES", "b", "t", 0.5);
        await g.LinkAsync("k9-at", "SUPPLIES", "a", "t", 0.5);
        await g.LinkAsync("k1-ad", "SUPPLIES", "a", "d", 0.5);
        await g.LinkAsync("k6-de", "SUPPLIES", "d", "e", 0.5);
        await g.LinkAsync("k7-et", "SUPPLIES", "e", "t", 0.5);

        // By hops: a-t (1); a-b-t and a-c-t tie at 2 and are ordered by names (k2 < k4); a-d-e-t (3).
        string[][] all = [["k9-at"], ["k2-ab", "k3-bt"], ["k4-ac", "k5-ct"], ["k1-ad", "k6-de", "k7-et"]];

        var k3 = Request(g, "a", "t", PathMode.KShortest);
        k3.MaxPaths = 3;
        var three = await g.Queries.FindPathsAsync(k3);
        Assert.Equal(all[..3], three.Paths.Select(g.Follows));
        Assert.True(three.Truncated);
        Assert.Equal([Bound.MaxResults], three.BoundsHit);

        var k2 = Request(g, "a", "t", PathMode.KShortest);
        k2.MaxPaths = 2;
        Assert.Equal(all[..2], (await g.Queries.FindPathsAsync(k2)).Paths.Select(g.Follows));

        var everything = await g.Queries.FindPathsAsync(Request(g, "a", "t", PathMode.AllSimple));
        Assert.Equal(all, everything.Paths.Select(g.Follows));
        Assert.False(everything.Truncated);

        var kAll = await g.Queries.FindPathsAsync(Request(g, "a", "t", PathMode.KShortest));
        Assert.Equal(everything.Paths, kAll.Paths);

        var shortest = await g.Queries.FindPathsAsync(Request(g, "a", "t"));
        Assert.Equal([["k9-at"]], shortest.Paths.Select(g.Follows));
    }

    [Fact]
    public async Task A_cycle_never_yields_a_path_that_repeats_an_entity()
    {
        var g = NewGraph();
        await g.AddAsync("Company", "a", "b", "c", "d");
        await g.LinkAsync("ab", "SUPPLIES", "a", "b", 0.5);
        await g.LinkAsync("bc", "SUPPLIES", "b", "c", 0.5);
        await g.LinkAsync("ca", "SUPPLIES", "c", "a", 0.5);
        await g.LinkAsync("cd", "SUPPLIES", "c", "d", 0.5);

        var outgoing = Request(g, "a", "d", PathMode.AllSimple);
        outgoing.MaxDepth = 10;
        var forward = await g.Queries.FindPathsAsync(outgoing);
        Assert.Equal([["a", "b", "c", "d"]], forward.Paths.Select(g.Visits));
        Assert.False(forward.Truncated);

        // Either way round the triangle: a-c against "ca" (2 hops), or a-b-c forwards (3 hops).
        var both = Request(g, "a", "d", PathMode.AllSimple, Direction.Both);
        both.MaxDepth = 10;
        var anyWay = await g.Queries.FindPathsAsync(both);
        Assert.Equal([["a", "c", "d"], ["a", "b", "c", "d"]], anyWay.Paths.Select(g.Visits));
        Assert.Equal([Direction.Incoming, Direction.Outgoing], anyWay.Paths[0].Hops.Select(h => h.Direction));
        Assert.All(anyWay.Paths, p => Assert.Equal(p.Hops.Count + 1, g.Visits(p).Distinct().Count()));
        Assert.False(anyWay.Truncated);
    }

    [Fact]
    public async Task Relationship_types_restrict_the_relationships_followed()
    {
        var g = NewGraph();
        await g.AddAsync("Company", "a", "b");
        await g.LinkAsync("supply", "SUPPLIES", "a", "b", 0.5);
        await g.LinkAsync("invest", "INVESTS_IN", "a", "b");

        var all = await g.Queries.FindPathsAsync(Request(g, "a", "b"));
        Assert.Equal([["invest"], ["supply"]], all.Paths.Select(g.Follows));

        var request = Request(g, "a", "b");
        request.RelationshipTypes.Add("INVESTS_IN");
        var investments = await g.Queries.FindPathsAsync(request);
        Assert.Equal([["invest"]], investments.Paths.Select(g.Follows));
    }

    [Fact]
    public async Task As_of_drops_relationships_outside_their_window_and_the_path_carries_the_intersection()
    {
        var g = NewGraph();
        await g.AddAsync("Company", "a", "b", "c");
        await g.LinkAsync("ab", "SUPPLIES", "a", "b", 0.5, validFrom: Date(2020), validTo: Date(2030));
        await g.LinkAsync("bc", "SUPPLIES", "b", "c", 0.5, validFrom: Date(2025));

        var request = Request(g, "a", "c");
        request.AsOf = Date(2027, 6, 1);
        var during = await g.Queries.FindPathsAsync(request);
        var path = Assert.Single(during.Paths);
        Assert.Equal(Date(2025), path.ValidFrom);
        Assert.Equal(Date(2030), path.ValidTo);
        Assert.Equal(Date(2027, 6, 1), during.AsOf);

        request.AsOf = Date(2022);
        Assert.Empty((await g.Queries.FindPathsAsync(request)).Paths);

        // valid_to is exclusive.
        request.AsOf = Date(2030);
        Assert.Empty((await g.Queries.FindPathsAsync(request)).Paths);

        request.AsOf = Date(2025);
        Assert.Single((await g.Queries.FindPathsAsync(request)).Paths);
    }

    [Fact]
    public async Task Every_hop_carries_its_evidence()
    {
        var g = NewGraph();
        await g.AddAsync("Company", "a", "b", "c");
        await g.AddAsync("Commodity", "gas");
        var ab = await g.LinkAsync("ab", "SUPPLIES", "a", "b", 0.25, commodity: "gas", validFrom: Date(2010), validTo: Date(2040));
        var cb = await g.LinkAsync("cb", "DEPENDS_ON", "c", "b", 0.75, validFrom: Date(2015));

        var request = Request(g, "a", "c", direction: Direction.Both);
        request.AsOf = Date(2020);
        var path = Assert.Single((await g.Queries.FindPathsAsync(request)).Paths);

        Assert.Equal(g.Entity("a"), path.Start.Name);
        Assert.Equal("Company", path.Start.Kind);
        Assert.Equal($"a {g.Tag}", path.Start.DisplayName);
        Assert.Equal([ab, cb], path.Hops.Select(h => h.Relationship));
        Assert.Equal([Direction.Outgoing, Direction.Incoming], path.Hops.Select(h => h.Direction));
        Assert.Equal([g.Entity("b"), g.Entity("c")], path.Hops.Select(h => h.Entity.Name));

        var first = path.Hops[0].Relationship;
        Assert.Equal(g.RelationshipName("ab"), first.Name);
        Assert.Equal("SUPPLIES", first.Type);
        Assert.Equal(0.25, first.Properties["share"].NumberValue);
        Assert.Equal(g.Entity("gas"), first.Properties["commodity"].StringValue);
        Assert.Equal(Date(2010), first.ValidFrom);
        Assert.Equal(Date(2040), first.ValidTo);
        var source = Assert.Single(first.Sources);
        Assert.Equal("functional-tests", source.Document);
        Assert.Equal("a SUPPLIES b.", source.Quote);
        Assert.Equal("query tests", source.ReportedBy);

        Assert.Equal(Date(2015), path.ValidFrom);
        Assert.Equal(Date(2040), path.ValidTo);
    }

    [Fact]
    public async Task A_path_to_itself_is_empty()
    {
        var g = NewGraph();
        await g.AddAsync("Company", "a");
        var response = await g.Queries.FindPathsAsync(Request(g, "a", "a"));
        Assert.Empty(response.Paths);
        Assert.False(response.Truncated);
    }
}
