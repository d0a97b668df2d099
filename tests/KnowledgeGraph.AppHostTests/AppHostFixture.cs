using System.Diagnostics;
using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace KnowledgeGraph.AppHostTests;

/// <summary>
/// Starts the real AppHost once for all end-to-end tests, on a fresh data directory and with a
/// signing key of the test's own, waits until the three services are healthy and the seed import
/// has finished, and takes a token from the dashboard's <c>kg token</c> command for its clients.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly string _dataPath = Directory.CreateTempSubdirectory("kg-apphost-").FullName;

    /// <summary>The value of the AppHost's kg-signing-key parameter (so none is generated and kept in user secrets).</summary>
    public byte[] SigningKey { get; } = RandomNumberGenerator.GetBytes(48);

    /// <summary>The token the dashboard's kg token command showed: every scope.</summary>
    public string Token { get; private set; } = "";
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost has not started.");

    /// <summary>From StartAsync until all three services report healthy.</summary>
    public TimeSpan TimeToHealthy { get; private set; }

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [$"--Parameters:data-path={_dataPath}", $"--Parameters:kg-signing-key={Convert.ToBase64String(SigningKey)}", "--DcpPublisher:RandomizePorts=true"], timeout.Token);
        _app = await builder.BuildAsync(timeout.Token);

        var started = Stopwatch.StartNew();
        await _app.StartAsync(timeout.Token);
        foreach (var service in new[] { "entities", "relationships", "queries" })
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(service, timeout.Token);
        TimeToHealthy = started.Elapsed;
        await _app.ResourceNotifications.WaitForResourceAsync("seed", KnownResourceStates.Finished, timeout.Token);

        var shown = await _app.ResourceCommands.ExecuteCommandAsync("entities", "kg-token", timeout.Token);
        if (!shown.Success || shown.Data?.Value is not { Length: > 0 } token)
            throw new InvalidOperationException($"The kg token command failed: {shown.Message}");
        Token = token;
    }

    /// <summary>A channel to the resource's gRPC endpoint whose calls carry <see cref="Token"/>.</summary>
    public GrpcChannel Channel(string resource) => Channel(resource, Token);

    /// <summary>A channel to the resource's gRPC endpoint whose calls carry <paramref name="token"/>, or no token.</summary>
    public GrpcChannel Channel(string resource, string? token)
    {
        var options = new GrpcChannelOptions();
        if (token is not null)
        {
            options.Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", $"Bearer {token}");
                return Task.CompletedTask;
            }));
            // The AppHost's services speak h2c on localhost.
            options.UnsafeUseInsecureChannelCallCredentials = true;
        }
        return GrpcChannel.ForAddress(App.GetEndpoint(resource, "grpc"), options);
    }

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
