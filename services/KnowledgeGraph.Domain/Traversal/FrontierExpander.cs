using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>
/// Expands a whole frontier with one reader call: the relationships touching any frontier entity
/// in the requested direction, turned into steps away from the frontier. Self-loops are dropped
/// (they would repeat an entity). The budget is charged for every relationship returned.
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
        TraversalBudgetTracker budget,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (frontier.Count == 0 || !budget.CanExpand()) return [];
        var effective = direction == Direction.Unspecified ? Direction.Outgoing : direction;
        var sorted = frontier.Order(StringComparer.Ordinal).ToList();
        IReadOnlyList<Relationship> returned;
        try
        {
            // One more than the budget allows, so Admit can tell that more existed (MAX_EXPANSIONS).
            returned = await reader.GetAdjacentRelationshipsAsync(sorted, effective, types, asOf, budget.RemainingExpansions + 1, budget.ReaderCancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (budget.StoppedByDeadline())
        {
            return [];
        }
        var admitted = budget.Admit(returned);
        var members = frontier as IReadOnlySet<string> ?? sorted.ToHashSet(StringComparer.Ordinal);
        return StepsAway(admitted, members, effective);
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
