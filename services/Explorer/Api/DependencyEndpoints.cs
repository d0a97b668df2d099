using KnowledgeGraph.V1;

namespace Explorer.Api;

/// <summary>Dependency questions: a trace with exposure (and what-if exclusions against the baseline), and chokepoints.</summary>
public static class DependencyEndpoints
{
    public static async Task<IResult> TraceAsync(
        string? root, string? direction, string? commodity, int? maxDepth, string? asOf, string[]? exclude,
        QueryService.QueryServiceClient queries, CancellationToken cancellationToken)
    {
        var request = new TraceDependenciesRequest
        {
            Root = root ?? "",
            Direction = QueryValues.Enum<TraceDirection>(direction, nameof(direction)),
            Commodity = commodity ?? "",
            MaxDepth = maxDepth ?? 0,
            AsOf = QueryValues.Instant(asOf, nameof(asOf)),
        };
        request.Exclude.AddRange(QueryValues.List(exclude));
        // With exclusions the page always shows the change against the trace without them.
        request.CompareBaseline = request.Exclude.Count > 0;
        return ProtoJson.Ok(await queries.TraceDependenciesAsync(request, cancellationToken: cancellationToken));
    }

    public static async Task<IResult> ChokepointsAsync(
        string? root, string? direction, string? commodity, int? maxDepth, int? maxResults, string? asOf,
        QueryService.QueryServiceClient queries, CancellationToken cancellationToken) =>
        ProtoJson.Ok(await queries.FindChokepointsAsync(new FindChokepointsRequest
        {
            Root = root ?? "",
            Direction = QueryValues.Enum<TraceDirection>(direction, nameof(direction)),
            Commodity = commodity ?? "",
            MaxDepth = maxDepth ?? 0,
            MaxResults = maxResults ?? 0,
            AsOf = QueryValues.Instant(asOf, nameof(asOf)),
        }, cancellationToken: cancellationToken));
}
