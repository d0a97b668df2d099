using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.V1;
using Xunit;

namespace KnowledgeGraph.UnitTests.Traversal;

/// <summary>
/// Relationships expanded and partial paths built in memory have caps of their own: a projection
/// examines a million edges at the cost of a few milliseconds, but a trace must not hold a million routes.
/// </summary>
public sealed class TraversalBudgetTrackerTests
{
    [Fact]
    public void Partial_paths_stop_at_their_own_cap_while_relationships_may_still_be_expanded()
    {
        using var budget = new TraversalBudgetTracker(new TraversalBudget(1000, null) { MaxPartialPaths = 3 }, TimeProvider.System);

        Assert.Equal(10, budget.AdmitCount(10));
        Assert.Equal([true, true, true, false], Enumerable.Range(0, 4).Select(_ => budget.TryExtendPartialPath()));
        Assert.Equal([Bound.MaxExpansions], budget.BoundsHit);
        Assert.Equal(10, budget.ExpandedRelationships);
    }

    [Fact]
    public void Relationships_stop_at_their_cap_while_partial_paths_may_still_be_built()
    {
        using var budget = new TraversalBudgetTracker(new TraversalBudget(5, null) { MaxPartialPaths = 100 }, TimeProvider.System);

        Assert.Equal(5, budget.AdmitCount(8));
        Assert.Equal([Bound.MaxExpansions], budget.BoundsHit);
        Assert.All(Enumerable.Range(0, 50), _ => Assert.True(budget.TryExtendPartialPath()));
    }
}
