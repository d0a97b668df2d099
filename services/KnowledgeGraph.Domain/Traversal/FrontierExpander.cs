using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>
/// Expands a whole frontier with one reader call: the relationships touching any frontier entity
/// in the requested direction, turned into steps away from the frontier. Self-loops are dropped
/// (they would repeat an entity), and so are the relationships a what-if question excludes, before
/// the budget is charged for every relationship returned.
/// </summary>
internal static class FrontierExpander
{
    /// <summary>
    /// The steps leaving <paramref name="frontier"/>, in the reader's order (by relationship name),
    /// or none when the budget allows no further reader call.
    /// </summary>
    public static async Task<IReadOnlyList<TraversalStep>> ExpandAsync(
        IGraphReader reader,
        IReadOnlyCollection<string> frontier,
        Direction direction,
        IReadOnlySet<string> types,
        DateTimeOffset asOf,
        Exclusions exclude,
        TraversalBudgetTracker budget,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (frontier.Count == 0 || !budget.CanExpand()) return [];
        var effective = direction == Direction.Unspecified ? Direction.Outgoing : direction;
        var sorted = frontier.Order(StringComparer.Ordinal).ToList();
        IReadOnlyList<Relationship> kept;
        try
        {
            kept = await ReadAsync(reader, sorted, effective, types, asOf, exclude, budget).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (budget.StoppedByDeadline())
        {
            return [];
        }
        var admitted = budget.Admit(kept);
        var members = frontier as IReadOnlySet<string> ?? sorted.ToHashSet(StringComparer.Ordinal);
        return StepsAway(admitted, members, effective);
    }

    /// <summary>
    /// The relationships not excluded, at most one more than the budget allows (so Admit can tell
    /// that more existed: MAX_EXPANSIONS). The reader returns them in name order, so when exclusions
    /// thinned a full read, it reads again with a limit raised by what they removed.
    /// </summary>
    private static async Task<IReadOnlyList<Relationship>> ReadAsync(
        IGraphReader reader, IReadOnlyList<string> frontier, Direction direction, IReadOnlySet<string> types, DateTimeOffset asOf, Exclusions exclude, TraversalBudgetTracker budget)
    {
        var wanted = budget.RemainingExpansions + 1;
        var limit = wanted;
        while (true)
        {
            var returned = await reader.GetAdjacentRelationshipsAsync(frontier, direction, types, asOf, limit, budget.ReaderCancellation).ConfigureAwait(false);
            if (exclude.IsEmpty) return returned;
            var kept = returned.Where(r => !exclude.Excludes(r)).ToList();
            if (returned.Count < limit || kept.Count >= wanted) return kept;
            limit = (int)Math.Min(int.MaxValue, (long)limit + returned.Count - kept.Count);
        }
    }

    /// <summary>The steps the relationships offer away from <paramref name="frontier"/> in <paramref name="direction"/>.</summary>
    public static IReadOnlyList<TraversalStep> StepsAway(IEnumerable<Relationship> relationships, IReadOnlySet<string> frontier, Direction direction)
    {
        var steps = new List<TraversalStep>();
        foreach (var relationship in relationships)
        {
            if (relationship.Source == relationship.Target) continue;
            if (direction is Direction.Outgoing or Direction.Both && frontier.Contains(relationship.Source))
                steps.Add(new TraversalStep(relationship, Direction.Outgoing, relationship.Source, relationship.Target));
            if (direction is Direction.Incoming or Direction.Both && frontier.Contains(relationship.Target))
                steps.Add(new TraversalStep(relationship, Direction.Incoming, relationship.Target, relationship.Source));
        }
        return steps;
    }
}
