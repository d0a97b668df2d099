using System.Net;
using System.Text;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.FuzzTests.Harness;

namespace KnowledgeGraph.FuzzTests;

/// <summary>
/// Kestrel refuses a request target holding a NUL before any route runs, and closes the connection.
/// A JSON client still writing a large body then loses the refusal to a broken connection (21 of 30
/// tries, measured), unless it asks first with <c>Expect: 100-continue</c>, as the fuzz harness does
/// (docs/api.md, "Large bodies").
/// </summary>
public sealed class LargeBodyRefusalTests : IAsyncLifetime
{
    private const int Tries = 30;
    private KnowledgeGraphServices _services = null!;

    public Task InitializeAsync()
    {
        _services = new KnowledgeGraphServices(new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Warning" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task A_client_that_asks_before_sending_a_large_body_gets_Kestrel_s_refusal_every_time()
    {
        using var http = _services.EntitiesHost.CreateHttpClient();
        var body = "{\"displayName\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";
        for (var i = 0; i < Tries; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Patch, "/v1/entities/japan%00") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.ExpectContinue = true;
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Fact]
    public void The_harness_asks_first_for_a_large_body_and_not_for_a_small_one()
    {
        var route = new JsonRoute(HttpMethod.Patch, "/v1/{entity.name=entities/*}", "entity");
        var large = new KnowledgeGraph.V1.UpdateEntityRequest { Entity = new() { Name = "entities/japan", DisplayName = new string('x', JsonRequests.LargeBody) } };
        var small = new KnowledgeGraph.V1.UpdateEntityRequest { Entity = new() { Name = "entities/japan", DisplayName = "Japan" } };
        Assert.True(JsonRequests.Build(route, large, null)!.Headers.ExpectContinue);
        Assert.NotEqual(true, JsonRequests.Build(route, small, null)!.Headers.ExpectContinue);
    }
}
