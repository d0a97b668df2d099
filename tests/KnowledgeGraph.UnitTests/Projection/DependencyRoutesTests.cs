using KnowledgeGraph.Domain.Projection.Search;
using Xunit;

namespace KnowledgeGraph.UnitTests.Projection;

public sealed class DependencyRoutesTests
{
    [Fact]
    public void Routes_rented_again_start_from_their_new_root_with_nothing_of_the_last_trace()
    {
        DependencyRoutes first;
        using (first = DependencyRoutes.Rent(root: 7))
        {
            // Past the first array size, so the arrays grew.
            var last = 0;
            for (var i = 0; i < 300; i++) last = first.Extend(i % 2 == 0 ? 0 : last, new ProjectedHop(i, Outgoing: true, To: 100 + i), weight: i % 3 == 0 ? double.NaN : 0.5);
            Assert.Equal(300, first.Count);
        }

        using var again = DependencyRoutes.Rent(root: 9);

        Assert.Equal(0, again.Count);
        Assert.Equal(9, again.End(0));
        Assert.Equal(0, again.Hops(0));
        Assert.Equal(1.0, again.Upper(0));
        Assert.True(again.Contribution(0).Quantified);
        Assert.False(again.Visits(0, 7));
        var route = again.Extend(0, new ProjectedHop(1, Outgoing: false, To: 3), weight: 0.25);
        Assert.Equal(1, route);
        Assert.Equal([new ProjectedHop(1, Outgoing: false, To: 3)], again.HopsOf(route));
        Assert.Equal(new KnowledgeGraph.Domain.Traversal.Contribution(0.25, 0.25, true), again.Contribution(route));
        Assert.True(again.Visits(route, 9));
    }

    [Fact]
    public void Routes_disposed_twice_go_back_to_the_pool_once()
    {
        var routes = DependencyRoutes.Rent(root: 1);
        routes.Dispose();
        routes.Dispose();

        using var a = DependencyRoutes.Rent(root: 2);
        using var b = DependencyRoutes.Rent(root: 3);

        Assert.NotSame(a, b);
        Assert.Equal(2, a.End(0));
        Assert.Equal(3, b.End(0));
    }
}
