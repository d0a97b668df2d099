using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Search;
using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.Store.Neo4j.Cypher;
using KnowledgeGraph.Store.Neo4j.Http;
using KnowledgeGraph.Store.Neo4j.Mapping;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <summary>Most candidates a search scores; candidates are those whose search text contains the query.</summary>
    internal const int MaxSearchCandidates = 5000;

    public Task<IReadOnlyList<SearchResult>> SearchEntitiesAsync(string query, IReadOnlyCollection<string> kinds, int limit, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<SearchResult>>("SearchEntities", async () =>
        {
            var normalized = SearchText.Normalize(query);
            if (normalized.Length == 0 || limit <= 0) return [];
            var result = await QueryAsync(EntityStatements.SearchCandidates.Bind(
                ("query", normalized), ("kinds", kinds.ToList()), ("limit", MaxSearchCandidates)), cancellationToken);
            return result.Rows.Select(StoredRows.Entity)
                .Select(entity => Score(entity, normalized))
                .OfType<SearchResult>()
                .OrderByDescending(r => r.Score)
                .ThenBy(r => r.Entity.Name, StringComparer.Ordinal)
                .Take(limit)
                .ToList();
        });

    public Task<FindPathsResponse> FindPathsAsync(PathQuery query, CancellationToken cancellationToken) =>
        ReadAsync("FindPaths", async () =>
        {
            var response = new FindPathsResponse { AsOf = Timestamp.FromDateTimeOffset(query.AsOf) };
            if (query.Source == query.Target) return response;
            var statement = query.Mode switch
            {
                PathMode.KShortest => TraversalStatements.KShortestPaths(query.MaxDepth),
                PathMode.AllSimple => TraversalStatements.SimplePaths(query.MaxDepth),
                _ => TraversalStatements.ShortestPaths(query.MaxDepth),
            };
            var rowLimit = RowLimit(query.Budget, query.MaxPaths);
            var result = await QueryAsync(statement.Bind(PathParameters(query, rowLimit)), cancellationToken);
            var paths = result.Rows.Select(r => PathMapping.ToGraphPath(r.Get<Neo4jPath>("p"), _ => 1.0))
                .OrderBy(PathMapping.Names, PathOrder.Instance)
                .ToList();

            var bounds = new SortedSet<Bound>();
            if (result.Rows.Count >= rowLimit) bounds.Add(Bound.MaxExpansions);
            if (paths.Count > query.MaxPaths) bounds.Add(Bound.MaxResults);
            else if (await ReachesMaxDepthAsync(query, cancellationToken)) bounds.Add(Bound.MaxDepth);

            response.Paths.AddRange(paths.Take(query.MaxPaths));
            response.ExpandedRelationships = DistinctRelationships(paths);
            response.BoundsHit.AddRange(bounds);
            response.Truncated = bounds.Count > 0;
            return response;
        });

    public Task<TraceDependenciesResponse> TraceDependenciesAsync(TraceQuery query, CancellationToken cancellationToken) =>
        ReadAsync("TraceDependencies", async () =>
        {
            var ontology = _validator.Ontology;
            var sourceDependsOnTarget = ontology.DependencyTypes.Where(t => t.Dependency.Direction == DependencyDirection.SourceDependsOnTarget).Select(t => t.Name).ToList();
            var targetDependsOnSource = ontology.DependencyTypes.Where(t => t.Dependency.Direction == DependencyDirection.TargetDependsOnSource).Select(t => t.Name).ToList();
            var upstream = query.Direction != TraceDirection.Downstream;
            var rowLimit = RowLimit(query.Budget, 0);
            // One hop deeper than asked: a route that goes on past max_depth shows MAX_DEPTH.
            var result = await QueryAsync(TraversalStatements.DependencyRoutes(query.MaxDepth + 1).Bind(
                ("root", PropertyMaps.EntityId(query.Root)),
                ("forward_types", upstream ? sourceDependsOnTarget : targetDependsOnSource),
                ("backward_types", upstream ? targetDependsOnSource : sourceDependsOnTarget),
                ("commodity", string.IsNullOrEmpty(query.Commodity) ? null : query.Commodity),
                ("as_of", query.AsOf),
                ("min_exposure", query.MinExposure),
                ("limit", rowLimit)), cancellationToken);

            var routes = result.Rows.Select(r => PathMapping.ToGraphPath(r.Get<Neo4jPath>("p"), ontology.DependencyWeight)).ToList();
            var bounds = new SortedSet<Bound>();
            if (result.Rows.Count >= rowLimit) bounds.Add(Bound.MaxExpansions);
            if (routes.Any(r => r.Hops.Count > query.MaxDepth)) bounds.Add(Bound.MaxDepth);
            var within = routes.Where(r => r.Hops.Count <= query.MaxDepth).ToList();
            var aggregation = ExposureAggregator.Aggregate(within, query.MaxRoutes, query.MinExposure);
            if (aggregation.RoutesCapped) bounds.Add(Bound.MaxResults);

            var root = (await EntityRefsAsync([query.Root], cancellationToken)).GetValueOrDefault(query.Root) ?? new EntityRef { Name = query.Root };
            var response = new TraceDependenciesResponse
            {
                Root = root,
                AsOf = Timestamp.FromDateTimeOffset(query.AsOf),
                ExpandedRelationships = DistinctRelationships(within),
                Truncated = bounds.Count > 0,
            };
            response.BoundsHit.AddRange(bounds);
            response.Dependencies.AddRange(aggregation.Dependencies);
            return response;
        });

    public Task<GetNeighborhoodResponse> GetNeighborhoodAsync(NeighborhoodQuery query, CancellationToken cancellationToken) =>
        ReadAsync("GetNeighborhood", async () =>
        {
            var direction = query.Direction == Direction.Unspecified ? Direction.Outgoing : query.Direction;
            var rowLimit = RowLimit(query.Budget, query.MaxEntities);
            var distances = await QueryAsync(TraversalStatements.NeighborhoodDistances(query.Depth).Bind(
                ("source", PropertyMaps.EntityId(query.Center)),
                ("types", query.RelationshipTypes.ToList()),
                ("outgoing", direction is Direction.Outgoing or Direction.Both),
                ("incoming", direction is Direction.Incoming or Direction.Both),
                ("as_of", query.AsOf),
                ("limit", rowLimit)), cancellationToken);

            var bounds = new SortedSet<Bound>();
            if (distances.Rows.Count >= rowLimit) bounds.Add(Bound.MaxExpansions);
            var admitted = Admit(query, distances.Rows.Select(r => (Name: ResourceNames.Entity(r.Get<string>("id")), Distance: (int)r.Get<long>("distance"))), bounds, out var lastExpandedLevel);

            var among = await QueryAsync(TraversalStatements.RelationshipsAmong.Bind(
                ("ids", admitted.Keys.Select(PropertyMaps.EntityId).ToList()),
                ("types", query.RelationshipTypes.ToList()),
                ("as_of", query.AsOf),
                ("limit", rowLimit)), cancellationToken);
            var followed = among.Rows
                .Where(r => Followed(r.Get<string>("source"), r.Get<string>("target"), direction, admitted, lastExpandedLevel))
                .Select(StoredRows.Relationship)
                .ToList();

            var entities = await FindEntitiesAsync(admitted.Keys.ToList(), cancellationToken);
            var response = new GetNeighborhoodResponse
            {
                AsOf = Timestamp.FromDateTimeOffset(query.AsOf),
                Truncated = bounds.Count > 0,
            };
            response.BoundsHit.AddRange(bounds);
            response.Entities.AddRange(entities
                .Select(e => new NeighborhoodEntity { Entity = e, Distance = admitted[e.Name] })
                .OrderBy(e => e.Distance)
                .ThenBy(e => e.Entity.Name, StringComparer.Ordinal));
            response.Relationships.AddRange(followed);
            return response;
        });

    /// <summary>
    /// Admits entities level by level in name order until MaxEntities (then MAX_RESULTS, and that level
    /// is the last one expanded), as the shared neighbourhood explorer does.
    /// </summary>
    private static Dictionary<string, int> Admit(NeighborhoodQuery query, IEnumerable<(string Name, int Distance)> reached, SortedSet<Bound> bounds, out int lastExpandedLevel)
    {
        var admitted = new Dictionary<string, int>(StringComparer.Ordinal) { [query.Center] = 0 };
        lastExpandedLevel = query.Depth;
        foreach (var level in reached.GroupBy(r => r.Distance).OrderBy(g => g.Key))
        {
            var names = level.Select(r => r.Name).Where(n => !admitted.ContainsKey(n)).Distinct().Order(StringComparer.Ordinal).ToList();
            var room = Math.Max(0, query.MaxEntities - admitted.Count);
            foreach (var name in names.Take(room)) admitted[name] = level.Key;
            if (names.Count > room)
            {
                bounds.Add(Bound.MaxResults);
                lastExpandedLevel = level.Key;
                break;
            }
        }
        return admitted;
    }

    /// <summary>Whether the explorer followed a relationship: from an entity it expanded (closer than the last level), in the chosen direction, to an admitted entity.</summary>
    private static bool Followed(string source, string target, Direction direction, IReadOnlyDictionary<string, int> admitted, int lastExpandedLevel)
    {
        if (!admitted.TryGetValue(source, out var sourceDistance) || !admitted.TryGetValue(target, out var targetDistance)) return false;
        var fromSource = direction is Direction.Outgoing or Direction.Both && sourceDistance < lastExpandedLevel;
        var fromTarget = direction is Direction.Incoming or Direction.Both && targetDistance < lastExpandedLevel;
        return fromSource || fromTarget;
    }

    private async Task<bool> ReachesMaxDepthAsync(PathQuery query, CancellationToken cancellationToken)
    {
        var result = await QueryAsync(TraversalStatements.ReachesDepth(query.MaxDepth).Bind(
            PathParameters(query, limit: null).Where(p => p.Name != "limit").ToArray()), cancellationToken);
        return result.Rows.Count == 1 && result.Rows[0].GetBool("reaches");
    }

    private static (string Name, object? Value)[] PathParameters(PathQuery query, int? limit)
    {
        var direction = query.Direction == Direction.Unspecified ? Direction.Outgoing : query.Direction;
        return
        [
            ("source", PropertyMaps.EntityId(query.Source)),
            ("target", PropertyMaps.EntityId(query.Target)),
            ("types", query.RelationshipTypes.ToList()),
            ("outgoing", direction is Direction.Outgoing or Direction.Both),
            ("incoming", direction is Direction.Incoming or Direction.Both),
            ("as_of", query.AsOf),
            ("limit", limit),
        ];
    }

    private async Task<IReadOnlyDictionary<string, EntityRef>> EntityRefsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var result = await QueryAsync(EntityStatements.Refs.Bind(("ids", names.Select(PropertyMaps.EntityId).ToList())), cancellationToken);
        return result.Rows
            .Select(r => new EntityRef { Name = r.Get<string>("name"), Kind = r.GetString("kind") ?? "", DisplayName = r.GetString("display_name") ?? "" })
            .ToDictionary(r => r.Name, StringComparer.Ordinal);
    }

    /// <summary>Rows a traversal query may return: the expansion budget, at least one more than the results asked for.</summary>
    private static int RowLimit(TraversalBudget budget, int results) =>
        (int)Math.Min(int.MaxValue - 1, Math.Max(budget.MaxExpandedRelationships, results + 1L));

    private static long DistinctRelationships(IEnumerable<GraphPath> paths) =>
        paths.SelectMany(p => p.Hops).Select(h => h.Relationship.Name).Distinct(StringComparer.Ordinal).LongCount();

    /// <summary>The best-matching field of the entity (display name, aliases, id), as the embedded store scores it.</summary>
    private static SearchResult? Score(Entity entity, string normalizedQuery)
    {
        SearchResult? best = null;
        var fields = new List<(string Field, string Text)> { ("display_name", entity.DisplayName) };
        fields.AddRange(entity.Aliases.Select(a => ("aliases", a)));
        if (ResourceNames.TryParseEntity(entity.Name, out var id)) fields.Add(("id", id));
        foreach (var (field, text) in fields)
        {
            var score = SearchText.Score(normalizedQuery, text);
            if (score > 0 && (best is null || score > best.Score))
                best = new SearchResult { Entity = entity, Score = score, MatchedField = field, MatchedText = text };
        }
        return best;
    }
}
