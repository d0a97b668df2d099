using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.Protocol;
using static KnowledgeGraph.FunctionalTests.Infrastructure.TestGraph;

namespace KnowledgeGraph.FunctionalTests.Queries;

/// <summary>The dependency queries over the queries host's JSON endpoint (HTTP/1.1, gRPC JSON transcoding).</summary>
[Collection(ServicesCollection.Name)]
public sealed class QueryTranscodingTests(SharedServices shared)
{
    [Fact]
    public async Task Trace_dependencies_answers_a_get_with_query_parameters()
    {
        var g = new QueryGraph(shared.Services);
        await g.AddAsync("Country", "japan", "russia");
        await g.AddAsync("Commodity", "gas");
        await g.AddAsync("Project", "sakhalin");
        await g.LinkAsync("sakhalin-japan", "SUPPLIES", "sakhalin", "japan", 0.09, commodity: "gas", validTo: Date(2033));
        await g.LinkAsync("sakhalin-in-russia", "LOCATED_IN", "sakhalin", "russia");
        using var http = shared.Services.QueriesHost.CreateHttpClient();
        // Read the writes above: without their consistency token the projection may not have them yet.
        http.DefaultRequestHeaders.Add(ApiHeaders.ConsistencyToken, shared.Services.Session.Token);
        var root = $"/v1/{g.Entity("japan")}:traceDependencies";

        var now = await http.GetFromJsonAsync<JsonElement>($"{root}?direction=UPSTREAM&commodity={g.Entity("gas")}&asOf=2030-01-01T00:00:00Z");

        Assert.Equal(g.Entity("japan"), now.GetProperty("root").GetProperty("name").GetString());
        var dependencies = now.GetProperty("dependencies").EnumerateArray().ToList();
        Assert.Equal([g.Entity("russia"), g.Entity("sakhalin")], dependencies.Select(d => d.GetProperty("entity").GetProperty("name").GetString()));
        Assert.All(dependencies, d => Assert.Equal(0.09, d.GetProperty("exposure").GetDouble(), 1e-12));
        var hops = dependencies[0].GetProperty("routes")[0].GetProperty("path").GetProperty("hops").EnumerateArray().ToList();
        Assert.Equal(["INCOMING", "OUTGOING"], hops.Select(h => h.GetProperty("direction").GetString()));
        Assert.Equal(g.RelationshipName("sakhalin-japan"), hops[0].GetProperty("relationship").GetProperty("name").GetString());
        Assert.Equal("2033-01-01T00:00:00Z", dependencies[0].GetProperty("routes")[0].GetProperty("path").GetProperty("validTo").GetString());

        var later = await http.GetFromJsonAsync<JsonElement>($"{root}?direction=UPSTREAM&asOf=2034-01-01T00:00:00Z");
        Assert.False(later.TryGetProperty("dependencies", out var none) && none.GetArrayLength() > 0);

        using var refused = await http.GetAsync($"{root}?direction=UPSTREAM&maxDepth=11");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("1..10", await refused.Content.ReadAsStringAsync());
    }
}
