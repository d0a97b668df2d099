using Xunit;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.V1;
using static KnowledgeGraph.UnitTests.Traversal.Queries;

namespace KnowledgeGraph.UnitTests.Traversal;

public sealed class FindPathsTests
{
    private static Task<PathsResult> Find(IGraphReader graph, PathQuery query) =>
        GraphTraversal.FindPathsAsync(graph, query, GraphOntology.Default, CancellationToken.None);

    [Fact]
    public async Task Chain_yields_one_path_with_evidence_and_one_reader_call_per_level()
    {
        var graph = new InMemoryGraph().Edge("r1", "SUPPLIES", "a", "b", share: 0.5).Edge("r2", "SUPPLIES", "b", "c", share: 0.5).Edge("r3", "SUPPLIES", "c", "d", share: 0.5);

        var response = await Find(graph, Path("a", "d"));

        var path = Assert.Single(response.Paths);
        Assert.Equal("r1,r2,r3", Ids(path));
        Assert.Equal("a>b>c>d", Visits(path));
        Assert.All(path.Hops, h => Assert.Equal(Direction.Outgoing, h.Direction));
        Assert.All(path.Hops, h => Assert.Equal(1.0, h.Weight));
        Assert.Equal("Country", path.Hops[0].Entity.Kind);
        Assert.Equal("B", path.Hops[0].Entity.DisplayName);
        Assert.Equal("test", path.Hops[0].Relationship.Sources[0].Document);
        Assert.Equal(0.5, path.Hops[0].Relationship.Properties["share"].NumberValue);
        Assert.False(response.Outcome.Truncated);
        Assert.Equal(3, response.Outcome.ExpandedRelationships);
        Assert.Equal(3, graph.RelationshipCalls);
    }

    [Fact]
    public async Task Shortest_returns_every_equal_length_shortest_path_in_name_order()
    {
        var graph = new InMemoryGraph()
            .Edge("c1", "SUPPLIES", "a", "m3").Edge("c2", "SUPPLIES", "m3", "t")
            .Edge("a1", "SUPPLIES", "a", "m1").Edge("a2", "SUPPLIES", "m1", "t")
            .Edge("b1", "SUPPLIES", "a", "m2").Edge("b2", "SUPPLIES", "m2", "t")
            .Edge("x1", "SUPPLIES", "a", "x").Edge("x2", "SUPPLIES", "x", "y").Edge("x3", "SUPPLIES", "y", "t");

        var all = await Find(graph, Path("a", "t"));
        var capped = await Find(graph, Path("a", "t", maxPaths: 2));

        Assert.Equal(["a1,a2", "b1,b2", "c1,c2"], all.Paths.Select(Ids));
        Assert.False(all.Outcome.Truncated);
        Assert.Equal(["a1,a2", "b1,b2"], capped.Paths.Select(Ids));
        Assert.True(capped.Outcome.Truncated);
        Assert.Equal([Bound.MaxResults], capped.Outcome.BoundsHit);
    }

    private static InMemoryGraph TiedRoutes() => new InMemoryGraph()
        .Edge("rd1", "SUPPLIES", "a", "d").Edge("rd2", "SUPPLIES", "d", "e").Edge("rd3", "SUPPLIES", "e", "t")
        .Edge("rc1", "SUPPLIES", "a", "c").Edge("rc2", "SUPPLIES", "c", "t")
        .Edge("rb1", "SUPPLIES", "a", "b").Edge("rb2", "SUPPLIES", "b", "t")
        .Edge("r0", "SUPPLIES", "a", "t");

    [Fact]
    public async Task K_shortest_breaks_ties_by_relationship_names_and_reports_more()
    {
        var three = await Find(TiedRoutes(), Path("a", "t", PathMode.KShortest, maxPaths: 3));
        var two = await Find(TiedRoutes(), Path("a", "t", PathMode.KShortest, maxPaths: 2));

        Assert.Equal(["r0", "rb1,rb2", "rc1,rc2"], three.Paths.Select(Ids));
        Assert.Equal([Bound.MaxResults], three.Outcome.BoundsHit);
        Assert.Equal(["r0", "rb1,rb2"], two.Paths.Select(Ids));
    }

    [Fact]
    public async Task All_simple_returns_every_path_up_to_max_depth_shortest_first()
    {
        var response = await Find(TiedRoutes(), Path("a", "t", PathMode.AllSimple));

        Assert.Equal(["r0", "rb1,rb2", "rc1,rc2", "rd1,rd2,rd3"], response.Paths.Select(Ids));
        Assert.False(response.Outcome.Truncated);
    }

    [Fact]
    public async Task All_simple_reports_max_depth_when_a_longer_path_was_cut_off()
    {
        var response = await Find(TiedRoutes(), Path("a", "t", PathMode.AllSimple, maxDepth: 2));

        Assert.Equal(["r0", "rb1,rb2", "rc1,rc2"], response.Paths.Select(Ids));
        Assert.Equal([Bound.MaxDepth], response.Outcome.BoundsHit);
    }

    private static InMemoryGraph Cycle() => new InMemoryGraph()
        .Edge("r1", "SUPPLIES", "a", "b").Edge("r2", "SUPPLIES", "b", "c").Edge("r3", "SUPPLIES", "c", "a")
        .Edge("r4", "SUPPLIES", "c", "b").Edge("r5", "SUPPLIES", "c", "d");

    [Theory]
    [InlineData(PathMode.Shortest)]
    [InlineData(PathMode.KShortest)]
    [InlineData(PathMode.AllSimple)]
    public async Task Cycle_terminates_without_repeating_an_entity(PathMode mode)
    {
        var response = await Find(Cycle(), Path("a", "d", mode, maxDepth: 10));

        Assert.Equal("a>b>c>d", Visits(Assert.Single(response.Paths)));
        Assert.False(response.Outcome.Truncated);
    }

    [Fact]
    public async Task Cycle_walked_both_ways_yields_each_simple_path_once()
    {
        var response = await Find(Cycle(), Path("a", "d", PathMode.AllSimple, maxDepth: 10, direction: Direction.Both));

        Assert.Equal(["r3,r5", "r1,r2,r5", "r1,r4,r5"], response.Paths.Select(Ids));
        Assert.Equal(["a>c>d", "a>b>c>d", "a>b>c>d"], response.Paths.Select(Visits));
        Assert.Equal([Direction.Outgoing, Direction.Incoming, Direction.Outgoing], response.Paths[2].Hops.Select(h => h.Direction));
    }

    [Fact]
    public async Task Incoming_follows_relationships_against_their_direction()
    {
        var graph = new InMemoryGraph().Edge("r1", "SUPPLIES", "b", "a").Edge("r2", "SUPPLIES", "a", "c");

        var incoming = await Find(graph, Path("a", "b", direction: Direction.Incoming));
        var outgoing = await Find(graph, Path("a", "b", direction: Direction.Outgoing));

        var hop = Assert.Single(Assert.Single(incoming.Paths).Hops);
        Assert.Equal(Direction.Incoming, hop.Direction);
        Assert.Equal(InMemoryGraph.E("b"), hop.Entity.Name);
        Assert.Empty(outgoing.Paths);
    }

    [Fact]
    public async Task Both_records_the_direction_each_hop_was_taken()
    {
        var graph = new InMemoryGraph().Edge("r1", "SUPPLIES", "a", "b").Edge("r2", "SUPPLIES", "c", "b");

        var response = await Find(graph, Path("a", "c", direction: Direction.Both));

        Assert.Equal([Direction.Outgoing, Direction.Incoming], Assert.Single(response.Paths).Hops.Select(h => h.Direction));
    }

    [Fact]
    public async Task Relationship_type_filter_limits_the_walk()
    {
        var graph = new InMemoryGraph().Edge("r1", "SANCTIONS", "a", "b").Edge("r2", "SUPPLIES", "a", "c").Edge("r3", "SUPPLIES", "c", "b");

        var response = await Find(graph, Path("a", "b", types: "SUPPLIES"));

        Assert.Equal("r2,r3", Ids(Assert.Single(response.Paths)));
    }

    [Fact]
    public async Task Validity_drops_an_edge_for_one_as_of_and_keeps_it_for_another()
    {
        var y2020 = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var y2025 = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var y2030 = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var graph = new InMemoryGraph()
            .Edge("r1", "SUPPLIES", "a", "b", validFrom: y2020, validTo: y2030)
            .Edge("r2", "SUPPLIES", "b", "c", validFrom: y2025);

        var in2026 = await Find(graph, Path("a", "c", asOf: new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        var atEnd = await Find(graph, Path("a", "c", asOf: y2030));
        var before = await Find(graph, Path("a", "c", asOf: new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero)));

        var path = Assert.Single(in2026.Paths);
        Assert.Equal(y2025, path.ValidFrom.ToDateTimeOffset());
        Assert.Equal(y2030, path.ValidTo.ToDateTimeOffset());
        Assert.Empty(atEnd.Paths);
        Assert.Empty(before.Paths);
    }

    [Fact]
    public async Task Open_validity_stays_open_on_the_path()
    {
        var graph = new InMemoryGraph().Edge("r1", "SUPPLIES", "a", "b");

        var path = Assert.Single((await Find(graph, Path("a", "b"))).Paths);

        Assert.Null(path.ValidFrom);
        Assert.Null(path.ValidTo);
    }

    [Fact]
    public async Task Shortest_reports_max_depth_only_when_the_search_ran_out_of_depth()
    {
        var graph = new InMemoryGraph().Edge("r1", "SUPPLIES", "a", "b").Edge("r2", "SUPPLIES", "b", "c").Edge("r3", "SUPPLIES", "c", "d");

        var tooShallow = await Find(graph, Path("a", "d", maxDepth: 2));
        var deepEnough = await Find(graph, Path("a", "d", maxDepth: 3));
        var deadEnd = await Find(graph, Path("d", "a", maxDepth: 2));

        Assert.Empty(tooShallow.Paths);
        Assert.Equal([Bound.MaxDepth], tooShallow.Outcome.BoundsHit);
        Assert.Single(deepEnough.Paths);
        Assert.False(deepEnough.Outcome.Truncated);
        Assert.Empty(deadEnd.Paths);
        Assert.False(deadEnd.Outcome.Truncated);
    }

    [Theory]
    [InlineData(PathMode.Shortest)]
    [InlineData(PathMode.AllSimple)]
    public async Task Supernode_trips_the_expansion_budget(PathMode mode)
    {
        var graph = new InMemoryGraph().Edge("in", "SUPPLIES", "a", "hub");
        for (var i = 0; i < 50; i++) graph.Edge($"s{i:00}", "SUPPLIES", "hub", $"spoke{i:00}");
        graph.Edge("zz", "SUPPLIES", "spoke49", "t");

        var response = await Find(graph, Path("a", "t", mode, budget: Expansions(20)));

        Assert.Empty(response.Paths);
        Assert.True(response.Outcome.Truncated);
        Assert.Equal([Bound.MaxExpansions], response.Outcome.BoundsHit);
        Assert.Equal(20, response.Outcome.ExpandedRelationships);
    }

    [Fact]
    public async Task A_supernode_is_read_no_further_than_the_remaining_budget()
    {
        var graph = new InMemoryGraph().Edge("in", "SUPPLIES", "a", "hub");
        for (var i = 0; i < 5000; i++) graph.Edge($"s{i:0000}", "SUPPLIES", "hub", $"spoke{i:0000}");

        var response = await Find(graph, Path("a", "t-missing", PathMode.Shortest, budget: Expansions(100)));

        Assert.Equal([Bound.MaxExpansions], response.Outcome.BoundsHit);
        Assert.Equal(100, response.Outcome.ExpandedRelationships);
        Assert.Equal(100, graph.LargestResponse);
    }

    [Fact]
    public async Task Deadline_in_the_past_stops_before_reading()
    {
        var graph = new InMemoryGraph().Edge("r1", "SUPPLIES", "a", "b");
        var query = Path("a", "b", budget: new TraversalBudget(1000, Now.AddSeconds(-1)));

        var response = await GraphTraversal.FindPathsAsync(graph, query, GraphOntology.Default, new FixedTimeProvider(Now), CancellationToken.None);

        Assert.Empty(response.Paths);
        Assert.Equal([Bound.Deadline], response.Outcome.BoundsHit);
        Assert.Equal(0, graph.RelationshipCalls);
    }

    [Fact]
    public async Task A_reader_call_still_running_at_the_deadline_is_cancelled_and_the_answer_says_deadline()
    {
        var graph = new StallingReader(new InMemoryGraph().Edge("r1", "SUPPLIES", "a", "b").Edge("r2", "SUPPLIES", "b", "c"), stallFromCall: 2);
        var query = Path("a", "c", budget: new TraversalBudget(1000, DateTimeOffset.UtcNow.AddMilliseconds(200)));

        var response = await GraphTraversal.FindPathsAsync(graph, query, GraphOntology.Default, TimeProvider.System, CancellationToken.None);

        Assert.Empty(response.Paths);
        Assert.Equal([Bound.Deadline], response.Outcome.BoundsHit);
        Assert.Equal(1, response.Outcome.ExpandedRelationships);
    }

    [Fact]
    public async Task A_caller_that_gives_up_cancels_the_traversal_instead_of_getting_a_deadline_answer()
    {
        var graph = new StallingReader(new InMemoryGraph().Edge("r1", "SUPPLIES", "a", "b"), stallFromCall: 1);
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            GraphTraversal.FindPathsAsync(graph, Path("a", "b"), GraphOntology.Default, TimeProvider.System, caller.Token));
    }

    /// <summary>A reader whose adjacency calls from the n-th on wait until they are cancelled, like a slow store statement.</summary>
    private sealed class StallingReader(IGraphReader inner, int stallFromCall) : IGraphReader
    {
        private int _calls;

        public async Task<IReadOnlyList<Relationship>> GetAdjacentRelationshipsAsync(IReadOnlyCollection<string> entities, Direction direction, IReadOnlySet<string> types, DateTimeOffset asOf, int limit, CancellationToken cancellationToken)
        {
            if (++_calls >= stallFromCall) await Task.Delay(Timeout.Infinite, cancellationToken);
            return await inner.GetAdjacentRelationshipsAsync(entities, direction, types, asOf, limit, cancellationToken);
        }

        public Task<IReadOnlyList<Entity>> GetEntitiesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
            inner.GetEntitiesAsync(names, cancellationToken);
    }

    [Fact]
    public async Task Source_without_edges_gives_an_empty_untruncated_answer()
    {
        var graph = new InMemoryGraph().Entity("lonely").Entity("t");

        var response = await Find(graph, Path("lonely", "t", PathMode.KShortest));

        Assert.Empty(response.Paths);
        Assert.False(response.Outcome.Truncated);
    }

    [Fact]
    public async Task Cancellation_is_honoured()
    {
        var graph = new InMemoryGraph().Edge("r1", "SUPPLIES", "a", "b");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            GraphTraversal.FindPathsAsync(graph, Path("a", "b"), GraphOntology.Default, new CancellationToken(canceled: true)));
    }
}
