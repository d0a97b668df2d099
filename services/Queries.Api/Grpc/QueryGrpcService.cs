using Grpc.Core;
using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Search;
using KnowledgeGraph.Domain.Paging;
using KnowledgeGraph.Store;
using KnowledgeGraph.V1;
using Microsoft.Extensions.Options;

namespace Queries.Api.Grpc;

/// <summary>QueryService: schema, search, paths, dependency traces and neighbourhoods.</summary>
public sealed class QueryGrpcService(IGraphStore store, GraphOntology ontology, IOptions<QueryOptions> options, TimeProvider clock) : QueryService.QueryServiceBase
{
    private readonly QueryRequests _requests = new(ontology, options.Value, clock);

    public override Task<Schema> GetSchema(GetSchemaRequest request, ServerCallContext context) => Task.FromResult(ontology.Schema);

    public override async Task<SearchEntitiesResponse> SearchEntities(SearchEntitiesRequest request, ServerCallContext context)
    {
        if (SearchText.Normalize(request.Query).Length == 0)
            throw GraphException.InvalidArgument(ErrorReasons.MissingField, "query", "must contain at least one letter or digit");
        if (request.Query.Length > Limits.MaxSearchQueryLength)
            throw GraphException.InvalidArgument(ErrorReasons.FieldTooLong, "query", $"at most {Limits.MaxSearchQueryLength} characters");
        var unknown = request.Kinds.Where(k => ontology.FindKind(k) is null).ToList();
        if (unknown.Count > 0)
            throw GraphException.InvalidArgument(ErrorReasons.UnknownKind, "kinds", $"unknown kind(s) {string.Join(", ", unknown)}; known kinds: {string.Join(", ", ontology.KindNames)}");
        var limit = PageSize.Resolve(request.PageSize, Limits.DefaultSearchResults, Limits.MaxSearchResults);

        var response = new SearchEntitiesResponse();
        response.Results.AddRange(await store.SearchEntitiesAsync(request.Query, request.Kinds, limit, context.CancellationToken));
        return response;
    }

    public override async Task<FindPathsResponse> FindPaths(FindPathsRequest request, ServerCallContext context)
    {
        var query = _requests.Paths(request, context);
        await RequireEntitiesAsync([query.Source, query.Target], context.CancellationToken);
        return await store.FindPathsAsync(query, context.CancellationToken);
    }

    public override async Task<TraceDependenciesResponse> TraceDependencies(TraceDependenciesRequest request, ServerCallContext context)
    {
        var query = _requests.Trace(request, context);
        var found = await RequireEntitiesAsync(query.Commodity is { } c ? [query.Root, c] : [query.Root], required: [query.Root], context.CancellationToken);
        if (query.Commodity is { } commodity && found.GetValueOrDefault(commodity)?.Kind != "Commodity")
            throw GraphException.InvalidArgument(ErrorReasons.InvalidReference, "commodity",
                found.TryGetValue(commodity, out var other) ? $"{commodity} is a {other.Kind}, not a Commodity" : $"{commodity} does not exist");
        return await store.TraceDependenciesAsync(query, context.CancellationToken);
    }

    public override async Task<GetNeighborhoodResponse> GetNeighborhood(GetNeighborhoodRequest request, ServerCallContext context)
    {
        var query = _requests.Neighborhood(request, context);
        await RequireEntitiesAsync([query.Center], context.CancellationToken);
        return await store.GetNeighborhoodAsync(query, context.CancellationToken);
    }

    private Task RequireEntitiesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        RequireEntitiesAsync(names, names, cancellationToken);

    /// <summary>Reads <paramref name="names"/> in one store call; NOT_FOUND for the first of <paramref name="required"/> missing.</summary>
    private async Task<Dictionary<string, Entity>> RequireEntitiesAsync(IReadOnlyCollection<string> names, IReadOnlyCollection<string> required, CancellationToken cancellationToken)
    {
        var found = (await store.GetEntitiesAsync(names, cancellationToken)).ToDictionary(e => e.Name);
        var missing = required.FirstOrDefault(n => !found.ContainsKey(n));
        if (missing is not null) throw GraphException.NotFound(ResourceNames.EntityType, missing);
        return found;
    }
}
