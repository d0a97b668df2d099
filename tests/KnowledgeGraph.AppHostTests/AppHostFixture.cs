using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Grpc.Net.Client;

namespace KnowledgeGraph.AppHostTests;

/// <summary>
/// Starts the real AppHost once for all end-to-end tests, on a fresh data directory, and waits
/// until the three services are healthy and the seed import has finished.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly string _dataPath = Directory.CreateTempSubdirectory("kg-apphost-").FullName;
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost has not started.");

    /// <summary>From StartAsync until all three services report healthy.</summary>
    public TimeSpan TimeToHealthy { get; private set; }

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [$"--Parameters:data-path={_dataPath}", "--DcpPublisher:RandomizePorts=true"], timeout.Token);
        _app = await builder.BuildAsync(timeout.Token);

        var started = Stopwatch.StartNew();
        await _app.StartAsync(timeout.Token);
        foreach (var service in new[] { "entities", "relationships", "queries" })
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(service, timeout.Token);
        TimeToHealthy = started.Elapsed;
        await _app.ResourceNotifications.WaitForResourceAsync("seed", KnownResourceStates.Finished, timeout.Token);
    }

    public GrpcChannel Channel(string resource) => GrpcChannel.ForAddress(App.GetEndpoint(resource, "grpc"));

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        try { Directory.Delete(_dataPath, recursive: true); }
        catch (IOException) { /* left for the OS temp cleaner */ }
    }
}

[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<AppHostFixture>
{
    public const string Name = "apphost";
}
