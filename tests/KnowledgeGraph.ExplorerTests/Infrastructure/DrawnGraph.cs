using System.Text.Json;
using KnowledgeGraph.V1;
using Microsoft.Playwright;

namespace KnowledgeGraph.ExplorerTests.Infrastructure;

/// <summary>An edge as drawn: from the entity a hop leaves to the one it reaches, the relationship's name as id.</summary>
public sealed record DrawnEdge(string Id, string Source, string Target, JsonElement Data);

/// <summary>The graph the page has drawn, read from its model (<c>window.explorer.graph()</c>), not from pixels.</summary>
public sealed record DrawnGraph(string View, IReadOnlyDictionary<string, JsonElement> Nodes, IReadOnlyDictionary<string, DrawnEdge> Edges)
{
    public static async Task<DrawnGraph> ReadAsync(IPage page)
    {
        var model = await page.EvaluateAsync<JsonElement>("() => window.explorer.graph()");
        return new DrawnGraph(
            model.GetProperty("view").GetString()!,
            model.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!, n => n.GetProperty("data")),
            model.GetProperty("edges").EnumerateArray().ToDictionary(
                e => e.GetProperty("id").GetString()!,
                e => new DrawnEdge(e.GetProperty("id").GetString()!, e.GetProperty("source").GetString()!, e.GetProperty("target").GetString()!, e.GetProperty("data"))));
    }

    /// <summary>Waits until the page has drawn a picture of this kind (<c>trace</c>, <c>paths</c>, ...) and reads it.</summary>
    public static async Task<DrawnGraph> WaitForAsync(IPage page, string view)
    {
        await page.WaitForFunctionAsync("view => window.explorer && window.explorer.graph().view === view", view);
        return await ReadAsync(page);
    }

    /// <summary>Clicks an edge where the picture draws it, as a person would.</summary>
    public static async Task ClickEdgeAsync(IPage page, string id)
    {
        var point = await page.EvaluateAsync<JsonElement>("id => window.explorer.edgePoint(id)", id);
        Assert.True(point.ValueKind == JsonValueKind.Object, $"The picture has no edge {id}.");
        await page.Mouse.ClickAsync(point.GetProperty("x").GetSingle(), point.GetProperty("y").GetSingle());
    }

    /// <summary>What a page should draw for these paths: every entity on them, every hop once, in the direction walked.</summary>
    public static (HashSet<string> Nodes, HashSet<(string Id, string From, string To)> Edges) Expected(IEnumerable<GraphPath> paths, params string[] alsoNodes)
    {
        var nodes = new HashSet<string>(alsoNodes);
        var edges = new HashSet<(string, string, string)>();
        foreach (var path in paths)
        {
            var from = path.Start.Name;
            nodes.Add(from);
            foreach (var hop in path.Hops)
            {
                nodes.Add(hop.Entity.Name);
                edges.Add((hop.Relationship.Name, from, hop.Entity.Name));
                from = hop.Entity.Name;
            }
        }
        return (nodes, edges);
    }

    public void AssertDraws((HashSet<string> Nodes, HashSet<(string Id, string From, string To)> Edges) expected)
    {
        Assert.Equal(expected.Nodes.Order(), Nodes.Keys.Order());
        Assert.Equal(expected.Edges.Order(), Edges.Values.Select(e => (e.Id, e.Source, e.Target)).Order());
    }
}
