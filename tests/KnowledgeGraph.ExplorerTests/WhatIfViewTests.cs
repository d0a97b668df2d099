using KnowledgeGraph.ExplorerTests.Infrastructure;
using KnowledgeGraph.V1;
using Microsoft.Playwright;

namespace KnowledgeGraph.ExplorerTests;

/// <summary>Chokepoints of Japan's gas supply, then the trace without Sakhalin-2 compared with the baseline.</summary>
[Collection(ExplorerCollection.Name)]
public sealed class WhatIfViewTests(ExplorerFixture fixture)
{
    [Fact]
    public async Task Chokepoints_rank_what_Japan_s_gas_would_lose_and_an_exclusion_shows_the_change()
    {
        var page = await fixture.OpenAsync();

        await page.FillAsync("#as-of", ExplorerFlowTests.AsOf);
        await page.FillAsync("#trace-root", "japan");
        await page.SelectOptionAsync("#trace-direction", "UPSTREAM");
        await page.FillAsync("#trace-commodity", "natural-gas");
        await page.ClickAsync("#chokepoints-run");
        var drawn = await DrawnGraph.WaitForAsync(page, "chokepoints");

        var chokepoints = await fixture.Seed.Services.Queries.FindChokepointsAsync(new FindChokepointsRequest
        {
            Root = "entities/japan", Direction = TraceDirection.Upstream, Commodity = "entities/natural-gas", AsOf = ExplorerFlowTests.AsOfTimestamp,
        });
        var rows = page.Locator(".chokepoint-ranking tbody tr");
        Assert.Equal(chokepoints.Chokepoints.Select(c => c.Entity.Name), await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.name)"));
        drawn.AssertDraws(DrawnGraph.Expected(chokepoints.Chokepoints.SelectMany(c => c.Routes).Select(r => r.Path), "entities/japan"));
        // Russia first (it may lose up to all of Japan's gas), then Sakhalin-2 (at least the article's 9 %).
        Assert.Equal(["entities/russia", "entities/sakhalin-2"], chokepoints.Chokepoints.Take(2).Select(c => c.Entity.Name));
        Assert.Equal(1, drawn.Nodes["entities/russia"].GetProperty("rank").GetInt32());
        Assert.Equal(2, drawn.Nodes["entities/sakhalin-2"].GetProperty("rank").GetInt32());
        await Screenshots.SaveAsync(page, "chokepoints");

        // What if Sakhalin-2 were gone: the trace without it, each dependency beside its baseline.
        await page.Locator(".chokepoint-ranking tbody tr[data-name='entities/sakhalin-2']").GetByRole(AriaRole.Button, new() { Name = "What if without?" }).ClickAsync();
        var whatIf = await DrawnGraph.WaitForAsync(page, "trace");
        var expected = await fixture.Seed.Services.Queries.TraceDependenciesAsync(new TraceDependenciesRequest
        {
            Root = "entities/japan", Direction = TraceDirection.Upstream, Commodity = "entities/natural-gas", AsOf = ExplorerFlowTests.AsOfTimestamp,
            Exclude = { "entities/sakhalin-2" }, CompareBaseline = true,
        });
        Assert.Equal("entities/sakhalin-2", await page.InputValueAsync("#trace-exclude"));
        Assert.True(whatIf.Nodes["entities/sakhalin-2"].GetProperty("excluded").GetBoolean());
        foreach (var dependency in expected.Dependencies)
        {
            var row = page.Locator($".trace-ranking tr[data-name='{dependency.Entity.Name}']");
            await Assertions.Expect(row.Locator(".change")).ToHaveTextAsync(Interval(dependency.Comparison.ChangeLower, dependency.Comparison.ChangeUpper));
        }
        // Russia keeps Japan's direct import (share unknown), so it is still reached: its lower bound drops by the
        // article's 9 % (the part through Sakhalin-2), its upper bound stays 1.
        var russia = Assert.Single(expected.Dependencies, d => d.Entity.Name == "entities/russia");
        Assert.Equal((-0.09, 0.0), (Math.Round(russia.Comparison.ChangeLower, 6), Math.Round(russia.Comparison.ChangeUpper, 6)));
        await Assertions.Expect(page.Locator(".trace-ranking tr[data-name='entities/russia'] .change")).ToHaveTextAsync("-0.09–0");
        Assert.False(whatIf.Nodes["entities/russia"].GetProperty("lost").GetBoolean());
        await Screenshots.SaveAsync(page, "what-if");
    }

    /// <summary>The page's way of writing an interval: one number when the ends agree (to three decimals).</summary>
    private static string Interval(double lower, double upper)
    {
        static string Number(double value) => Math.Round(value, 3).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Number(lower) == Number(upper) ? Number(lower) : $"{Number(lower)}–{Number(upper)}";
    }
}
