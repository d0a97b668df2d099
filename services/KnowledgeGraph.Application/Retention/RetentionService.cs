using KnowledgeGraph.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Application.Retention;

/// <summary>
/// Keeps the change feed and the request records from growing without bound: every
/// <see cref="RetentionOptions.PruneInterval"/> it asks the store to forget what is older than its
/// retention. Every service runs it; the store's pruning is idempotent, so two at once do no harm.
/// </summary>
public sealed class RetentionService(IGraphStore store, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionService> logger) : BackgroundService
{
    private static readonly TimeSpan FirstPruneAfter = TimeSpan.FromMinutes(1);

    /// <summary>Prunes once, with cut-offs of now minus each retention.</summary>
    public async Task<PruneResult> PruneOnceAsync(CancellationToken cancellationToken)
    {
        var retention = options.Value;
        var now = clock.GetUtcNow();
        var result = await store.PruneAsync(now - retention.ChangeFeed, now - retention.RequestIds, cancellationToken);
        if (result.Changes > 0 || result.Requests > 0)
            logger.LogInformation("Retention pruned {Changes:N0} change-feed entries (the feed now starts after {Floor:N0}) and {Requests:N0} request records",
                result.Changes, result.FeedFloor, result.Requests);
        return result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.PruneInterval;
        if (interval == TimeSpan.Zero) return;
        try
        {
            await Task.Delay(FirstPruneAfter, clock, stoppingToken);
            using var timer = new PeriodicTimer(interval, clock);
            do
            {
                try
                {
                    await PruneOnceAsync(stoppingToken);
                }
                catch (Exception error) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("Retention could not prune the store: {Reason}; it tries again in {Interval}", error.Message, interval);
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
