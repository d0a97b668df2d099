using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.FunctionalTests.Queries;

/// <summary>
/// Services of their own with the expanded-relationship and partial-path caps at 20, and two graphs built once:
/// a supernode (hub) supplied by 30 companies, and a layered graph (s → a1..a3 → b1..b3 → t,
/// 15 relationships, 9 paths of 3 hops) whose loading fits the cap but whose path enumeration does not.
/// </summary>
public class ExpansionBudgetFixture : IAsyncLifetime
{
    public const int Cap = 20;
    public const int Suppliers = 30;

    public KnowledgeGraphServices Services { get; private set; } = null!;
    public QueryGraph Graph { get; private set; } = null!;

    public static string Supplier(int i) => $"s{i:00}";

    /// <summary>The settings of the services under test, besides the cap.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        Services = new KnowledgeGraphServices(new Dictionary<string, string>(Settings)
        {
            ["KnowledgeGraph:Queries:MaxExpandedRelationships"] = Cap.ToString(),
            ["KnowledgeGraph:Queries:MaxPartialPaths"] = Cap.ToString(),
        });
        Graph = new QueryGraph(Services);
        await Graph.AddAsync("Company", "hub");
        for (var i = 0; i < Suppliers; i++)
        {
            await Graph.AddAsync("Company", Supplier(i));
            await Graph.LinkAsync($"{Supplier(i)}-hub", "SUPPLIES", Supplier(i), "hub", 0.01);
        }

        await Graph.AddAsync("Company", "s", "a1", "a2", "a3", "b1", "b2", "b3", "t");
        foreach (var a in new[] { "a1", "a2", "a3" })
        {
            await Graph.LinkAsync($"s-{a}", "DEPENDS_ON", "s", a, 0.5);
            foreach (var b in new[] { "b1", "b2", "b3" }) await Graph.LinkAsync($"{a}-{b}", "DEPENDS_ON", a, b, 0.5);
        }
        foreach (var b in new[] { "b1", "b2", "b3" }) await Graph.LinkAsync($"{b}-t", "DEPENDS_ON", b, "t", 0.4);
    }

    public Task DisposeAsync() => Services.DisposeAsync().AsTask();
}

/// <summary>The same graphs answered by the store itself (KnowledgeGraph:Queries:Engine = Store).</summary>
public sealed class StoreEngineExpansionBudgetFixture : ExpansionBudgetFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["KnowledgeGraph:Queries:Engine"] = "Store" };
}

/// <summary>
/// A supernode or a combinatorial explosion stops at the server-side cap on expanded relationships
/// (KnowledgeGraph:Queries:MaxExpandedRelationships): the answer says MAX_EXPANSIONS and carries
/// what was found before the cap. A node's relationships are admitted by name, so the first 20 are
/// kept. Run on the projection (the default engine) and on the store.
/// </summary>
public sealed class ExpansionBudgetTests(ExpansionBudgetFixture fixture) : ExpansionBudgetCases(fixture), IClassFixture<ExpansionBudgetFixture>
{
    [Fact]
    public async Task All_simple_paths_to_a_supplier_the_cap_cut_from_the_hub_are_found_from_the_target_side()
    {
        // The projection measures distances back from the target first: s25 -> hub is one relationship.
        var found = await G.Queries.FindPathsAsync(new FindPathsRequest { Source = G.Entity("hub"), Target = G.Entity("s25"), Direction = Direction.Incoming, Mode = PathMode.AllSimple });

        Assert.Equal([["hub", "s25"]], found.Paths.Select(G.Visits));
        Assert.True(found.ExpandedRelationships < ExpansionBudgetFixture.Cap);
    }

    [Theory]
    [InlineData("s03")]
    [InlineData("s25")]
    public async Task The_shortest_path_to_any_supplier_of_the_supernode_is_found_from_the_supplier_s_side_without_the_cap(string supplier)
    {
        // The search grows the side with fewer relationships to read: one for the supplier, 30 for the hub.
        var found = await G.Queries.FindPathsAsync(new FindPathsRequest { Source = G.Entity("hub"), Target = G.Entity(supplier), Direction = Direction.Incoming });

        Assert.Equal([["hub", supplier]], found.Paths.Select(G.Visits));
        Assert.DoesNotContain(Bound.MaxExpansions, found.BoundsHit);
        Assert.True(found.ExpandedRelationships < ExpansionBudgetFixture.Cap, $"read {found.ExpandedRelationships} relationships");
    }
}

/// <summary>The cases on the store engine, where a search loads the ball around the source first.</summary>
public sealed class StoreEngineExpansionBudgetTests(StoreEngineExpansionBudgetFixture fixture) : ExpansionBudgetCases(fixture), IClassFixture<StoreEngineExpansionBudgetFixture>
{
    [Fact]
    public async Task Paths_through_a_supernode_are_found_among_the_admitted_relationships_and_the_cap_is_reported()
    {
        var admitted = await G.Queries.FindPathsAsync(new FindPathsRequest { Source = G.Entity("hub"), Target = G.Entity("s03"), Direction = Direction.Incoming });
        Assert.Equal([["hub", "s03"]], admitted.Paths.Select(G.Visits));
        Assert.True(admitted.Truncated);
        Assert.Equal([Bound.MaxExpansions], admitted.BoundsHit);
        Assert.Equal(ExpansionBudgetFixture.Cap, admitted.ExpandedRelationships);

        var cutOff = await G.Queries.FindPathsAsync(new FindPathsRequest { Source = G.Entity("hub"), Target = G.Entity("s25"), Direction = Direction.Incoming });
        Assert.Empty(cutOff.Paths);
        Assert.True(cutOff.Truncated);
        Assert.Equal([Bound.MaxExpansions], cutOff.BoundsHit);
    }

    [Fact]
    public async Task All_simple_paths_to_a_supplier_the_cap_cut_from_the_hub_are_not_found_and_the_cap_is_reported()
    {
        var cutOff = await G.Queries.FindPathsAsync(new FindPathsRequest { Source = G.Entity("hub"), Target = G.Entity("s25"), Direction = Direction.Incoming, Mode = PathMode.AllSimple });

        Assert.Empty(cutOff.Paths);
        Assert.True(cutOff.Truncated);
        Assert.Equal([Bound.MaxExpansions], cutOff.BoundsHit);
    }
}

/// <summary>What both engines answer alike under the cap.</summary>
public abstract class ExpansionBudgetCases(ExpansionBudgetFixture fixture)
{
    private const double Tolerance = 1e-12;

    protected QueryGraph G => fixture.Graph;

    private static IEnumerable<string> FirstSuppliers => Enumerable.Range(0, ExpansionBudgetFixture.Cap).Select(ExpansionBudgetFixture.Supplier);

    [Fact]
    public async Task Tracing_a_supernode_stops_at_the_cap_and_returns_the_suppliers_admitted()
    {
        var response = await G.Queries.TraceDependenciesAsync(new TraceDependenciesRequest { Root = G.Entity("hub"), Direction = TraceDirection.Upstream });

        Assert.True(response.Truncated);
        Assert.Equal([Bound.MaxExpansions], response.BoundsHit);
        Assert.Equal(ExpansionBudgetFixture.Cap, response.ExpandedRelationships);
        Assert.Equal(FirstSuppliers, response.Dependencies.Select(d => G.Short(d.Entity.Name)));
        Assert.All(response.Dependencies, d => Assert.Equal(0.01, d.Exposure, Tolerance));
    }

    [Fact]
    public async Task The_neighborhood_of_a_supernode_stops_at_the_cap()
    {
        var response = await G.Queries.GetNeighborhoodAsync(new GetNeighborhoodRequest { Name = G.Entity("hub") });
        Assert.Equal(["hub", .. FirstSuppliers], response.Entities.Select(e => G.Short(e.Entity.Name)));
        Assert.Equal(ExpansionBudgetFixture.Cap, response.Relationships.Count);
        Assert.True(response.Truncated);
        Assert.Equal([Bound.MaxExpansions], response.BoundsHit);
    }

    [Theory]
    [InlineData(PathMode.AllSimple)]
    [InlineData(PathMode.KShortest)]
    public async Task Enumerating_many_simple_paths_stops_at_the_cap_on_partial_paths(PathMode mode)
    {
        // The 15 relationships load within the cap; the depth-first walk then charges one partial
        // path per extension: 7 under each of a1 and a2 (s-a, then a-b and b-t three times), then
        // s-a3, a3-b1, b1-t, a3-b2, b2-t, a3-b3 (the 20th), and the 21st, b3-t, is refused: 8 of the 9 paths.
        var response = await G.Queries.FindPathsAsync(new FindPathsRequest { Source = G.Entity("s"), Target = G.Entity("t"), Mode = mode });

        Assert.Equal(
            [["s", "a1", "b1", "t"], ["s", "a1", "b2", "t"], ["s", "a1", "b3", "t"],
             ["s", "a2", "b1", "t"], ["s", "a2", "b2", "t"], ["s", "a2", "b3", "t"],
             ["s", "a3", "b1", "t"], ["s", "a3", "b2", "t"]],
            response.Paths.Select(G.Visits));
        Assert.Equal(15, response.ExpandedRelationships);
        Assert.True(response.Truncated);
        Assert.Equal([Bound.MaxExpansions], response.BoundsHit);
    }

    [Fact]
    public async Task A_trace_with_too_many_routes_stops_at_the_cap_and_sums_the_routes_it_built()
    {
        // Routes: 3 of one hop, 9 of two, then of the 9 three-hop routes to t the 21st is refused:
        // t gets 8 routes of 0.5·0.5·0.4 = 0.1; each b three routes of 0.25; each a one of 0.5.
        var response = await G.Queries.TraceDependenciesAsync(new TraceDependenciesRequest { Root = G.Entity("s"), Direction = TraceDirection.Upstream });

        var found = G.Exposures(response);
        Assert.Equal(["t", "b1", "b2", "b3", "a1", "a2", "a3"], found.Select(f => f.Entity));
        Assert.Equal([0.8, 0.75, 0.75, 0.75, 0.5, 0.5, 0.5], found.Select(f => Math.Round(f.Exposure, 12)));
        Assert.Equal(8, response.Dependencies[0].Routes.Count);
        Assert.True(response.Truncated);
        Assert.Equal([Bound.MaxExpansions], response.BoundsHit);
    }
}
