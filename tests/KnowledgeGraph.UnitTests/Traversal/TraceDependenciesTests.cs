using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.V1;
using Xunit;
using static KnowledgeGraph.UnitTests.Traversal.InMemoryGraph;
using static KnowledgeGraph.UnitTests.Traversal.Queries;

namespace KnowledgeGraph.UnitTests.Traversal;

public sealed class TraceDependenciesTests
{
    private const double Tolerance = 1e-12;

    private static Task<TraceResult> Trace(IGraphReader graph, TraceQuery query) =>
        GraphTraversal.TraceDependenciesAsync(graph, query, GraphOntology.Default, CancellationToken.None);

    private static DependencyExposure On(TraceResult response, string id) =>
        Assert.Single(response.Dependencies, d => d.Entity.Name == E(id));

    [Fact]
    public async Task Chain_multiplies_weights_along_the_route()
    {
        var graph = new InMemoryGraph().Edge("r1", "DEPENDS_ON", "jp", "x", share: 0.5).Edge("r2", "DEPENDS_ON", "x", "y", share: 0.4);

        var response = await Trace(graph, Queries.Trace("jp"));

        Assert.Equal([E("x"), E("y")], response.Dependencies.Select(d => d.Entity.Name));
        Assert.Equal(0.5, On(response, "x").Exposure, Tolerance);
        Assert.Equal(0.2, On(response, "y").Exposure, Tolerance);
        Assert.Equal(2, On(response, "y").MinDepth);
        var route = Assert.Single(On(response, "y").Routes);
        Assert.Equal("r1,r2", Ids(route.Path));
        Assert.Equal([0.5, 0.4], route.Path.Hops.Select(h => h.Weight));
        Assert.Equal(E("jp"), route.Path.Start.Name);
        Assert.Equal(E("jp"), response.Root.Name);
        Assert.False(response.Outcome.Truncated);
        Assert.Equal(2, response.Outcome.ExpandedRelationships);
    }

    [Fact]
    public async Task Diamond_adds_both_routes_and_lists_the_largest_first()
    {
        var graph = new InMemoryGraph()
            .Edge("ja", "DEPENDS_ON", "jp", "a", share: 0.6).Edge("jb", "DEPENDS_ON", "jp", "b", share: 0.3)
            .Edge("az", "DEPENDS_ON", "a", "z", share: 0.5).Edge("bz", "DEPENDS_ON", "b", "z", share: 0.5);

        var response = await Trace(graph, Queries.Trace("jp"));

        Assert.Equal([E("a"), E("z"), E("b")], response.Dependencies.Select(d => d.Entity.Name));
        var z = On(response, "z");
        Assert.Equal(0.45, z.Exposure, Tolerance);
        Assert.Equal(["ja,az", "jb,bz"], z.Routes.Select(r => Ids(r.Path)));
        Assert.Equal([0.3, 0.15], z.Routes.Select(r => Math.Round(r.Contribution, 12)));
    }

    [Fact]
    public async Task Depends_on_and_supplies_give_the_same_upstream_answer()
    {
        var dependsOn = new InMemoryGraph().Edge("r1", "DEPENDS_ON", "x", "y", share: 0.7);
        var supplies = new InMemoryGraph().Edge("r1", "SUPPLIES", "y", "x", share: 0.7);

        var viaDependsOn = await Trace(dependsOn, Queries.Trace("x"));
        var viaSupplies = await Trace(supplies, Queries.Trace("x"));

        Assert.Equal(0.7, On(viaDependsOn, "y").Exposure, Tolerance);
        Assert.Equal(0.7, On(viaSupplies, "y").Exposure, Tolerance);
        Assert.Equal(Direction.Outgoing, On(viaDependsOn, "y").Routes[0].Path.Hops[0].Direction);
        Assert.Equal(Direction.Incoming, On(viaSupplies, "y").Routes[0].Path.Hops[0].Direction);
        Assert.Empty((await Trace(supplies, Queries.Trace("y"))).Dependencies);
    }

    private static InMemoryGraph Sakhalin() => new InMemoryGraph()
        .Edge("sakhalin-supplies-japan", "SUPPLIES", "sakhalin-2", "jp", share: 0.09, commodity: "lng", validTo: new DateTimeOffset(2033, 1, 1, 0, 0, 0, TimeSpan.Zero))
        .Edge("sakhalin-in-russia", "LOCATED_IN", "sakhalin-2", "ru")
        .Edge("japan-party-to-framework", "PARTY_TO", "jp", "framework");

    [Fact]
    public async Task Japan_gas_exposure_to_russia_runs_through_sakhalin_until_the_contracts_end()
    {
        var now = await Trace(Sakhalin(), Queries.Trace("jp"));
        var after = await Trace(Sakhalin(), Queries.Trace("jp", asOf: new DateTimeOffset(2034, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        var russia = On(now, "ru");
        Assert.Equal(0.09, russia.Exposure, Tolerance);
        Assert.Equal("sakhalin-supplies-japan,sakhalin-in-russia", Ids(russia.Routes[0].Path));
        Assert.Equal(new DateTimeOffset(2033, 1, 1, 0, 0, 0, TimeSpan.Zero), russia.Routes[0].Path.ValidTo.ToDateTimeOffset());
        Assert.Null(russia.Routes[0].Path.ValidFrom);
        Assert.DoesNotContain(now.Dependencies, d => d.Entity.Name == E("framework"));
        Assert.Empty(after.Dependencies);
    }

    [Fact]
    public async Task Downstream_answers_who_depends_on_the_root()
    {
        var response = await Trace(Sakhalin(), Queries.Trace("ru", TraceDirection.Downstream));

        Assert.Equal([E("sakhalin-2"), E("jp")], response.Dependencies.Select(d => d.Entity.Name));
        Assert.Equal(1.0, On(response, "sakhalin-2").Exposure, Tolerance);
        Assert.Equal(0.09, On(response, "jp").Exposure, Tolerance);
        Assert.Equal([Direction.Incoming, Direction.Outgoing], On(response, "jp").Routes[0].Path.Hops.Select(h => h.Direction));
    }

    [Fact]
    public async Task Commodity_filter_keeps_matching_and_commodity_free_relationships()
    {
        var graph = Sakhalin()
            .Edge("china-rare-earths", "SUPPLIES", "cn", "jp", share: 0.6, commodity: "rare-earths")
            .Edge("japan-depends-on-us", "DEPENDS_ON", "jp", "us", share: 0.2);

        var lng = await Trace(graph, Queries.Trace("jp", commodity: "lng"));
        var rareEarths = await Trace(graph, Queries.Trace("jp", commodity: "rare-earths"));
        var any = await Trace(graph, Queries.Trace("jp"));

        Assert.Equal([E("us"), E("ru"), E("sakhalin-2")], lng.Dependencies.Select(d => d.Entity.Name));
        Assert.Equal([E("cn"), E("us")], rareEarths.Dependencies.Select(d => d.Entity.Name));
        Assert.Equal(4, any.Dependencies.Count);
    }

    [Fact]
    public async Task Exposure_is_capped_at_one_and_the_uncapped_sum_is_kept()
    {
        var graph = new InMemoryGraph()
            .Edge("ja", "DEPENDS_ON", "jp", "a", share: 0.8).Edge("jb", "DEPENDS_ON", "jp", "b", share: 0.9)
            .Edge("az", "LOCATED_IN", "a", "z").Edge("bz", "LOCATED_IN", "b", "z");

        var z = On(await Trace(graph, Queries.Trace("jp")), "z");

        Assert.Equal(1.0, z.Exposure);
        Assert.Equal(1.7, z.UncappedExposure, Tolerance);
        Assert.Equal(["jb,bz", "ja,az"], z.Routes.Select(r => Ids(r.Path)));
    }

    [Fact]
    public async Task Min_exposure_stops_small_routes_and_drops_small_exposures()
    {
        var graph = new InMemoryGraph()
            .Edge("ja", "DEPENDS_ON", "jp", "a", share: 0.1).Edge("jc", "DEPENDS_ON", "jp", "c", share: 0.15)
            .Edge("az", "LOCATED_IN", "a", "z").Edge("cz", "LOCATED_IN", "c", "z");

        var unpruned = await Trace(graph, Queries.Trace("jp"));
        var pruned = await Trace(graph, Queries.Trace("jp", minExposure: 0.12));

        Assert.Equal(0.25, On(unpruned, "z").Exposure, Tolerance);
        Assert.Equal([E("c"), E("z")], pruned.Dependencies.Select(d => d.Entity.Name));
        Assert.Equal(0.15, On(pruned, "z").Exposure, Tolerance);
        Assert.Equal("jc,cz", Ids(Assert.Single(On(pruned, "z").Routes).Path));
    }

    [Fact]
    public async Task Cycle_terminates_and_never_returns_to_an_entity_on_the_route()
    {
        var graph = new InMemoryGraph()
            .Edge("ab", "DEPENDS_ON", "a", "b", share: 0.5).Edge("ba", "DEPENDS_ON", "b", "a", share: 0.5)
            .Edge("bc", "DEPENDS_ON", "b", "c", share: 0.5).Edge("cb", "DEPENDS_ON", "c", "b", share: 0.5);

        var response = await Trace(graph, Queries.Trace("a", maxDepth: 10));

        Assert.Equal([E("b"), E("c")], response.Dependencies.Select(d => d.Entity.Name));
        Assert.Equal(0.25, On(response, "c").Exposure, Tolerance);
        Assert.False(response.Outcome.Truncated);
    }

    [Fact]
    public async Task Max_routes_lists_the_largest_but_sums_them_all()
    {
        var graph = new InMemoryGraph()
            .Edge("ja", "DEPENDS_ON", "jp", "a", share: 0.6).Edge("jb", "DEPENDS_ON", "jp", "b", share: 0.3)
            .Edge("az", "DEPENDS_ON", "a", "z", share: 0.5).Edge("bz", "DEPENDS_ON", "b", "z", share: 0.5);

        var response = await Trace(graph, Queries.Trace("jp", maxRoutes: 1));

        var z = On(response, "z");
        Assert.Equal(0.45, z.Exposure, Tolerance);
        Assert.Equal("ja,az", Ids(Assert.Single(z.Routes).Path));
        Assert.Equal([Bound.MaxResults], response.Outcome.BoundsHit);
    }

    [Fact]
    public async Task Max_depth_is_reported_only_when_routes_go_on_beyond_it()
    {
        var graph = new InMemoryGraph().Edge("r1", "DEPENDS_ON", "a", "b", share: 0.5).Edge("r2", "DEPENDS_ON", "b", "c", share: 0.5).Edge("r3", "DEPENDS_ON", "c", "d", share: 0.5);

        var cut = await Trace(graph, Queries.Trace("a", maxDepth: 2));
        var whole = await Trace(graph, Queries.Trace("a", maxDepth: 3));

        Assert.Equal([E("b"), E("c")], cut.Dependencies.Select(d => d.Entity.Name));
        Assert.Equal([Bound.MaxDepth], cut.Outcome.BoundsHit);
        Assert.Equal(3, whole.Dependencies.Count);
        Assert.False(whole.Outcome.Truncated);
    }

    [Fact]
    public async Task Supernode_trips_the_expansion_budget_and_keeps_what_was_found()
    {
        var graph = new InMemoryGraph().Edge("a-hub", "DEPENDS_ON", "a", "hub", share: 1);
        for (var i = 0; i < 100; i++) graph.Edge($"hub-{i:000}", "DEPENDS_ON", "hub", $"p{i:000}", share: 0.01);

        var response = await Trace(graph, Queries.Trace("a", budget: Expansions(30)));

        Assert.True(response.Outcome.Truncated);
        Assert.Equal([Bound.MaxExpansions], response.Outcome.BoundsHit);
        Assert.Equal(30, response.Outcome.ExpandedRelationships);
        Assert.Equal(1.0, On(response, "hub").Exposure);
        Assert.Equal(30, response.Dependencies.Count);
    }

    [Fact]
    public async Task Deadline_in_the_past_reports_deadline()
    {
        var graph = new InMemoryGraph().Edge("r1", "DEPENDS_ON", "a", "b", share: 0.5);
        var query = Queries.Trace("a", budget: new TraversalBudget(1000, Now.AddMinutes(-1)));

        var response = await GraphTraversal.TraceDependenciesAsync(graph, query, GraphOntology.Default, new FixedTimeProvider(Now), CancellationToken.None);

        Assert.Empty(response.Dependencies);
        Assert.Equal([Bound.Deadline], response.Outcome.BoundsHit);
    }
}
