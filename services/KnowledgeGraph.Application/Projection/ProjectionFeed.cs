using System.Diagnostics;
using System.Threading.Channels;
using KnowledgeGraph.Application.Queries;
using KnowledgeGraph.Application.Telemetry;
using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Projection;
using KnowledgeGraph.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Application.Projection;

/// <summary>
/// Keeps the Queries service's in-memory projection of the graph: loads it from the store at start
/// (a page of entities and relationships at a time, holding only the compact columns), then follows
/// the store's change feed, a small overlay per batch of writes, folding the overlay into a new base
/// in the background once it grows. A call that carries a consistency token catches the projection
/// up to the store first, so it reads its own writes. When the feed was pruned past the projection's
/// position (it was stopped for longer than the retention), the projection reads the whole graph again
/// and answers from the version it has meanwhile.
/// </summary>
public sealed class ProjectionFeed(IGraphStore store, EvidenceCache evidence, GraphOntology ontology, IOptions<QueryOptions> options, TimeProvider clock, ILogger<ProjectionFeed> logger) : BackgroundService, IGraphSizeSource
{
    private const int LoadPage = 5000;
    private const int ChangePage = 2000;

    private readonly ProjectionSchema _schema = new(ontology);
    private readonly SemaphoreSlim _apply = new(1, 1);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<GraphChange> _appliedDuringCompaction = [];
    private ProjectionVersion? _current;
    private ProjectionProgress _progress = ProjectionProgress.Starting;
    private Task<ProjectionVersion>? _compaction;
    private GraphSize? _size;

    public ProjectionProgress Progress => Volatile.Read(ref _progress);

    public ProjectionVersion? Current => Volatile.Read(ref _current);

    /// <summary>The graph's size as of the latest version, for the <c>kg.graph.resources</c> gauge.</summary>
    GraphSize? IGraphSizeSource.Current => Volatile.Read(ref _size);

    /// <summary>
    /// The version a question is answered from: once loaded (waiting, within the call's deadline, while
    /// the projection loads), and caught up with the store when the call carries a consistency token.
    /// </summary>
    public async Task<ProjectionVersion> VersionAsync(ReadConsistency consistency, CallContext call)
    {
        if (!_ready.Task.IsCompleted) await WaitUntilLoadedAsync(call);
        if (call.ConsistencyToken is not null) await CatchUpAsync(consistency, call.Cancellation);
        return Current!;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await LoadUntilDoneAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.ChangePollInterval, clock, stoppingToken);
                await CatchUpAsync(ReadConsistency.None, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                logger.LogWarning("The projection could not read the change feed: {Reason}; it tries again", error.Message);
            }
        }
    }

    private async Task LoadUntilDoneAsync(CancellationToken stoppingToken)
    {
        var started = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var loaded = await LoadAsync(started, reportProgress: true, stoppingToken);
                Publish(loaded);
                ReturnLoadMemory();
                var (entities, relationships) = loaded.Counts;
                Volatile.Write(ref _progress, new ProjectionProgress(ProjectionPhase.Ready, entities, relationships, started.Elapsed, loaded.Position));
                logger.LogInformation("Projection {Progress}", Progress);
                _ready.TrySetResult();
                return;
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                Volatile.Write(ref _progress, Progress with { Phase = ProjectionPhase.Failed, Elapsed = started.Elapsed, Problem = error.Message });
                logger.LogError("Projection {Progress}", Progress);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), clock, stoppingToken);
            }
        }
    }

    /// <summary>Reads every entity and relationship with its locator (the store lists them in name order), then applies what changed meanwhile.</summary>
    private async Task<ProjectionVersion> LoadAsync(Stopwatch started, bool reportProgress, CancellationToken cancellationToken)
    {
        var head = (await store.ReadChangesAsync(0, 0, ReadConsistency.None, cancellationToken)).Position;
        var loader = new ProjectionLoader(_schema);
        void Report()
        {
            if (reportProgress) Volatile.Write(ref _progress, new ProjectionProgress(ProjectionPhase.Loading, loader.Entities, loader.Relationships, started.Elapsed, head));
        }

        await using (var snapshot = await store.OpenSnapshotAsync(ReadConsistency.None, cancellationToken))
        {
            await LoadPagesAsync(
                (after, ct) => snapshot.ListLocatedEntitiesAsync(new EntityListQuery(null, after, LoadPage), ct), e => e.Name,
                loader.Add, Report, cancellationToken);
            await LoadPagesAsync(
                (after, ct) => snapshot.ListLocatedRelationshipsAsync(new RelationshipListQuery(null, null, null, null, V1.Direction.Both, after, LoadPage), ct), r => r.Name,
                loader.Add, Report, cancellationToken);
        }
        // Changes committed while the pages were read are applied again: applying a change is idempotent.
        return await ApplyChangesAsync(loader.Build(head), ReadConsistency.None, cancellationToken);
    }

    /// <summary>
    /// Reads the pages of one collection in name order on one core while the page before is added on
    /// the other, resource by resource with its locator, the progress reported after each page. At 1M x 5M the relationships took 11.4 s to read (the store, then
    /// each body's parse) and 9.2 s to add, one after the other. The reader stays at most two pages
    /// ahead; a failure on either side stops both and is thrown.
    /// </summary>
    private static async Task LoadPagesAsync<T>(Func<string?, CancellationToken, Task<IReadOnlyList<Located<T>>>> read, Func<T, string> name,
        Action<T, long> add, Action pageAdded, CancellationToken cancellationToken)
    {
        var pages = Channel.CreateBounded<IReadOnlyList<Located<T>>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(async () =>
        {
            try
            {
                for (string? after = null; ;)
                {
                    var page = await read(after, stop.Token);
                    await pages.Writer.WriteAsync(page, stop.Token);
                    if (page.Count < LoadPage) break;
                    after = name(page[^1].Resource);
                }
                pages.Writer.Complete();
            }
            catch (Exception error)
            {
                pages.Writer.Complete(error);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var page in pages.Reader.ReadAllAsync(stop.Token))
            {
                foreach (var (resource, locator) in page) add(resource, locator);
                pageAdded();
            }
        }
        finally
        {
            await stop.CancelAsync();
            await reading;
        }
    }

    private async Task WaitUntilLoadedAsync(CallContext call)
    {
        var wait = options.Value.MaxQueryTime;
        if (call.Deadline is { } deadline && deadline - clock.GetUtcNow() < wait) wait = deadline - clock.GetUtcNow();
        try
        {
            await _ready.Task.WaitAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, clock, call.Cancellation);
        }
        catch (TimeoutException)
        {
            throw GraphException.Unavailable(ErrorReasons.ProjectionLoading, $"The Queries service is still loading the graph ({Progress}); retry shortly.", TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>Applies every change the store has after the current version, one writer at a time.</summary>
    private async Task CatchUpAsync(ReadConsistency consistency, CancellationToken cancellationToken)
    {
        await _apply.WaitAsync(cancellationToken);
        try
        {
            var current = Current!;
            if (_compaction is { IsCompleted: true } compacted)
            {
                _compaction = null;
                if (compacted.IsCompletedSuccessfully) current = Rebase(compacted.Result, current);
                else
                {
                    _appliedDuringCompaction.Clear();
                    logger.LogError(compacted.Exception, "The projection could not be compacted; it keeps its overlay and tries again later");
                }
            }
            var next = await ApplyOrReloadAsync(current, consistency, cancellationToken);
            if (!ReferenceEquals(next, current) || !ReferenceEquals(current, Current)) Publish(next);
            if (_compaction is null && next.Overlay.Size > CompactionThreshold(next))
            {
                _appliedDuringCompaction.Clear();
                _compaction = Task.Run(next.Compact, CancellationToken.None);
            }
        }
        finally
        {
            _apply.Release();
        }
    }

    private async Task<ProjectionVersion> ApplyOrReloadAsync(ProjectionVersion version, ReadConsistency consistency, CancellationToken cancellationToken)
    {
        try
        {
            return await ApplyChangesAsync(version, consistency, cancellationToken);
        }
        catch (ChangeFeedGapException gap)
        {
            logger.LogWarning("The change feed was pruned through {Floor:N0}, past the projection's position {Position:N0}; the projection reads the whole graph again", gap.Floor, gap.After);
            _compaction = null;
            _appliedDuringCompaction.Clear();
            var started = Stopwatch.StartNew();
            var reloaded = await LoadAsync(started, reportProgress: false, cancellationToken);
            evidence.Clear();
            logger.LogInformation("Projection read again in {Seconds:0.0} s, at change {Position:N0}", started.Elapsed.TotalSeconds, reloaded.Position);
            return reloaded;
        }
    }

    private async Task<ProjectionVersion> ApplyChangesAsync(ProjectionVersion version, ReadConsistency consistency, CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await store.ReadChangesAsync(version.Position, ChangePage, consistency, cancellationToken);
            if (page.Changes.Count > 0) evidence.Evict(page.Changes.Select(c => c.Name));
            foreach (var change in page.Changes)
            {
                version = Apply(version, change);
                if (_compaction is not null) _appliedDuringCompaction.Add(change);
            }
            if (page.Position != version.Position) version = version.At(page.Position);
            if (!page.HasMore) return version;
        }
    }

    /// <summary>The compacted base with the changes applied since the compaction began, applied again on top.</summary>
    private ProjectionVersion Rebase(ProjectionVersion compacted, ProjectionVersion current)
    {
        var rebased = _appliedDuringCompaction.Aggregate(compacted, Apply).At(current.Position);
        _appliedDuringCompaction.Clear();
        ReturnLoadMemory();
        logger.LogInformation("Projection compacted: {Edges:N0} relationships in the base", rebased.Graph.EdgeCount);
        return rebased;
    }

    private static ProjectionVersion Apply(ProjectionVersion version, GraphChange change) =>
        ResourceNames.IsEntityName(change.Name)
            ? version.WithEntity(change.Name, change.Entity)
            : version.WithRelationship(change.Name, change.Relationship);

    private void Publish(ProjectionVersion version)
    {
        Volatile.Write(ref _current, version);
        var (entities, relationships) = version.Counts;
        Volatile.Write(ref _size, new GraphSize(entities, relationships));
        if (Progress.Phase == ProjectionPhase.Ready) Volatile.Write(ref _progress, Progress with { Position = version.Position });
    }

    /// <summary>
    /// A load or a compaction leaves hundreds of megabytes of garbage at millions of relationships (the
    /// resources read page by page, the columns' earlier sizes). The garbage collector would keep that
    /// memory for later allocations the service never makes; one compacting collection gives it back
    /// to the operating system, so the service's resident size is the projection's, not its build's.
    /// </summary>
    private static void ReturnLoadMemory() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    private static int CompactionThreshold(ProjectionVersion version) => Math.Max(10_000, version.Graph.EdgeCount / 20);
}
