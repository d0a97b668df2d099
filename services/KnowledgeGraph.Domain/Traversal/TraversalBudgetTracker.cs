using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>
/// Counts the work one traversal does and records which bounds stopped it. Relationships returned
/// by the reader count as expanded relationships; partial paths built in memory (path enumeration,
/// dependency routes) have a cap of their own, so neither the store nor memory can be exhausted by
/// a supernode or a cycle. Either cap reports MAX_EXPANSIONS. The deadline is read from the given <see cref="TimeProvider"/>,
/// and a reader call still running when it passes is cancelled (<see cref="ReaderCancellation"/>), so
/// every store stops at the same instant and answers with what was found.
/// </summary>
public sealed class TraversalBudgetTracker : IDisposable
{
    private const int DeadlineCheckInterval = 256;

    private readonly TraversalBudget _budget;
    private readonly TimeProvider _time;
    private readonly CancellationToken _caller;
    private readonly CancellationTokenSource? _deadline;
    private readonly CancellationTokenSource _readers;
    private readonly SortedSet<Bound> _boundsHit = [];
    private long _partialPaths;
    private bool _partialPathCapReached;

    public TraversalBudgetTracker(TraversalBudget budget, TimeProvider time, CancellationToken caller = default)
    {
        _budget = budget;
        _time = time;
        _caller = caller;
        if (budget.StopAt is { } stopAt)
        {
            var left = stopAt - time.GetUtcNow();
            _deadline = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero, time);
            _readers = CancellationTokenSource.CreateLinkedTokenSource(caller, _deadline.Token);
        }
        else _readers = CancellationTokenSource.CreateLinkedTokenSource(caller);
    }

    /// <summary>Cancelled when the caller gives up or the deadline passes: the token for reader calls.</summary>
    public CancellationToken ReaderCancellation => _readers.Token;

    /// <summary>
    /// After a reader call was cancelled: true (and DEADLINE recorded) when the deadline, not the
    /// caller, cancelled it; the traversal then stops and returns what it has.
    /// </summary>
    public bool StoppedByDeadline()
    {
        if (_caller.IsCancellationRequested || _deadline is not { IsCancellationRequested: true }) return false;
        Hit(Bound.Deadline);
        return true;
    }

    /// <summary>The outcome so far: the bounds hit and the relationships expanded.</summary>
    public TraversalOutcome Outcome => new(BoundsHit, ExpandedRelationships);

    public void Dispose()
    {
        _readers.Dispose();
        _deadline?.Dispose();
    }

    /// <summary>Relationships returned by the reader and used so far.</summary>
    public long ExpandedRelationships { get; private set; }

    /// <summary>Relationships that may still be expanded.</summary>
    public int RemainingExpansions => (int)Math.Clamp(_budget.MaxExpandedRelationships - ExpandedRelationships, 0, int.MaxValue - 1);

    /// <summary>True once the expansion budget or the deadline has stopped the traversal.</summary>
    public bool Stopped => _boundsHit.Contains(Bound.MaxExpansions) || _boundsHit.Contains(Bound.Deadline);

    /// <summary>The bounds hit so far, in enum order.</summary>
    public IReadOnlyList<Bound> BoundsHit => [.. _boundsHit];

    public bool Truncated => _boundsHit.Count > 0;

    public void Hit(Bound bound) => _boundsHit.Add(bound);

    /// <summary>
    /// Whether one more reader call may be made: false (and the bound recorded) when the deadline
    /// has passed or every allowed relationship has been expanded already.
    /// </summary>
    public bool CanExpand()
    {
        if (Stopped) return false;
        if (DeadlinePassed()) return false;
        if (ExpandedRelationships >= _budget.MaxExpandedRelationships)
        {
            Hit(Bound.MaxExpansions);
            return false;
        }
        return true;
    }

    /// <summary>
    /// Charges the relationships a reader call returned. When they exceed what is left of the
    /// budget, only the first ones (the reader orders them by name) are kept and MAX_EXPANSIONS is recorded.
    /// </summary>
    public IReadOnlyList<Relationship> Admit(IReadOnlyList<Relationship> returned)
    {
        var remaining = _budget.MaxExpandedRelationships - ExpandedRelationships;
        if (returned.Count <= remaining)
        {
            ExpandedRelationships += returned.Count;
            return returned;
        }
        Hit(Bound.MaxExpansions);
        ExpandedRelationships = _budget.MaxExpandedRelationships;
        return [.. returned.Take((int)Math.Max(0, remaining))];
    }

    /// <summary>
    /// Charges up to <paramref name="relationships"/> examined by an in-memory search and returns how
    /// many of them may be used: all while the budget lasts, then what is left of it (the first ones
    /// by name, as the store-backed reader keeps) with MAX_EXPANSIONS recorded.
    /// </summary>
    public int AdmitCount(int relationships)
    {
        if (Stopped) return 0;
        var remaining = (int)Math.Max(0, _budget.MaxExpandedRelationships - ExpandedRelationships);
        if (relationships <= remaining)
        {
            ExpandedRelationships += relationships;
            return relationships;
        }
        ExpandedRelationships = _budget.MaxExpandedRelationships;
        Hit(Bound.MaxExpansions);
        return remaining;
    }

    /// <summary>True (and DEADLINE recorded) once the deadline has passed: in-memory searches ask every few hundred nodes.</summary>
    public bool DeadlineReached() => _boundsHit.Contains(Bound.Deadline) || DeadlinePassed();

    /// <summary>
    /// Charges one partial path built in memory. False (and MAX_EXPANSIONS recorded) once the
    /// partial-path cap is reached or the deadline has passed (checked every few hundred paths). Relationships already
    /// admitted may still be used after the expansion budget ran out, so this does not look at it.
    /// </summary>
    public bool TryExtendPartialPath()
    {
        if (_partialPathCapReached || _boundsHit.Contains(Bound.Deadline)) return false;
        _partialPaths++;
        if (_partialPaths > _budget.MaxPartialPaths)
        {
            _partialPathCapReached = true;
            Hit(Bound.MaxExpansions);
            return false;
        }
        return _partialPaths % DeadlineCheckInterval != 0 || !DeadlinePassed();
    }

    private bool DeadlinePassed()
    {
        if (_budget.StopAt is not { } stopAt || _time.GetUtcNow() < stopAt) return false;
        Hit(Bound.Deadline);
        return true;
    }
}
