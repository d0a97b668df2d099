using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.ExplorerTests.Infrastructure;
using KnowledgeGraph.V1;
using Microsoft.Playwright;

namespace KnowledgeGraph.ExplorerTests;

/// <summary>
/// An analyst's walk through the explorer in Chromium: search, an entity card, its neighbourhood,
/// the trace of Japan's gas supply, and the evidence behind a hop.
/// </summary>
[Collection(ExplorerCollection.Name)]
public sealed class ExplorerFlowTests(ExplorerFixture fixture)
{
    public const string AsOf = "2030-06-01";
    public static Timestamp AsOfTimestamp => Timestamp.FromDateTime(new DateTime(2030, 6, 1, 0, 0, 0, DateTimeKind.Utc));

    public const string SakhalinQuote =
        "However, Japan still relies on Russia’s Sakhalin-2 LNG project for around 9 percent of its gas needs, with most contracts set to expire between 2028 and 2033.";

    [Fact]
    public async Task Search_card_neighbourhood_gas_trace_and_the_quote_behind_a_hop()
    {
        var page = await fixture.OpenAsync();

        // Search.
        await page.FillAsync("#search", "sakhalin");
        await page.PressAsync("#search", "Enter");
        var sakhalin = page.Locator(".result[data-name='entities/sakhalin-2']");
        await Assertions.Expect(sakhalin).ToContainTextAsync("Sakhalin-2");
        var expectedResults = await fixture.Seed.Services.Queries.SearchEntitiesAsync(new SearchEntitiesRequest { Query = "sakhalin" });
        Assert.Equal(expectedResults.Results.Select(r => r.Entity.Name), await page.Locator(".result").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.name)"));

        // The entity card: kind, properties, external ids and every source quote.
        await sakhalin.Locator("a").ClickAsync();
        var card = page.Locator(".card[data-name='entities/sakhalin-2']");
        await Assertions.Expect(card.Locator(".kind")).ToHaveTextAsync("Project");
        var entity = await fixture.Seed.Services.Entities.GetEntityAsync(new GetEntityRequest { Name = "entities/sakhalin-2" });
        Assert.Equal(entity.Sources.Select(s => $"“{s.Quote}”"), await card.Locator(".quote").AllTextContentsAsync());
        Assert.Equal(entity.Properties.Count, await card.Locator(".properties tbody tr").CountAsync());

        // Its neighbourhood as a picture.
        await card.GetByRole(AriaRole.Button, new() { Name = "Neighbourhood" }).ClickAsync();
        var neighbourhood = await DrawnGraph.WaitForAsync(page, "neighborhood");
        var expectedNeighbourhood = await fixture.Seed.Services.Queries.GetNeighborhoodAsync(new GetNeighborhoodRequest { Name = "entities/sakhalin-2" });
        Assert.Equal(expectedNeighbourhood.Entities.Select(e => e.Entity.Name).Order(), neighbourhood.Nodes.Keys.Order());
        Assert.Equal(expectedNeighbourhood.Relationships.Select(r => (r.Name, r.Source, r.Target)).Order(),
            neighbourhood.Edges.Values.Select(e => (e.Id, e.Source, e.Target)).Order());
        Assert.Contains("relationships/sakhalin-2-supplies-japan", neighbourhood.Edges.Keys);
        await Screenshots.SaveAsync(page, "entity");

        // The trace of Japan's gas supply, as of a date while the Sakhalin-2 contracts run.
        await page.FillAsync("#as-of", AsOf);
        await page.FillAsync("#trace-root", "japan");
        await page.SelectOptionAsync("#trace-direction", "UPSTREAM");
        await page.FillAsync("#trace-commodity", "natural-gas");
        await page.ClickAsync("#trace-run");
        var drawn = await DrawnGraph.WaitForAsync(page, "trace");

        var trace = await fixture.Seed.Services.Queries.TraceDependenciesAsync(new TraceDependenciesRequest
        {
            Root = "entities/japan", Direction = TraceDirection.Upstream, Commodity = "entities/natural-gas", AsOf = AsOfTimestamp,
        });
        drawn.AssertDraws(DrawnGraph.Expected(trace.Dependencies.SelectMany(d => d.Routes).Select(r => r.Path), "entities/japan"));

        // What the article says: 9% of Japan's gas comes from Sakhalin-2, which is in Russia.
        Assert.Superset(new HashSet<string> { "entities/japan", "entities/sakhalin-2", "entities/russia" }, drawn.Nodes.Keys.ToHashSet());
        var supply = drawn.Edges["relationships/sakhalin-2-supplies-japan"];
        Assert.Equal(("entities/japan", "entities/sakhalin-2"), (supply.Source, supply.Target));
        Assert.True(supply.Data.GetProperty("against").GetBoolean());
        Assert.Equal(0.09, supply.Data.GetProperty("exposureLower").GetDouble(), 6);
        Assert.Equal(0.09, supply.Data.GetProperty("exposureUpper").GetDouble(), 6);
        Assert.Equal("SUPPLIES 0.09", supply.Data.GetProperty("label").GetString());
        var located = drawn.Edges["relationships/sakhalin-2-located-in-russia"];
        Assert.Equal(("entities/sakhalin-2", "entities/russia"), (located.Source, located.Target));
        // Russia: the 9% through Sakhalin-2, plus Japan's direct import of unstated size: [0.09, 1].
        Assert.Equal(0.09, drawn.Nodes["entities/russia"].GetProperty("exposureLower").GetDouble(), 6);
        Assert.Equal(1.0, drawn.Nodes["entities/russia"].GetProperty("exposureUpper").GetDouble(), 6);

        // The ranked table beside it, in the service's order with its exposure intervals.
        var rows = page.Locator(".trace-ranking tbody tr");
        Assert.Equal(trace.Dependencies.Select(d => d.Entity.Name), await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.name)"));
        await Assertions.Expect(page.Locator(".trace-ranking tr[data-name='entities/russia'] .exposure")).ToHaveTextAsync("0.09–1");

        // Clicking the hop shows its relationship, properties, validity and the sentence it was taken from.
        await DrawnGraph.ClickEdgeAsync(page, "relationships/sakhalin-2-supplies-japan");
        var evidence = page.Locator(".evidence[data-relationship='relationships/sakhalin-2-supplies-japan']");
        await Assertions.Expect(evidence.Locator("h3")).ToHaveTextAsync("sakhalin-2 SUPPLIES japan");
        await Assertions.Expect(evidence.Locator(".validity")).ToContainTextAsync("until 2033-01-01");
        await Assertions.Expect(evidence.Locator(".properties")).ToContainTextAsync("entities/natural-gas");
        await Assertions.Expect(evidence.Locator(".quote").First).ToHaveTextAsync($"“{SakhalinQuote}”");
        await Screenshots.SaveAsync(page, "trace");
    }
}
