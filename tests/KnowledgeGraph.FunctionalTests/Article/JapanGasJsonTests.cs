using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeGraph.FunctionalTests.Seed;

namespace KnowledgeGraph.FunctionalTests.Article;

/// <summary>The article's what-if and chokepoint questions through the JSON routes (gRPC JSON transcoding) of the seeded Queries host.</summary>
[Collection(SeedGraphCollection.Name)]
public sealed class JapanGasJsonTests(SeedGraphFixture seed)
{
    private const string Gas = "commodity=entities/natural-gas&asOf=2030-06-01T00:00:00Z";

    [Fact]
    public async Task Find_chokepoints_answers_a_get_on_the_root()
    {
        using var http = Http();

        var answer = await http.GetFromJsonAsync<JsonElement>($"/v1/entities/japan:findChokepoints?direction=UPSTREAM&{Gas}&maxResults=2");

        // The same hand-computed ranking as JapanGasChokepointTests, cut to two.
        Assert.Equal(0.18, answer.GetProperty("totalExposureLower").GetDouble(), 1e-12);
        Assert.Equal(7.09, answer.GetProperty("totalExposureUpper").GetDouble(), 1e-12);
        var chokepoints = answer.GetProperty("chokepoints").EnumerateArray().ToList();
        Assert.Equal(["entities/russia", "entities/sakhalin-2"], chokepoints.Select(c => c.GetProperty("entity").GetProperty("name").GetString()));
        Assert.Equal(1.0, chokepoints[0].GetProperty("exposureLostUpper").GetDouble(), 1e-12);
        Assert.Equal(0.09, chokepoints[1].GetProperty("exposureLostLower").GetDouble(), 1e-12);
        Assert.Equal(0.18, chokepoints[1].GetProperty("exposureLostUpper").GetDouble(), 1e-12);
    }

    [Fact]
    public async Task A_trace_without_Russia_compared_with_the_baseline_answers_a_get_with_repeated_exclude()
    {
        using var http = Http();

        var trace = await http.GetFromJsonAsync<JsonElement>(
            $"/v1/entities/japan:traceDependencies?direction=UPSTREAM&{Gas}&exclude=entities/russia&exclude=relationships/japan-imports-from-australia&compareBaseline=true");

        // By hand: Russia [0.09, 1] -> [0, 0]; Australia's only route is the excluded import: [0, 1] -> [0, 0].
        var byName = trace.GetProperty("dependencies").EnumerateArray().ToDictionary(d => d.GetProperty("entity").GetProperty("name").GetString()!);
        var russia = byName["entities/russia"].GetProperty("comparison");
        Assert.Equal(0.09, russia.GetProperty("baselineLower").GetDouble(), 1e-12);
        Assert.Equal(-1.0, russia.GetProperty("changeUpper").GetDouble(), 1e-12);
        Assert.Equal(-1.0, byName["entities/australia"].GetProperty("comparison").GetProperty("changeUpper").GetDouble(), 1e-12);
        Assert.Equal(0.09, byName["entities/sakhalin-2"].GetProperty("exposureUpper").GetDouble(), 1e-12);
    }

    private HttpClient Http()
    {
        var http = seed.Services.QueriesHost.CreateHttpClient();
        foreach (var header in seed.AfterImport) http.DefaultRequestHeaders.Add(header.Key, header.Value);
        return http;
    }
}
