using KnowledgeGraph.V1;

namespace Explorer.Api;

/// <summary>Pictures of the graph itself: an entity's neighbourhood and the paths between two entities.</summary>
public static class GraphEndpoints
{
    public static async Task<IResult> NeighborhoodAsync(
        string? name, int? depth, string? asOf, QueryService.QueryServiceClient queries, CancellationToken cancellationToken) =>
        ProtoJson.Ok(await queries.GetNeighborhoodAsync(new GetNeighborhoodRequest
        {
            Name = name ?? "",
            Depth = depth ?? 0,
            AsOf = QueryValues.Instant(asOf, nameof(asOf)),
        }, cancellationToken: cancellationToken));

    public static async Task<IResult> PathsAsync(
        string? source, string? target, string? direction, string? mode, int? maxDepth, int? maxPaths, string? asOf, string[]? exclude,
        QueryService.QueryServiceClient queries, CancellationToken cancellationToken)
    {
        var request = new FindPathsRequest
        {
            Source = source ?? "",
            Target = target ?? "",
            Direction = QueryValues.Enum<Direction>(direction, nameof(direction)),
            Mode = QueryValues.Enum<PathMode>(mode, nameof(mode)),
            MaxDepth = maxDepth ?? 0,
            MaxPaths = maxPaths ?? 0,
            AsOf = QueryValues.Instant(asOf, nameof(asOf)),
        };
        request.Exclude.AddRange(QueryValues.List(exclude));
        return ProtoJson.Ok(await queries.FindPathsAsync(request, cancellationToken: cancellationToken));
    }
}
