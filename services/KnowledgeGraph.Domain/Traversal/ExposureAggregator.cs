using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>What <see cref="ExposureAggregator.Aggregate"/> returns: the exposures, and whether some entity had more routes than were listed.</summary>
public sealed record ExposureAggregation(IReadOnlyList<DependencyExposure> Dependencies, bool RoutesCapped);

/// <summary>
/// Turns weighted dependency routes into exposures, whoever computed the routes (the in-process
/// tracer or a store that walks them itself, such as Cypher on Neo4j). Each route is a
/// <see cref="GraphPath"/> from the trace root whose hops carry their dependency weight; the entity
/// reached is its last hop's entity. Exposure to an entity = the sum over its routes of the product
/// of the hop weights, capped at 1.
/// </summary>
public static class ExposureAggregator
{
    /// <summary>
    /// Groups <paramref name="routes"/> by the entity they reach (duplicate routes, the same
    /// relationships in the same order, count once), keeps the entities whose capped exposure is at
    /// least <paramref name="minExposure"/>, lists at most <paramref name="maxRoutes"/> routes per
    /// entity (largest contribution first, then fewer hops, then relationship names) and orders the
    /// entities by exposure (largest first), then name. Routes without hops are ignored.
    /// Time O(R log R) for R routes.
    /// </summary>
    public static ExposureAggregation Aggregate(IEnumerable<GraphPath> routes, int maxRoutes, double minExposure)
    {
        var byEntity = new Dictionary<string, List<WeightedRoute>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in routes)
        {
            if (path.Hops.Count == 0) continue;
            var names = path.Hops.Select(h => h.Relationship?.Name ?? string.Empty).ToList();
            if (!seen.Add(path.Start?.Name + "\n" + string.Join('\n', names))) continue;
            var reached = path.Hops[^1].Entity?.Name ?? string.Empty;
            if (!byEntity.TryGetValue(reached, out var list)) byEntity[reached] = list = [];
            list.Add(new WeightedRoute(path, names, path.Hops.Aggregate(1.0, (product, hop) => product * hop.Weight)));
        }

        var capped = false;
        var exposures = new List<DependencyExposure>();
        foreach (var routesToEntity in byEntity.Values)
        {
            routesToEntity.Sort(LargestContributionFirst);
            var uncapped = routesToEntity.Sum(r => r.Contribution);
            var exposure = Math.Min(1.0, uncapped);
            if (exposure < minExposure) continue;
            var dependency = new DependencyExposure
            {
                Entity = routesToEntity[0].Path.Hops[^1].Entity,
                Exposure = exposure,
                UncappedExposure = uncapped,
                MinDepth = routesToEntity.Min(r => r.Path.Hops.Count),
            };
            dependency.Routes.AddRange(routesToEntity.Take(maxRoutes).Select(r => new DependencyRoute { Path = r.Path, Contribution = r.Contribution }));
            capped |= routesToEntity.Count > maxRoutes;
            exposures.Add(dependency);
        }
        exposures.Sort((a, b) => b.Exposure.CompareTo(a.Exposure) is var byExposure and not 0 ? byExposure : string.CompareOrdinal(a.Entity?.Name, b.Entity?.Name));
        return new ExposureAggregation(exposures, capped);
    }

    private static int LargestContributionFirst(WeightedRoute a, WeightedRoute b)
    {
        var byContribution = b.Contribution.CompareTo(a.Contribution);
        return byContribution != 0 ? byContribution : PathOrder.Instance.Compare(a.RelationshipNames, b.RelationshipNames);
    }

    private sealed record WeightedRoute(GraphPath Path, IReadOnlyList<string> RelationshipNames, double Contribution);
}
