using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.Application.Consistency;
using KnowledgeGraph.Application.Telemetry;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Search;
using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.Store;
using KnowledgeGraph.V1;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Application.Queries;

/// <summary>
/// QueryService's meaning, the same on every store and engine: each question is checked, answered by
/// the configured <see cref="IQueryEngine"/> (search by the store), and cut to fit one message
/// (reported as MAX_RESULTS).
/// </summary>
public sealed class QueryHandler(IGraphStore store, IQueryEngine engine, ConsistencyGate gate, GraphOntology ontology, IOptions<QueryOptions> options, TimeProvider clock)
{
    private readonly QueryRequests _requests = new(ontology, options.Value, clock);

    public Schema GetSchema() => ontology.Schema;

    public async Task<SearchEntitiesResponse> SearchEntitiesAsync(SearchEntitiesRequest request, CallContext call)
    {
        var search = _requests.Search(request);
        await using var snapshot = await store.OpenSnapshotAsync(await gate.ResolveAsync(call), call.Cancellation);
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
        var result = await engine.FindPathsAsync(query, await gate.ResolveAsync(call), call);
        ApplicationTelemetry.QueryAnswered("FindPaths", result.Outcome);
        var answer = new AnswerSize();
        var response = new FindPathsResponse { AsOf = Timestamp.FromDateTimeOffset(query.AsOf) };
        response.Paths.AddRange(answer.Fit(result.Paths, p => p.CalculateSize()));
        Describe(result.Outcome, answer, bounds => response.BoundsHit.AddRange(bounds));
        (response.Truncated, response.ExpandedRelationships) = (response.BoundsHit.Count > 0, result.Outcome.ExpandedRelationships);
        return response;
    }

    public async Task<TraceDependenciesResponse> TraceDependenciesAsync(TraceDependenciesRequest request, CallContext call)
    {
        var query = _requests.Trace(request, call);
        var result = await engine.TraceDependenciesAsync(query, await gate.ResolveAsync(call), call);
        ApplicationTelemetry.QueryAnswered("TraceDependencies", result.Outcome);
        var answer = new AnswerSize();
        var response = new TraceDependenciesResponse { Root = result.Root, AsOf = Timestamp.FromDateTimeOffset(query.AsOf), Reached = result.Reached };
        response.Dependencies.AddRange(answer.Fit(result.Dependencies, d => d.CalculateSize()));
        Describe(result.Outcome, answer, bounds => response.BoundsHit.AddRange(bounds));
        (response.Truncated, response.ExpandedRelationships) = (response.BoundsHit.Count > 0, result.Outcome.ExpandedRelationships);
        return response;
    }

    public async Task<FindChokepointsResponse> FindChokepointsAsync(FindChokepointsRequest request, CallContext call)
    {
        var query = _requests.Chokepoints(request, call);
        var result = await engine.FindChokepointsAsync(query, await gate.ResolveAsync(call), call);
        ApplicationTelemetry.QueryAnswered("FindChokepoints", result.Outcome);
        var answer = new AnswerSize();
        var response = new FindChokepointsResponse
        {
            Root = result.Root,
            TotalExposureLower = result.TotalLower,
            TotalExposureUpper = result.TotalUpper,
            Reached = result.Reached,
            AsOf = Timestamp.FromDateTimeOffset(query.Trace.AsOf),
        };
        response.Chokepoints.AddRange(answer.Fit(result.Chokepoints, c => c.CalculateSize()));
        Describe(result.Outcome, answer, bounds => response.BoundsHit.AddRange(bounds));
        (response.Truncated, response.ExpandedRelationships) = (response.BoundsHit.Count > 0, result.Outcome.ExpandedRelationships);
        return response;
    }

    public async Task<GetNeighborhoodResponse> GetNeighborhoodAsync(GetNeighborhoodRequest request, CallContext call)
    {
        var query = _requests.Neighborhood(request, call);
        var result = await engine.GetNeighborhoodAsync(query, await gate.ResolveAsync(call), call);
        ApplicationTelemetry.QueryAnswered("GetNeighborhood", result.Outcome);
        var answer = new AnswerSize();
        var response = new GetNeighborhoodResponse { AsOf = Timestamp.FromDateTimeOffset(query.AsOf) };
        response.Entities.AddRange(answer.Fit(result.Entities, e => e.CalculateSize()));
        var kept = response.Entities.Select(e => e.Entity.Name).ToHashSet(StringComparer.Ordinal);
        response.Relationships.AddRange(answer.Fit(result.Relationships.Where(r => kept.Contains(r.Source) && kept.Contains(r.Target)), r => r.CalculateSize()));
        Describe(result.Outcome, answer, bounds => response.BoundsHit.AddRange(bounds));
        response.Truncated = response.BoundsHit.Count > 0;
        return response;
    }

    /// <summary>The bounds that stopped the answer, in enum order: the traversal's, and MAX_RESULTS when the answer was cut to fit.</summary>
    private static void Describe(TraversalOutcome outcome, AnswerSize answer, Action<IEnumerable<Bound>> add) =>
        add(answer.Cut ? outcome.BoundsHit.Append(Bound.MaxResults).Distinct().Order() : outcome.BoundsHit);
}
