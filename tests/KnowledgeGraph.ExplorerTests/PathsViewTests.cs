using KnowledgeGraph.ExplorerTests.Infrastructure;
using KnowledgeGraph.V1;
using Microsoft.Playwright;

namespace KnowledgeGraph.ExplorerTests;

/// <summary>Paths between two entities as a picture, and the evidence of a hop on one of them.</summary>
[Collection(ExplorerCollection.Name)]
public sealed class PathsViewTests(ExplorerFixture fixture)
{
    [Fact]
    public async Task Paths_from_Japan_to_Russia_are_drawn_as_the_service_finds_them()
    {
        var page = await fixture.OpenAsync();

        await page.FillAsync("#as-of", ExplorerFlowTests.AsOf);
        await page.FillAsync("#paths-source", "japan");
        await page.FillAsync("#paths-target", "russia");
        await page.SelectOptionAsync("#paths-direction", "BOTH");
        await page.SelectOptionAsync("#paths-mode", "K_SHORTEST");
        await page.ClickAsync("#paths-run");
        var drawn = await DrawnGraph.WaitForAsync(page, "paths");

        var expected = await fixture.Seed.Services.Queries.FindPathsAsync(new FindPathsRequest
        {
            Source = "entities/japan", Target = "entities/russia", Direction = Direction.Both, Mode = PathMode.KShortest,
            AsOf = ExplorerFlowTests.AsOfTimestamp,
        });
        Assert.True(expected.Paths.Count > 1, "The seed graph links Japan and Russia in more than one way.");
        drawn.AssertDraws(DrawnGraph.Expected(expected.Paths));
        Assert.Equal("start", drawn.Nodes["entities/japan"].GetProperty("role").GetString());
        Assert.Equal("end", drawn.Nodes["entities/russia"].GetProperty("role").GetString());
        // The list beside the picture names each path's entities in order, each a link to its card.
        var listed = page.Locator("ol.paths > li");
        await Assertions.Expect(listed).ToHaveCountAsync(expected.Paths.Count);
        for (var i = 0; i < expected.Paths.Count; i++)
        {
            var path = expected.Paths[i];
            var names = await listed.Nth(i).Locator("a.entity-link").EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.name)");
            Assert.Equal(path.Hops.Select(h => h.Entity.Name).Prepend(path.Start.Name), names);
            await Assertions.Expect(listed.Nth(i)).Not.ToContainTextAsync("http");
        }

        // The direct link the article states: Japan imports from Russia.
        var imports = drawn.Edges["relationships/japan-imports-from-russia"];
        Assert.Equal(("entities/japan", "entities/russia"), (imports.Source, imports.Target));
        await DrawnGraph.ClickEdgeAsync(page, imports.Id);
        var evidence = page.Locator(".evidence[data-relationship='relationships/japan-imports-from-russia']");
        await Assertions.Expect(evidence.Locator(".sources")).ToContainTextAsync("reduce dependence on Australian and Russian supplies");
        await Screenshots.SaveAsync(page, "paths");
    }
}
