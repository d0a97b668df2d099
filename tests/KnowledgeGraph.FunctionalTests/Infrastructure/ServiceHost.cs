using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using KnowledgeGraph.Grpc.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KnowledgeGraph.FunctionalTests.Infrastructure;

/// <summary>
/// One service host started in-process on real Kestrel sockets: gRPC on an h2c port, JSON on an
/// HTTP/1.1 port, over the given data directory (the embedded SQLite store).
/// </summary>
public sealed class ServiceHost<TMarker> : IAsyncDisposable where TMarker : class
{
    private readonly WebApplicationFactory<TMarker> _factory;

    public Uri GrpcAddress { get; }
    public Uri HttpAddress { get; }
    public GrpcChannel Channel { get; }

    public ServiceHost(string dataPath, IReadOnlyDictionary<string, string>? settings = null)
    {
        var grpcPort = FreePort();
        var httpPort = FreePort();
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
        _factory = new WebApplicationFactory<TMarker>().WithWebHostBuilder(web =>
        {
            web.UseSetting(ServiceHostExtensions.GrpcPortKey, grpcPort.ToString());
            web.UseSetting(ServiceHostExtensions.HttpPortKey, httpPort.ToString());
            web.UseSetting(StoreConfiguration.DataPathKey, dataPath);
            foreach (var (key, value) in settings ?? new Dictionary<string, string>()) web.UseSetting(key, value);
        });
        _factory.UseKestrel();
        _factory.StartServer();
        Channel = GrpcChannel.ForAddress(GrpcAddress, new GrpcChannelOptions { MaxReceiveMessageSize = 32 * 1024 * 1024 });
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = HttpAddress };

    public IServiceProvider Services => _factory.Services;

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _factory.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
