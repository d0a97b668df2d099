using System.Net.Http.Headers;
using Grpc.Net.Client;
using KnowledgeGraph.Grpc.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KnowledgeGraph.FunctionalTests.Infrastructure;

/// <summary>
/// One service host started in-process on real Kestrel sockets: gRPC on an h2c port, JSON on an
/// HTTP/1.1 port, over the given data directory (the embedded SQLite store). It trusts
/// <see cref="TestTokens"/>, and its <see cref="Channel"/> and <see cref="CreateHttpClient()"/>
/// carry a token with every scope.
/// </summary>
public sealed class ServiceHost<TMarker> : IAsyncDisposable where TMarker : class
{
    private readonly WebApplicationFactory<TMarker> _factory;

    public Uri GrpcAddress { get; }
    public Uri HttpAddress { get; }
    public GrpcChannel Channel { get; }

    /// <param name="settings">Configuration on top of the ports, the data path and <see cref="TestTokens.ServiceSettings"/>.</param>
    /// <param name="configureServices">Services added on top of the host's own (for example in-memory telemetry exporters).</param>
    public ServiceHost(string dataPath, IReadOnlyDictionary<string, string>? settings = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configureServices = null)
    {
        var grpcPort = TestChannels.FreePort();
        var httpPort = TestChannels.FreePort();
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
        _factory = new WebApplicationFactory<TMarker>().WithWebHostBuilder(web =>
        {
            web.UseSetting(ServiceHostExtensions.GrpcPortKey, grpcPort.ToString());
            web.UseSetting(ServiceHostExtensions.HttpPortKey, httpPort.ToString());
            web.UseSetting(StoreConfiguration.DataPathKey, dataPath);
            foreach (var (key, value) in TestTokens.ServiceSettings.Concat(settings ?? new Dictionary<string, string>())) web.UseSetting(key, value);
            if (configureServices is not null) web.ConfigureServices(configureServices);
        });
        _factory.UseKestrel();
        _factory.StartServer();
        Channel = CreateChannel(TestTokens.All);
    }

    /// <summary>A channel whose calls carry <paramref name="token"/>, or no token at all.</summary>
    public GrpcChannel CreateChannel(string? token) => TestChannels.Create(GrpcAddress, token);

    public HttpClient CreateHttpClient() => CreateHttpClient(TestTokens.All);

    /// <summary>A JSON client whose requests carry <paramref name="token"/>, or no token at all.</summary>
    public HttpClient CreateHttpClient(string? token)
    {
        var http = new HttpClient { BaseAddress = HttpAddress };
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public IServiceProvider Services => _factory.Services;

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _factory.DisposeAsync();
    }
}
