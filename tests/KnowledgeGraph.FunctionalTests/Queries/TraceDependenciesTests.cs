using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.V1;
using static KnowledgeGraph.FunctionalTests.Infrastructure.TestGraph;

namespace KnowledgeGraph.FunctionalTests.Queries;

/// <summary>
/// TraceDependencies over real gRPC. Exposure of X to Z is the sum over the simple dependency routes
/// from X to Z of the product of their weights (SUPPLIES/DEPENDS_ON: share; LOCATED_IN: 1), capped at 1.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class TraceDependenciesTests(SharedServices shared)
{
    private const double Tolerance = 1e-12;

    private QueryGraph NewGraph() => new(shared.Services);

    private static TraceDependenciesRequest Upstream(QueryGraph g, string root) => new() { Root = g.Entity(root), Direction = TraceDirection.Upstream };

    private static TraceDependenciesRequest Downstream(QueryGraph g, string root) => new() { Root = g.Entity(root), Direction = TraceDirection.Downstream };

    private static void AssertExposures(QueryGraph g, (string Entity, double Exposure)[] expected, TraceDependenciesResponse actual)
    {
        var found = g.Exposures(actual);
        Assert.Equal(expected.Select(e => e.Entity), found.Select(f => f.Entity));
        foreach (var ((_, want), (_, got)) in expected.Zip(found)) Assert.Equal(want, got, Tolerance);
    }

    private static DependencyExposure Of(QueryGraph g, TraceDependenciesResponse response, string id) =>
        Assert.Single(response.Dependencies, d => d.Entity.Name == g.Entity(id));

    [Fact]
    public async Task A_chain_multiplies_the_weights_along_the_route()
    {
        // japan <-SUPPLIES 0.5- trader <-SUPPLIES 0.4- mine -LOCATED_IN-> russia
        var g = NewGraph();
        await g.AddAsync("Country", "japan", "russia");
        await g.AddAsync("Company", "trader");
        await g.AddAsync("Project", "mine");
        await g.LinkAsync("trader-japan", "SUPPLIES", "trader", "japan", 0.5);
        await g.LinkAsync("mine-trader", "SUPPLIES", "mine", "trader", 0.4);
        await g.LinkAsync("mine-in-russia", "LOCATED_IN", "mine", "russia");

        var response = await g.Queries.TraceDependenciesAsync(Upstream(g, "japan"));

        // trader 0.5; mine 0.5 * 0.4 = 0.2; russia 0.2 * 1 = 0.2 (equal exposures by name: mine < russia).
        AssertExposures(g, [("trader", 0.5), ("mine", 0.2), ("russia", 0.2)], response);
        Assert.False(response.Truncated);
        Assert.Equal(g.Entity("japan"), response.Root.Name);
        Assert.Equal("Country", response.Root.Kind);

        var russia = Of(g, response, "russia");
        Assert.Equal(3, russia.MinDepth);
        Assert.Equal(0.2, russia.UncappedExposure, Tolerance);
        var route = Assert.Single(russia.Routes);
        Assert.Equal(0.2, route.Contribution, Tolerance);
        Assert.Equal(["japan", "trader", "mine", "russia"], g.Visits(route.Path));
        Assert.Equal(["trader-japan", "mine-trader", "mine-in-russia"], g.Follows(route.Path));
        Assert.Equal([Direction.Incoming, Direction.Incoming, Direction.Outgoing], route.Path.Hops.Select(h => h.Direction));
        Assert.Equal([0.5, 0.4, 1.0], route.Path.Hops.Select(h => h.Weight));
        Assert.Equal(1, Of(g, response, "trader").MinDepth);
    }

    [Fact]
    public async Task A_diamond_adds_the_routes_and_lists_each_largest_first()
    {
        // japan depends on b (0.3) and c (0.2); russia supplies b with 0.5 of its needs and c with all of them.
        var g = NewGraph();
        await g.AddAsync("Country", "japan", "russia");
        await g.AddAsync("Company", "b", "c");
        await g.LinkAsync("b-japan", "SUPPLIES", "b", "japan", 0.3);
        await g.LinkAsync("c-japan", "SUPPLIES", "c", "japan", 0.2);
        await g.LinkAsync("russia-b", "SUPPLIES", "russia", "b", 0.5);
        await g.LinkAsync("russia-c", "SUPPLIES", "russia", "c", 1.0);

        var response = await g.Queries.TraceDependenciesAsync(Upstream(g, "japan"));

        // russia: 0.3 * 0.5 + 0.2 * 1.0 = 0.35, above b's 0.3 and c's 0.2.
        AssertExposures(g, [("russia", 0.35), ("b", 0.3), ("c", 0.2)], response);
        var russia = Of(g, response, "russia");
        Assert.Equal(0.35, russia.UncappedExposure, Tolerance);
        Assert.Equal(2, russia.MinDepth);
        Assert.Equal([0.2, 0.15], russia.Routes.Select(r => r.Contribution), new ToleranceComparer(Tolerance));
        Assert.Equal([["japan", "c", "russia"], ["japan", "b", "russia"]], russia.Routes.Select(r => g.Visits(r.Path)));
        Assert.False(response.Truncated);
    }

    [Fact]
    public async Task Exposure_is_capped_at_one_and_the_uncapped_sum_is_reported()
    {
        var g = NewGraph();
        await g.AddAsync("Country", "japan", "russia");
        await g.AddAsync("Company", "b", "c");
        await g.LinkAsync("b-japan", "SUPPLIES", "b", "japan", 0.8);
        await g.LinkAsync("c-japan", "SUPPLIES", "c", "japan", 0.6);
        await g.LinkAsync("b-in-russia", "LOCATED_IN", "b", "russia");
        await g.LinkAsync("c-in-russia", "LOCATED_IN", "c", "russia");

        var response = await g.Queries.TraceDependenciesAsync(Upstream(g, "japan"));

        AssertExposures(g, [("russia", 1.0), ("b", 0.8), ("c", 0.6)], response);
        var russia = Of(g, response, "russia");
        Assert.Equal(1.4, russia.UncappedExposure, Tolerance);
        Assert.Equal([0.8, 0.6], russia.Routes.Select(r => r.Contribution), new ToleranceComparer(Tolerance));
    }

    [Fact]
    public async Task A_dependency_cycle_ends_every_route_before_it_repeats_an_entity()
    {
        // x depends on y, y on z, z on x, each for half its needs.
        var g = NewGraph();
        await g.AddAsync("Company", "x", "y", "z");
        await g.LinkAsync("x-y", "DEPENDS_ON", "x", "y", 0.5);
        await g.LinkAsync("y-z", "DEPENDS_ON", "y", "z", 0.5);
        await g.LinkAsync("z-x", "DEPENDS_ON", "z", "x", 0.5);

        var up = await g.Queries.TraceDependenciesAsync(Upstream(g, "x"));
        AssertExposures(g, [("y", 0.5), ("z", 0.25)], up);
        Assert.False(up.Truncated);

        var down = await g.Queries.TraceDependenciesAsync(Downstream(g, "x"));
        AssertExposures(g, [("z", 0.5), ("y", 0.25)], down);
        Assert.False(down.Truncated);

        foreach (var route in up.Dependencies.Concat(down.Dependencies).SelectMany(d => d.Routes))
            Assert.Equal(route.Path.Hops.Count + 1, g.Visits(route.Path).Distinct().Count());
    }

    [Fact]
    public async Task Depends_on_and_the_reverse_supplies_give_the_same_upstream_answer()
    {
        var g = NewGraph();
        await g.AddAsync("Company", "x", "y", "x2", "y2");
        await g.LinkAsync("x-depends-on-y", "DEPENDS_ON", "x", "y", 0.4);
        await g.LinkAsync("y2-supplies-x2", "SUPPLIES", "y2", "x2", 0.4);

        var viaDependsOn = await g.Queries.TraceDependenciesAsync(Upstream(g, "x"));
        var viaSupplies = await g.Queries.TraceDependenciesAsync(Upstream(g, "x2"));

        AssertExposures(g, [("y", 0.4)], viaDependsOn);
        AssertExposures(g, [("y2", 0.4)], viaSupplies);
        Assert.Equal(Direction.Outgoing, Of(g, viaDependsOn, "y").Routes[0].Path.Hops[0].Direction);
        Assert.Equal(Direction.Incoming, Of(g, viaSupplies, "y2").Routes[0].Path.Hops[0].Direction);

        // And neither makes the provider depend on the dependent.
        Assert.Empty((await g.Queries.TraceDependenciesAsync(Upstream(g, "y"))).Dependencies);
        Assert.Empty((await g.Queries.TraceDependenciesAsync(Upstream(g, "y2"))).Dependencies);
        AssertExposures(g, [("x", 0.4)], await g.Queries.TraceDependenciesAsync(Downstream(g, "y")));
        AssertExposures(g, [("x2", 0.4)], await g.Queries.TraceDependenciesAsync(Downstream(g, "y2")));
    }

    [Fact]
    public async Task Relationships_without_dependency_meaning_take_no_part()
    {
        var g = NewGraph();
        await g.AddAsync("Company", "x", "y");
        await g.LinkAsync("invest", "INVESTS_IN", "x", "y");

        Assert.Empty((await g.Queries.TraceDependenciesAsync(Upstream(g, "x"))).Dependencies);
        Assert.Empty((await g.Queries.TraceDependenciesAsync(Downstream(g, "y"))).Dependencies);
    }

    [Fact]
    public async Task Purchases_and_imports_stated_without_a_share_are_dependencies_of_unknown_weight()
    {
        var g = NewGraph();
        await g.AddAsync("Company", "buyer", "seller");
        await g.AddAsync("Country", "importer", "exporter");
        await g.LinkAsync("buy", "PURCHASES_FROM", "buyer", "seller");
        await g.LinkAsync("import", "IMPORTS_FROM", "importer", "exporter");

        foreach (var (dependent, provider) in new[] { ("buyer", "seller"), ("importer", "exporter") })
        {
            var upstream = await g.Queries.TraceDependenciesAsync(Upstream(g, dependent));
            var found = Assert.Single(upstream.Dependencies);
            Assert.Equal(g.Entity(provider), found.Entity.Name);
            Assert.Equal((0.0, 1.0, false), (found.ExposureLower, found.ExposureUpper, found.Quantified));
            var hop = Assert.Single(Assert.Single(found.Routes).Path.Hops);
            Assert.Equal((Direction.Outgoing, true, 1.0), (hop.Direction, hop.WeightUnknown, hop.Weight));

            var downstream = await g.Queries.TraceDependenciesAsync(Downstream(g, provider));
            Assert.Equal([g.Entity(dependent)], downstream.Dependencies.Select(d => d.Entity.Name));
        }
    }

    [Fact]
    public async Task Downstream_answers_who_depends_on_the_root()
    {
        // china processes 0.9 of the world's rare earths; maker depends on rare earths for 0.5 of its
        // needs; maker supplies 0.2 of japan's.
        var g = NewGraph();
        await g.AddAsync("Country", "china", "japan");
        await g.AddAsync("Commodity", "rare-earths");
        await g.AddAsync("Company", "maker");
        await g.LinkAsync("china-processes", "PROCESSES", "china", "rare-earths", 0.9);
        await g.LinkAsync("maker-needs", "DEPENDS_ON", "maker", "rare-earths", 0.5);
        await g.LinkAsync("maker-japan", "SUPPLIES", "maker", "japan", 0.2);

        var response = await g.Queries.TraceDependenciesAsync(Downstream(g, "china"));

        // rare-earths 0.9; maker 0.9 * 0.5 = 0.45; japan 0.45 * 0.2 = 0.09.
        AssertExposures(g, [("rare-earths", 0.9), ("maker", 0.45), ("japan", 0.09)], response);
        var route = Assert.Single(Of(g, response, "japan").Routes);
        Assert.Equal(["china", "rare-earths", "maker", "japan"], g.Visits(route.Path));
        Assert.Equal([Direction.Outgoing, Direction.Incoming, Direction.Outgoing], route.Path.Hops.Select(h => h.Direction));

        // Upstream from japan sees china through the same relationships.
        var up = await g.Queries.TraceDependenciesAsync(Upstream(g, "japan"));
        AssertExposures(g, [("maker", 0.2), ("rare-earths", 0.1), ("china", 0.09)], up);
    }

    [Fact]
    public async Task A_commodity_keeps_its_own_relationships_and_those_for_no_commodity()
    {
        var g = NewGraph();
        await g.AddAsync("Country", "japan", "russia");
        await g.AddAsync("Commodity", "gas", "oil");
        await g.AddAsync("Project", "lng");
        await g.AddAsync("Company", "oilco", "anyco");
        await g.LinkAsync("lng-japan", "SUPPLIES", "lng", "japan", 0.09, commodity: "gas");
        await g.LinkAsync("oilco-japan", "SUPPLIES", "oilco", "japan", 0.3, commodity: "oil");
        await g.LinkAsync("anyco-japan", "SUPPLIES", "anyco", "japan", 0.1);
        await g.LinkAsync("lng-in-russia", "LOCATED_IN", "lng", "russia");
        await g.LinkAsync("oilco-in-russia", "LOCATED_IN", "oilco", "russia");

        AssertExposures(g, [("russia", 0.39), ("oilco", 0.3), ("anyco", 0.1), ("lng", 0.09)],
            await g.Queries.TraceDependenciesAsync(Upstream(g, "japan")));

        var gas = Upstream(g, "japan");
        gas.Commodity = g.Entity("gas");
        AssertExposures(g, [("anyco", 0.1), ("lng", 0.09), ("russia", 0.09)], await g.Queries.TraceDependenciesAsync(gas));

        var oil = Upstream(g, "japan");
        oil.Commodity = g.Entity("oil");
        AssertExposures(g, [("oilco", 0.3), ("russia", 0.3), ("anyco", 0.1)], await g.Queries.TraceDependenciesAsync(oil));
    }

    [Fact]
    public async Task As_of_drops_an_expired_supply_and_each_route_carries_its_validity_intersection()
    {
        // The Sakhalin-2 example: 9% of japan's gas, contracts running 2009-2033, the project in russia since 2012.
        var g = NewGraph();
        await g.AddAsync("Country", "japan", "russia");
        await g.AddAsync("Commodity", "gas");
        await g.AddAsync("Project", "sakhalin");
        await g.LinkAsync("sakhalin-japan", "SUPPLIES", "sakhalin", "japan", 0.09, commodity: "gas", validFrom: Date(2009), validTo: Date(2033));
        await g.LinkAsync("sakhalin-in-russia", "LOCATED_IN", "sakhalin", "russia", validFrom: Date(2012));

        var request = Upstream(g, "japan");
        request.Commodity = g.Entity("gas");
        request.AsOf = Date(2030);
        var in2030 = await g.Queries.TraceDependenciesAsync(request);
        AssertExposures(g, [("russia", 0.09), ("sakhalin", 0.09)], in2030);
        var route = Assert.Single(Of(g, in2030, "russia").Routes).Path;
        Assert.Equal(Date(2012), route.ValidFrom);
        Assert.Equal(Date(2033), route.ValidTo);
        var direct = Assert.Single(Of(g, in2030, "sakhalin").Routes).Path;
        Assert.Equal(Date(2009), direct.ValidFrom);
        Assert.Equal(Date(2033), direct.ValidTo);
        Assert.Equal(Date(2030), in2030.AsOf);

        request.AsOf = Date(2010);
        AssertExposures(g, [("sakhalin", 0.09)], await g.Queries.TraceDependenciesAsync(request));

        request.AsOf = Date(2034);
        var after = await g.Queries.TraceDependenciesAsync(request);
        Assert.Empty(after.Dependencies);
        Assert.False(after.Truncated);
    }

    [Fact]
    public async Task Max_depth_bounds_the_trace_and_says_so()
    {
        var g = NewGraph();
        await g.AddAsync("Company", "a", "b", "c", "d");
        await g.LinkAsync("a-b", "DEPENDS_ON", "a", "b", 0.5);
        await g.LinkAsync("b-c", "DEPENDS_ON", "b", "c", 0.5);
        await g.LinkAsync("c-d", "DEPENDS_ON", "c", "d", 0.5);

        var request = Upstream(g, "a");
        request.MaxDepth = 2;
        var shallow = await g.Queries.TraceDependenciesAsync(request);
        AssertExposures(g, [("b", 0.5), ("c", 0.25)], shallow);
        Assert.True(shallow.Truncated);
        Assert.Equal([Bound.MaxDepth], shallow.BoundsHit);

        request.MaxDepth = 3;
        var exact = await g.Queries.TraceDependenciesAsync(request);
        AssertExposures(g, [("b", 0.5), ("c", 0.25), ("d", 0.125)], exact);
        Assert.False(exact.Truncated);
    }

    [Fact]
    public async Task Min_exposure_leaves_out_small_exposures()
    {
        var g = NewGraph();
        await g.AddAsync("Company", "a", "b", "c", "d");
        await g.LinkAsync("a-b", "DEPENDS_ON", "a", "b", 0.5);
        await g.LinkAsync("b-c", "DEPENDS_ON", "b", "c", 0.5);
        await g.LinkAsync("a-d", "DEPENDS_ON", "a", "d", 0.1);

        var request = Upstream(g, "a");
        request.MinExposure = 0.25;
        AssertExposures(g, [("b", 0.5), ("c", 0.25)], await g.Queries.TraceDependenciesAsync(request));

        request.MinExposure = 0.3;
        AssertExposures(g, [("b", 0.5)], await g.Queries.TraceDependenciesAsync(request));

        request.MinExposure = 1;
        Assert.Empty((await g.Queries.TraceDependenciesAsync(request)).Dependencies);
    }

    [Fact]
    public async Task Max_routes_lists_the_largest_routes_but_the_exposure_counts_them_all()
    {
        var g = NewGraph();
        await g.AddAsync("Country", "japan", "russia");
        await g.AddAsync("Company", "b", "c");
        await g.LinkAsync("b-japan", "SUPPLIES", "b", "japan", 0.3);
        await g.LinkAsync("c-japan", "SUPPLIES", "c", "japan", 0.2);
        await g.LinkAsync("russia-b", "SUPPLIES", "russia", "b", 0.5);
        await g.LinkAsync("russia-c", "SUPPLIES", "russia", "c", 1.0);

        var request = Upstream(g, "japan");
        request.MaxRoutes = 1;
        var response = await g.Queries.TraceDependenciesAsync(request);
        var russia = Of(g, response, "russia");
        Assert.Equal(0.35, russia.Exposure, Tolerance);
        Assert.Equal(["japan", "c", "russia"], g.Visits(Assert.Single(russia.Routes).Path));
        Assert.True(response.Truncated);
        Assert.Equal([Bound.MaxResults], response.BoundsHit);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
