using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeGraph.ExplorerTests.Infrastructure;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.Grpc.Security;

namespace KnowledgeGraph.ExplorerTests;

/// <summary>The explorer's JSON API without a browser: what the page is told when a question cannot be answered.</summary>
[Collection(ExplorerCollection.Name)]
public sealed class ExplorerApiTests(ExplorerFixture fixture)
{
    [Fact]
    public async Task A_missing_entity_is_404_with_the_service_s_message()
    {
        using var http = fixture.Explorer.CreateHttpClient();
        var (status, error) = await GetErrorAsync(http, "/api/entity?name=entities/atlantis");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("NotFound", error.GetProperty("code").GetString());
        Assert.Contains("atlantis", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/trace?root=entities/japan&direction=UPSTREAM&asOf=next-tuesday", "asOf")]
    [InlineData("/api/trace?root=entities/japan&direction=SIDEWAYS", "direction")]
    [InlineData("/api/paths?source=entities/japan&target=entities/russia&mode=LONGEST", "mode")]
    public async Task A_value_the_explorer_cannot_read_is_400_naming_the_parameter(string url, string parameter)
    {
        using var http = fixture.Explorer.CreateHttpClient();
        var (status, error) = await GetErrorAsync(http, url);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith($"{parameter}:", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_the_service_refuses_is_400_with_the_service_s_message()
    {
        using var http = fixture.Explorer.CreateHttpClient();
        var (status, error) = await GetErrorAsync(http, "/api/trace?root=entities/japan&direction=UPSTREAM&maxDepth=99");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidArgument", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_refused_explorer_credential_is_the_explorer_s_fault_502_not_the_user_s()
    {
        await using var explorer = new ExplorerHost(fixture.Seed.Services, TestTokens.Expired(Scopes.Read));
        using var http = explorer.CreateHttpClient();
        var (status, error) = await GetErrorAsync(http, "/api/search?query=sakhalin");
        Assert.Equal(HttpStatusCode.BadGateway, status);
        Assert.Contains("explorer's own credential", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_explorer_does_not_start_without_a_credential()
    {
        var error = Assert.ThrowsAny<Exception>(() => new ExplorerHost(fixture.Seed.Services, token: ""));
        Assert.Contains("Explorer:BearerToken", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Error)> GetErrorAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
