using System.Diagnostics;
using System.Globalization;
using KnowledgeGraph.Domain.Errors;

namespace KnowledgeGraph.Store.Reference;

/// <summary>
/// The graph store port in memory, written to be obviously right rather than fast: one immutable
/// <see cref="GraphState"/> swapped by each commit, one writer at a time, and a global change
/// sequence that gives the feed's positions and the consistency tokens (<c>r1.{position}</c>).
/// It keeps data and orders commits; every rule about what may be written stays in the application core.
/// </summary>
public sealed class ReferenceGraphStore(TimeProvider? clock = null) : IGraphStore, IDisposable
{
    private const string TokenPrefix = "r1.";

    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly Lock _lock = new();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private GraphState _state = GraphState.Empty;

    public string Location => "memory:reference";

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IUnitOfWork> BeginAsync(ReadConsistency consistency, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        return new ReferenceUnitOfWork(this, Current, _clock.GetUtcNow());
    }

    public Task<IGraphSnapshot> OpenSnapshotAsync(ReadConsistency consistency, CancellationToken cancellationToken) =>
        Task.FromResult<IGraphSnapshot>(new ReferenceSnapshot(Current));

    public Task<ChangePage> ReadChangesAsync(long after, int limit, ReadConsistency consistency, CancellationToken cancellationToken)
    {
        var state = Current;
        if (limit > 0 && after < state.Floor) throw new ChangeFeedGapException(after, state.Floor);
        var changes = state.Changes
            .Select((change, index) => (Position: index + 1L, change.Name))
            .Where(change => change.Position > after)
            .Take(limit)
            .Select(change => new GraphChange(
                change.Position, change.Name,
                state.Entities.GetValueOrDefault(change.Name)?.Clone(),
                state.Relationships.GetValueOrDefault(change.Name)?.Clone()))
            .ToList();
        var full = limit > 0 && changes.Count == limit;
        return Task.FromResult(new ChangePage(changes, full ? changes[^1].Position : Math.Max(after, state.Head), full));
    }

    public async Task<ReadConsistency> WaitForAsync(string consistencyToken, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var wanted = ParseToken(consistencyToken);
        var waiting = Stopwatch.StartNew();
        while (Current.Head < wanted)
        {
            if (waiting.Elapsed >= maxWait) throw ConsistencyErrors.Timeout(consistencyToken, maxWait, TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken);
        }
        if (Current.Floor is > 0 and var floor && wanted <= floor) throw ConsistencyErrors.Expired(consistencyToken);
        return ReadConsistency.None;
    }

    /// <summary>Prunes under the write slot, like a commit: see <see cref="GraphState.Pruned"/>.</summary>
    public async Task<PruneResult> PruneAsync(DateTimeOffset changesBefore, DateTimeOffset requestsBefore, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            var read = Current;
            var pruned = read.Pruned(changesBefore, requestsBefore);
            Publish(read, pruned);
            return new PruneResult(pruned.Floor - read.Floor, read.Requests.Count - pruned.Requests.Count, pruned.Floor);
        }
        finally
        {
            _writer.Release();
        }
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>The token of the state whose feed ends at <paramref name="head"/>.</summary>
    public static string FormatToken(long head) => TokenPrefix + head.ToString(CultureInfo.InvariantCulture);

    /// <summary>The feed position a token names; INVALID_ARGUMENT (INVALID_CONSISTENCY_TOKEN) for a token this store did not issue.</summary>
    public static long ParseToken(string token)
    {
        if (token.StartsWith(TokenPrefix, StringComparison.Ordinal)
            && token.Length > TokenPrefix.Length
            && token.Skip(TokenPrefix.Length).All(char.IsAsciiDigit)
            && long.TryParse(token.AsSpan(TokenPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var head))
            return head;
        throw GraphException.InvalidArgument(ErrorReasons.InvalidConsistencyToken, "consistency_token", "is not a consistency token this store issued");
    }

    private GraphState Current
    {
        get
        {
            lock (_lock) return _state;
        }
    }

    /// <summary>Makes <paramref name="next"/> the committed state; the writer that read <paramref name="read"/> holds the write slot, so nothing can have replaced it.</summary>
    internal void Publish(GraphState read, GraphState next)
    {
        lock (_lock)
        {
            if (!ReferenceEquals(_state, read)) throw new InvalidOperationException("A unit of work committed over a state it did not read: the single-writer rule is broken.");
            _state = next;
        }
    }

    internal void ReleaseWriter() => _writer.Release();
}
