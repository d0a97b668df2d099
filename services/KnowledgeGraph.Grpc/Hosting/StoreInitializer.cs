using KnowledgeGraph.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Grpc.Hosting;

/// <summary>
/// Prepares the store (schema, migrations, Neo4j constraints) before the server starts listening.
/// A store that cannot be reached or opened stops the service with one clear log line and exit
/// code 1, rather than a stack trace.
/// </summary>
public sealed class StoreInitializer(IGraphStore store, IHostApplicationLifetime lifetime, ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.InitializeAsync(cancellationToken);
            logger.LogInformation("Serving from the store at {Location}", store.Location);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogCritical("The store at {Location} could not be opened: {Reason}", store.Location, error.Message);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
