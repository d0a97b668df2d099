using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.Protocol;
using KnowledgeGraph.V1;
using Xunit;

namespace KnowledgeGraph.UnitTests.Traversal;

/// <summary>Partial paths built in memory stop at the expansion cap, and never go past Limits.MaxPartialPaths, however high the cap.</summary>
public sealed class PartialPathCapTests
{
    [Theory]
    [InlineData(5, 5)]
    [InlineData(Limits.DefaultMaxExpandedRelationships, Limits.MaxPartialPaths)]
    [InlineData(Limits.DefaultProjectionMaxExpandedRelationships, Limits.MaxPartialPaths)]
    public void Partial_paths_stop_at_the_smaller_of_the_expansion_cap_and_the_memory_bound(int expansionCap, int expected)
    {
        using var budget = new TraversalBudgetTracker(new TraversalBudget(expansionCap, null), TimeProvider.System);

        var built = 0;
        while (budget.TryExtendPartialPath()) built++;

        Assert.Equal(expected, built);
        Assert.Equal([Bound.MaxExpansions], budget.BoundsHit);
        Assert.Equal(0, budget.ExpandedRelationships);
    }

    [Fact]
    public void A_high_expansion_cap_admits_a_hub_s_relationships_the_store_default_would_cut()
    {
        using var store = new TraversalBudgetTracker(new TraversalBudget(Limits.DefaultMaxExpandedRelationships, null), TimeProvider.System);
        using var projection = new TraversalBudgetTracker(new TraversalBudget(Limits.DefaultProjectionMaxExpandedRelationships, null), TimeProvider.System);
        const int hub = 154_251;

        Assert.Equal(Limits.DefaultMaxExpandedRelationships, store.AdmitCount(hub));
        Assert.True(store.Stopped);
        Assert.Equal(hub, projection.AdmitCount(hub));
        Assert.False(projection.Truncated);
    }
}
