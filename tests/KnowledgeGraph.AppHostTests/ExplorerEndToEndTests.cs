using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;

namespace KnowledgeGraph.AppHostTests;

/// <summary>The explorer under the AppHost: found in the model as <c>explorer</c>, it serves its page and reaches the services through service discovery with its own token.</summary>
[Collection(AppHostCollection.Name)]
public sealed class ExplorerEndToEndTests(AppHostFixture fixture)
{
    [Fact]
    public async Task The_explorer_serves_its_page_and_answers_the_gas_trace_through_the_services()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("explorer", timeout.Token);
        using var http = new HttpClient { BaseAddress = fixture.App.GetEndpoint("explorer", "http") };

        var page = await http.GetStringAsync("/", timeout.Token);
        Assert.Contains("dist/explorer.js", page, StringComparison.Ordinal);
        using var bundle = await http.GetAsync("/dist/explorer.js", timeout.Token);
        bundle.EnsureSuccessStatusCode();

        // No token from this client: the explorer sends its own.
        var trace = await http.GetFromJsonAsync<JsonElement>(
            "/api/trace?root=entities/japan&direction=UPSTREAM&commodity=entities/natural-gas", timeout.Token);
        var russia = trace.GetProperty("dependencies").EnumerateArray().Single(d => d.GetProperty("entity").GetProperty("name").GetString() == "entities/russia");
        Assert.Equal(0.09, russia.GetProperty("exposureLower").GetDouble(), precision: 6);
    }
}
