using KnowledgeGraph.Application.Queries;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Projection;
using KnowledgeGraph.Domain.Projection.Search;
using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.Store;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Application.Projection;

/// <summary>
/// Answers from the in-memory projection: the searches run on one <see cref="ProjectionVersion"/>,
/// then the evidence of what they return (the relationships on the paths, the entities they reach)
/// comes from the <see cref="EvidenceCache"/> or is read from the store in one batched call each.
/// </summary>
public sealed class ProjectionEngine(ProjectionFeed feed, IGraphStore store, EvidenceCache cache, GraphOntology ontology, TimeProvider clock) : IQueryEngine
{
    private const int EvidenceChunk = 256;

    public async Task<PathsResult> FindPathsAsync(PathQuery query, ReadConsistency consistency, CallContext call)
    {
        var graph = await feed.VersionAsync(consistency, call);
        var (source, target) = (Require(graph, query.Source), Require(graph, query.Target));
        using var budget = new TraversalBudgetTracker(query.Budget, clock, call.Cancellation);
        var filter = EdgeFilter.Following(graph.Schema.Mask(query.RelationshipTypes),
            outgoing: query.Direction is Direction.Outgoing or Direction.Both, incoming: query.Direction is Direction.Incoming or Direction.Both, query.AsOf.UtcTicks)
            with { Excluded = Excluded(graph, query.Exclude) };
        var found = query.Mode is PathMode.KShortest or PathMode.AllSimple
            ? SimplePathSearch.Find(graph, source, target, filter, query.MaxDepth, query.MaxPaths, budget)
            : ShortestPathSearch.Find(graph, source, target, filter, query.MaxDepth, query.MaxPaths, budget);

        var (entities, relationships) = Evidence.On(found.Select(p => (p.Start, p.Hops)));
        var evidence = await Evidence.LoadAsync(store, cache, consistency, graph, entities, relationships, call.Cancellation);
        var paths = found.Select(p => evidence.Path(p.Start, p.Hops, _ => 1.0)).OfType<GraphPath>().ToList();
        return new PathsResult(paths, budget.Outcome);
    }

    public async Task<TraceResult> TraceDependenciesAsync(TraceQuery query, ReadConsistency consistency, CallContext call)
    {
        var graph = await feed.VersionAsync(consistency, call);
        var grouped = TraceSelection.Grouped(query);
        var current = Group(graph, query, grouped, call);
        using var currentRoutes = current.Routes;
        var baseline = !query.CompareBaseline ? null : query.Exclude.IsEmpty ? current : Group(graph, query.Baseline, grouped, call);
        using var baselineRoutes = ReferenceEquals(baseline, current) ? null : baseline?.Routes;
        var selection = TraceSelection.Select(current.Entities, current.Reached, baseline?.Entities, EntityOrder(graph), query.MaxResults);
        var outcome = BaselineComparison.Outcome(current.Outcome, baseline?.Outcome, ReferenceEquals(current, baseline));
        if (selection.Cut) outcome = outcome.With(Bound.MaxResults);

        // Only the listed dependencies' best routes become paths. Their evidence is read a chunk of
        // entities at a time, and no more is read once the answer is full.
        var (root, routes) = (current.Root, current.Routes);
        var answer = new AnswerSize();
        var dependencies = new List<DependencyExposure>();
        EntityRef? rootRef = null;
        foreach (var chunk in selection.Listed.Chunk(EvidenceChunk).DefaultIfEmpty([]))
        {
            var hops = chunk.SelectMany(d => d.Reached?.Routes ?? []).Distinct().ToDictionary(r => r, routes.HopsOf);
            var (entities, relationships) = Evidence.On(hops.Values.Select(h => (root, h)).Append((root, [])));
            var evidence = await Evidence.LoadAsync(store, cache, consistency, graph, entities.Concat(chunk.Select(d => d.Entity)), relationships, call.Cancellation);
            rootRef = evidence.RefOf(root);
            var built = chunk.Select(d => Dependency(d, evidence, hops)).OfType<DependencyExposure>();
            dependencies.AddRange(answer.Fit(built, d => d.CalculateSize()));
            if (answer.Cut) break;
        }
        if (answer.Cut) outcome = outcome.With(Bound.MaxResults);
        return new TraceResult(rootRef!, dependencies, outcome, selection.Reached);

        DependencyExposure? Dependency(SelectedDependency<int, int> dependency, Evidence evidence, Dictionary<int, ProjectedHop[]> hops)
        {
            if (dependency.Reached is not { } entity) return TraceSelection.Compared(TraceSelection.CutOff(evidence.RefOf(dependency.Entity)), dependency.Baseline);
            var paths = entity.Routes.Select(r => (Route: r, Path: evidence.Path(root, hops[r], ontology.DependencyWeight))).Where(p => p.Path is not null).ToList();
            if (paths.Count == 0) return null;
            var kept = entity with { Routes = [.. paths.Select(p => p.Route)] };
            var byRoute = paths.ToDictionary(p => p.Route, p => p.Path!);
            return TraceSelection.Compared(ExposureAggregator.Exposure(kept, r => byRoute[r]), dependency.Baseline);
        }
    }

    /// <summary>One trace on the projection, its routes grouped by the entity they reach: the first <paramref name="listed"/> entities, each with its best routes (still as route ids). The caller disposes the routes.</summary>
    private GroupedTrace Group(ProjectionVersion graph, TraceQuery query, int listed, CallContext call)
    {
        using var budget = new TraversalBudgetTracker(query.Budget, clock, call.Cancellation);
        var (root, routes) = Trace(graph, query, budget);
        var (entities, reached, capped) = ExposureAggregator.Group(
            Enumerable.Range(1, routes.Count).Select(r => (routes.End(r), r, routes.Contribution(r), routes.Hops(r))),
            routes.Order(graph), EntityOrder(graph), query.MaxRoutes, query.MinExposure, listed);
        if (capped) budget.Hit(Bound.MaxResults);
        return new GroupedTrace(root, routes, entities, reached, budget.Outcome);
    }

    private sealed record GroupedTrace(int Root, DependencyRoutes Routes, IReadOnlyList<ReachedEntity<int, int>> Entities, int Reached, TraversalOutcome Outcome);

    private static Comparer<int> EntityOrder(ProjectionVersion graph) =>
        Comparer<int>.Create(graph.CompareEntityNames);

    public async Task<ChokepointsResult> FindChokepointsAsync(ChokepointQuery query, ReadConsistency consistency, CallContext call)
    {
        var graph = await feed.VersionAsync(consistency, call);
        using var budget = new TraversalBudgetTracker(query.Trace.Budget, clock, call.Cancellation);
        var (root, routes) = Trace(graph, query.Trace, budget);
        using var _ = routes;
        var ranking = ChokepointAnalysis.Rank(
            Enumerable.Range(1, routes.Count).Select(r => (Route: r, Entities: (IReadOnlyList<int>)[.. routes.HopsOf(r).Select(h => h.To)], routes.Contribution(r))),
            byReach: query.Trace.Direction == TraceDirection.Downstream, query.MaxResults,
            routes.Order(graph), EntityOrder(graph));

        var hops = ranking.Candidates.SelectMany(c => c.Routes).Distinct().ToDictionary(r => r, routes.HopsOf);
        var (entities, relationships) = Evidence.On(hops.Values.Select(h => (root, h)).Append((root, [])));
        var evidence = await Evidence.LoadAsync(store, cache, consistency, graph, entities.Concat(ranking.Candidates.Select(c => c.Entity)), relationships, call.Cancellation);
        var chokepoints = ranking.Candidates
            .Select(c => ChokepointAnalysis.Message(c, evidence.RefOf(c.Entity), r => evidence.Path(root, hops[r], ontology.DependencyWeight)))
            .ToList();
        return new ChokepointsResult(evidence.RefOf(root), chokepoints, ranking.TotalLower, ranking.TotalUpper, ranking.Reached, budget.Outcome);
    }

    public async Task<NeighborhoodResult> GetNeighborhoodAsync(NeighborhoodQuery query, ReadConsistency consistency, CallContext call)
    {
        var graph = await feed.VersionAsync(consistency, call);
        var center = Require(graph, query.Center);
        using var budget = new TraversalBudgetTracker(query.Budget, clock, call.Cancellation);
        var direction = query.Direction == Direction.Unspecified ? Direction.Both : query.Direction;
        var filter = EdgeFilter.Following(graph.Schema.Mask(query.RelationshipTypes),
            outgoing: direction is Direction.Outgoing or Direction.Both, incoming: direction is Direction.Incoming or Direction.Both, query.AsOf.UtcTicks);
        var found = NeighborhoodSearch.Explore(graph, center, filter, query.Depth, query.MaxEntities, budget);

        var evidence = await Evidence.LoadAsync(store, cache, consistency, graph, found.Entities.Select(e => e.Entity), found.Relationships, call.Cancellation);
        var entities = found.Entities
            .Select(e => (Entity: evidence.Entity(e.Entity), e.Distance))
            .Where(e => e.Entity is not null)
            .Select(e => new NeighborhoodEntity { Entity = e.Entity, Distance = e.Distance })
            .OrderBy(e => e.Distance)
            .ThenBy(e => e.Entity.Name, StringComparer.Ordinal)
            .ToList();
        var relationships = found.Relationships
            .Select(evidence.Relationship)
            .OfType<Relationship>()
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        return new NeighborhoodResult(entities, relationships, budget.Outcome);
    }

    /// <summary>Every dependency route of the trace, once its root, commodity and exclusions are checked in <paramref name="graph"/>.</summary>
    private static (int Root, DependencyRoutes Routes) Trace(ProjectionVersion graph, TraceQuery query, TraversalBudgetTracker budget)
    {
        var root = Require(graph, query.Root);
        var excluded = Excluded(graph, query.Exclude);
        var commodity = ProjectedEdge.NoCommodity;
        if (query.Commodity is { } named)
        {
            commodity = graph.FindEntity(named);
            QueryChecks.RequireCommodity(named, commodity < 0 ? null : graph.Schema.KindName(graph.KindOf(commodity)));
        }
        var schema = graph.Schema;
        var filter = query.Direction == TraceDirection.Downstream
            ? new EdgeFilter(schema.ProviderIsSource, schema.ProviderIsTarget, query.AsOf.UtcTicks, commodity, excluded)
            : new EdgeFilter(schema.ProviderIsTarget, schema.ProviderIsSource, query.AsOf.UtcTicks, commodity, excluded);
        return (root, DependencyTraceSearch.Trace(graph, root, filter, query.MaxDepth, query.MinExposure, budget));
    }

    /// <summary>The exclusions as projection ids (null when there are none); NOT_FOUND for a name that does not exist in <paramref name="graph"/>.</summary>
    private static ExcludedIds? Excluded(ProjectionVersion graph, Exclusions exclude)
    {
        if (exclude.IsEmpty) return null;
        var entities = exclude.Entities.Order(StringComparer.Ordinal).Select(name => Require(graph, name)).ToHashSet();
        var relationships = exclude.Relationships.Order(StringComparer.Ordinal)
            .Select(name => graph.FindRelationship(name) is var id and >= 0 ? id : throw QueryChecks.Missing(name))
            .ToHashSet();
        return new ExcludedIds(entities, relationships);
    }

    private static int Require(ProjectionVersion graph, string name)
    {
        var id = graph.FindEntity(name);
        return id >= 0 ? id : throw QueryChecks.Missing(name);
    }
}
