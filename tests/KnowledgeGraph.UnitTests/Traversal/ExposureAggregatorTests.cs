using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.V1;
using Xunit;
using static KnowledgeGraph.UnitTests.Traversal.InMemoryGraph;

namespace KnowledgeGraph.UnitTests.Traversal;

/// <summary>The grouping both engines feed with their routes, here given as paths, and the messages built from it.</summary>
public sealed class ExposureAggregatorTests
{
    private static (List<DependencyExposure> Dependencies, bool RoutesCapped) Group(GraphPath[] routes, int maxRoutes, double minExposure)
    {
        var names = (GraphPath p) => (IReadOnlyList<string>)[.. p.Hops.Select(h => h.Relationship.Name)];
        var (entities, _, capped) = ExposureAggregator.Group(
            routes.Select(p => (p.Hops[^1].Entity.Name, p, ExposureAggregator.ContributionOf(p), p.Hops.Count)),
            Comparer<GraphPath>.Create((a, b) => PathOrder.Instance.Compare(names(a), names(b))), StringComparer.Ordinal, maxRoutes, minExposure);
        return ([.. entities.Select(e => ExposureAggregator.Exposure(e, r => r))], capped);
    }

    private static GraphPath Route(params (string Relationship, string Reached, double Weight)[] hops)
    {
        var path = new GraphPath { Start = new EntityRef { Name = E("root") } };
        foreach (var (relationship, reached, weight) in hops)
            path.Hops.Add(new PathHop { Relationship = new Relationship { Name = R(relationship) }, Entity = new EntityRef { Name = E(reached) }, Weight = weight, Direction = Direction.Outgoing });
        return path;
    }

    [Fact]
    public void Sums_routes_per_entity_and_orders_by_exposure_then_name()
    {
        var routes = new[]
        {
            Route(("r1", "b", 0.5)),
            Route(("r2", "a", 0.5)),
            Route(("r3", "m", 0.4), ("r4", "z", 0.5)),
            Route(("r5", "n", 0.8), ("r6", "z", 0.5)),
        };

        var aggregation = Group(routes, maxRoutes: 10, minExposure: 0);

        Assert.Equal([E("z"), E("a"), E("b")], aggregation.Dependencies.Select(d => d.Entity.Name));
        var z = aggregation.Dependencies[0];
        Assert.Equal(0.6, z.Exposure, 1e-12);
        Assert.Equal([0.4, 0.2], z.Routes.Select(r => Math.Round(r.Contribution, 12)));
        Assert.Equal(2, z.MinDepth);
        Assert.False(aggregation.RoutesCapped);
    }

    [Fact]
    public void Caps_exposure_limits_routes_and_drops_small_exposures()
    {
        var routes = new[] { Route(("r1", "z", 0.7)), Route(("r2", "z", 0.6)), Route(("r3", "y", 0.05)) };

        var aggregation = Group(routes, maxRoutes: 1, minExposure: 0.1);

        var z = Assert.Single(aggregation.Dependencies);
        Assert.Equal(1.0, z.Exposure);
        Assert.Equal(1.3, z.UncappedExposure, 1e-12);
        Assert.Equal(R("r1"), Assert.Single(z.Routes).Path.Hops[0].Relationship.Name);
        Assert.True(aggregation.RoutesCapped);
    }
}
