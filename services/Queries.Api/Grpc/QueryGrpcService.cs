using Grpc.Core;
using KnowledgeGraph.Application.Queries;
using KnowledgeGraph.Grpc.Calls;
using KnowledgeGraph.V1;

namespace Queries.Api.Grpc;

/// <summary>QueryService: maps each request to the application's query handler and its answer back; nothing else.</summary>
public sealed class QueryGrpcService(QueryHandler queries) : QueryService.QueryServiceBase
{
    public override Task<Schema> GetSchema(GetSchemaRequest request, ServerCallContext context) => Task.FromResult(queries.GetSchema());

    public override Task<SearchEntitiesResponse> SearchEntities(SearchEntitiesRequest request, ServerCallContext context) =>
        queries.SearchEntitiesAsync(request, context.ToCall());

    public override Task<FindPathsResponse> FindPaths(FindPathsRequest request, ServerCallContext context) =>
        queries.FindPathsAsync(request, context.ToCall());

    public override Task<TraceDependenciesResponse> TraceDependencies(TraceDependenciesRequest request, ServerCallContext context) =>
        queries.TraceDependenciesAsync(request, context.ToCall());

    public override Task<FindChokepointsResponse> FindChokepoints(FindChokepointsRequest request, ServerCallContext context) =>
        queries.FindChokepointsAsync(request, context.ToCall());

    public override Task<GetNeighborhoodResponse> GetNeighborhood(GetNeighborhoodRequest request, ServerCallContext context) =>
        queries.GetNeighborhoodAsync(request, context.ToCall());
}
