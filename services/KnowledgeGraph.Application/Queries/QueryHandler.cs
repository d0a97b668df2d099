using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.Application.Consistency;
using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Search;
using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.Store;
using KnowledgeGraph.V1;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Application.Queries;

/// <summary>
/// QueryService's meaning, the same on every store: each question is checked, then answered from one
/// snapshot (the entities it names must exist in that snapshot) by the traversals in Domain.
/// </summary>
public sealed class QueryHandler(IGraphStore store, ConsistencyGate gate, GraphOntology ontology, IOptions<QueryOptions> options, TimeProvider clock)
{
    private const string CommodityKind = "Commodity";
    private readonly QueryRequests _requests = new(ontology, options.Value, clock);

    public Schema GetSchema() => ontology.Schema;

    public async Task<SearchEntitiesResponse> SearchEntitiesAsync(SearchEntitiesRequest request, CallContext call)
    {
        var search = _requests.Search(request);
        await using var snapshot = await OpenAsync(call);
        var top = new TopMatches(search.Limit);
        await foreach (var candidate in snapshot.SearchCandidatesAsync(search.NormalizedQuery, search.Kinds, call.Cancellation))
            top.Offer(candidate.Name, EntitySearch.ScoreIndexed(search.NormalizedQuery, candidate.SearchText));
        var entities = await snapshot.GetEntitiesAsync(top.Names, call.Cancellation);
        var response = new SearchEntitiesResponse();
        response.Results.AddRange(entities
            .Select(entity => EntitySearch.Match(entity, search.NormalizedQuery))
            .OfType<SearchResult>()
            .Order(Comparer<SearchResult>.Create((a, b) => EntitySearch.Compare(a.Score, a.Entity.Name, b.Score, b.Entity.Name))));
        return response;
    }

    public async Task<FindPathsResponse> FindPathsAsync(FindPathsRequest request, CallContext call)
    {
        var query = _requests.Paths(request, call);
        await using var snapshot = await OpenAsync(call);
        await RequireAsync(snapshot, [query.Source, query.Target], call.Cancellation);
        var result = await GraphTraversal.FindPathsAsync(snapshot, query, ontology, clock, call.Cancellation);
        var response = new FindPathsResponse
        {
            AsOf = Timestamp.FromDateTimeOffset(query.AsOf),
            Truncated = result.Outcome.Truncated,
            ExpandedRelationships = result.Outcome.ExpandedRelationships,
        };
        response.BoundsHit.AddRange(result.Outcome.BoundsHit);
        response.Paths.AddRange(result.Paths);
        return response;
    }

    public async Task<TraceDependenciesResponse> TraceDependenciesAsync(TraceDependenciesRequest request, CallContext call)
    {
        var query = _requests.Trace(request, call);
        await using var snapshot = await OpenAsync(call);
        var found = await RequireAsync(snapshot, query.Commodity is { } c ? [query.Root, c] : [query.Root], call.Cancellation, required: [query.Root]);
        if (query.Commodity is { } commodity && found.GetValueOrDefault(commodity)?.Kind != CommodityKind)
            throw GraphException.InvalidArgument(ErrorReasons.InvalidReference, "commodity",
                found.TryGetValue(commodity, out var other) ? $"{commodity} is a {other.Kind}, not a {CommodityKind}" : $"{commodity} does not exist");
        var result = await GraphTraversal.TraceDependenciesAsync(snapshot, query, ontology, clock, call.Cancellation);
        var response = new TraceDependenciesResponse
        {
            Root = result.Root,
            AsOf = Timestamp.FromDateTimeOffset(query.AsOf),
            Truncated = result.Outcome.Truncated,
            ExpandedRelationships = result.Outcome.ExpandedRelationships,
        };
        response.BoundsHit.AddRange(result.Outcome.BoundsHit);
        response.Dependencies.AddRange(result.Dependencies);
        return response;
    }

    public async Task<GetNeighborhoodResponse> GetNeighborhoodAsync(GetNeighborhoodRequest request, CallContext call)
    {
        var query = _requests.Neighborhood(request, call);
        await using var snapshot = await OpenAsync(call);
        await RequireAsync(snapshot, [query.Center], call.Cancellation);
        var result = await GraphTraversal.GetNeighborhoodAsync(snapshot, query, ontology, clock, call.Cancellation);
        var response = new GetNeighborhoodResponse { AsOf = Timestamp.FromDateTimeOffset(query.AsOf), Truncated = result.Outcome.Truncated };
        response.Entities.AddRange(result.Entities);
        response.Relationships.AddRange(result.Relationships);
        response.BoundsHit.AddRange(result.Outcome.BoundsHit);
        return response;
    }

    private async Task<IGraphSnapshot> OpenAsync(CallContext call) =>
        await store.OpenSnapshotAsync(await gate.ResolveAsync(call), call.Cancellation);

    /// <summary>Reads <paramref name="names"/> in the query's snapshot; NOT_FOUND for the first of <paramref name="required"/> (default: all) missing.</summary>
    private static async Task<Dictionary<string, Entity>> RequireAsync(IGraphSnapshot snapshot, IReadOnlyCollection<string> names, CancellationToken cancellationToken, IReadOnlyCollection<string>? required = null)
    {
        var found = (await snapshot.GetEntitiesAsync(names.Distinct().ToList(), cancellationToken)).ToDictionary(e => e.Name, StringComparer.Ordinal);
        var missing = (required ?? names).FirstOrDefault(n => !found.ContainsKey(n));
        if (missing is not null) throw GraphException.NotFound(ResourceNames.EntityType, missing);
        return found;
    }
}
