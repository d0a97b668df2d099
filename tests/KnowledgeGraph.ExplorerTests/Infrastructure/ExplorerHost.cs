using Explorer;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.Grpc.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KnowledgeGraph.ExplorerTests.Infrastructure;

/// <summary>
/// The explorer host in-process on a real Kestrel port a browser can load, finding the three
/// services through service discovery configuration (as the AppHost gives it) and calling them with
/// a token that has only <c>graph.read</c>.
/// </summary>
public sealed class ExplorerHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<ExplorerMarker> _factory;

    public Uri Address { get; }

    /// <param name="token">The explorer's credential; by default a valid token with only <c>graph.read</c>.</param>
    public ExplorerHost(KnowledgeGraphServices services, string? token = null)
    {
        Address = new Uri($"http://127.0.0.1:{TestChannels.FreePort()}");
        var settings = new Dictionary<string, string>
        {
            ["services:entities:grpc:0"] = services.EntitiesHost.GrpcAddress.ToString(),
            ["services:relationships:grpc:0"] = services.RelationshipsHost.GrpcAddress.ToString(),
            ["services:queries:grpc:0"] = services.QueriesHost.GrpcAddress.ToString(),
            ["Explorer:BearerToken"] = token ?? TestTokens.Mint(Scopes.Read),
        };
        _factory = new WebApplicationFactory<ExplorerMarker>().WithWebHostBuilder(web =>
        {
            web.UseSetting(WebHostDefaults.ServerUrlsKey, Address.ToString());
            foreach (var (key, value) in settings) web.UseSetting(key, value);
        });
        _factory.UseKestrel();
        _factory.StartServer();
    }

    /// <summary>A client for the explorer's JSON API, carrying no token (the explorer sends its own).</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = Address };

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
