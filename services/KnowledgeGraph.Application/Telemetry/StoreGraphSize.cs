using KnowledgeGraph.Protocol;
using KnowledgeGraph.Store;
using KnowledgeGraph.V1;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Application.Telemetry;

/// <summary>
/// The graph's size counted in the store, for services that keep no copy of the graph. Cheap: reading
/// <see cref="Current"/> returns the last count at once; at most every <see cref="RefreshInterval"/> it also
/// starts a refresh in the background, which asks the change feed whether anything changed and pages
/// through a snapshot only when something did. Nothing runs while no one collects metrics.
/// </summary>
public sealed class StoreGraphSize(IGraphStore store, TimeProvider time, ILogger<StoreGraphSize> logger) : IGraphSizeSource, IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _stopping = new();
    private GraphSize? _current;
    private long _feedPosition;
    private long _lastRefresh = long.MinValue;
    private int _refreshing;

    public GraphSize? Current
    {
        get
        {
            if (IsDue() && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
                _ = Task.Run(() => RefreshAsync(_stopping.Token));
            return Volatile.Read(ref _current);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private bool IsDue()
    {
        var last = Interlocked.Read(ref _lastRefresh);
        return last == long.MinValue || time.GetElapsedTime(last) >= RefreshInterval;
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            Interlocked.Exchange(ref _lastRefresh, time.GetTimestamp());
            var changed = await SkipToFeedHeadAsync(cancellationToken);
            if (changed || _current is null) Volatile.Write(ref _current, await CountAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { }
        catch (Exception error)
        {
            logger.LogWarning("Could not count the graph at {Location} for the kg.graph.resources gauge: {Reason}", store.Location, error.Message);
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    /// <summary>Moves past every change committed since the last refresh; true when there was one.</summary>
    private async Task<bool> SkipToFeedHeadAsync(CancellationToken cancellationToken)
    {
        var changed = false;
        ChangePage page;
        do
        {
            page = await store.ReadChangesAsync(_feedPosition, Limits.MaxPageSize, ReadConsistency.None, cancellationToken);
            changed |= page.Changes.Count > 0;
            _feedPosition = page.Position;
        }
        while (page.HasMore);
        return changed;
    }

    private async Task<GraphSize> CountAsync(CancellationToken cancellationToken)
    {
        await using var snapshot = await store.OpenSnapshotAsync(ReadConsistency.None, cancellationToken);
        var entities = await CountPagesAsync(
            after => snapshot.ListEntitiesAsync(new EntityListQuery(null, after, Limits.MaxPageSize), cancellationToken), e => e.Name);
        var relationships = await CountPagesAsync(
            after => snapshot.ListRelationshipsAsync(new RelationshipListQuery(null, null, null, null, Direction.Unspecified, after, Limits.MaxPageSize), cancellationToken), r => r.Name);
        return new GraphSize(entities, relationships);
    }

    private static async Task<long> CountPagesAsync<T>(Func<string?, Task<IReadOnlyList<T>>> pageAfter, Func<T, string> nameOf)
    {
        long count = 0;
        for (string? after = null; ;)
        {
            var page = await pageAfter(after);
            count += page.Count;
            if (page.Count < Limits.MaxPageSize) return count;
            after = nameOf(page[^1]);
        }
    }
}
