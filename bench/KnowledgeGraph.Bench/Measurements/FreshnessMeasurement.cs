using System.Diagnostics;
using Grpc.Core;
using KnowledgeGraph.Protocol;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Bench.Measurements;

/// <summary>
/// How soon a relationship written through the Relationships service is used by FindPaths: with the
/// write's consistency token (must be at once), and without it (the lag until the projection's change
/// feed has applied it, polled every millisecond).
/// </summary>
public sealed record FreshnessResult(int Trials, int SeenWithToken, Percentiles LagWithoutToken, int NeverSeen);

public static class FreshnessMeasurement
{
    public static async Task<FreshnessResult> RunAsync(
        EntityService.EntityServiceClient entities, RelationshipService.RelationshipServiceClient relationships, QueryService.QueryServiceClient queries, int trials)
    {
        int seenWithToken = 0, neverSeen = 0;
        var lags = new List<double>();
        var run = Guid.NewGuid().ToString("N")[..8];
        string Id(int trial, char end) => $"fresh-{run}-{trial}-{end}";

        // The entities first, and the projection caught up with them, so only the relationship is new.
        string? caughtUp = null;
        for (var trial = 0; trial < trials; trial++)
            foreach (var end in "abcd")
            {
                using var call = entities.CreateEntityAsync(new CreateEntityRequest { EntityId = Id(trial, end), Entity = new Entity { Kind = "Company", DisplayName = Id(trial, end) } });
                await call.ResponseAsync;
                caughtUp = TokenOf(await call.ResponseHeadersAsync, call.GetTrailers());
            }
        await PathsAsync(queries, Id(0, 'a'), Id(0, 'b'), caughtUp);

        for (var trial = 0; trial < trials; trial++)
        {
            var token = await LinkAsync(relationships, Id(trial, 'a'), Id(trial, 'b'));
            if ((await PathsAsync(queries, Id(trial, 'a'), Id(trial, 'b'), token)).Paths.Count > 0) seenWithToken++;

            await LinkAsync(relationships, Id(trial, 'c'), Id(trial, 'd'));
            var written = Stopwatch.StartNew();
            var seen = false;
            while (!seen && written.Elapsed < TimeSpan.FromSeconds(10))
            {
                seen = (await PathsAsync(queries, Id(trial, 'c'), Id(trial, 'd'), null)).Paths.Count > 0;
                if (!seen) await Task.Delay(1);
            }
            if (seen) lags.Add(written.Elapsed.TotalMilliseconds);
            else neverSeen++;
        }
        return new FreshnessResult(trials, seenWithToken, Percentiles.Of(lags), neverSeen);
    }

    private static string? TokenOf(Metadata headers, Metadata trailers) =>
        headers.GetValue(ApiHeaders.ConsistencyToken) ?? trailers.GetValue(ApiHeaders.ConsistencyToken);

    private static async Task<string?> LinkAsync(RelationshipService.RelationshipServiceClient relationships, string from, string to)
    {
        using var call = relationships.CreateRelationshipAsync(new CreateRelationshipRequest
        {
            RelationshipId = $"{from}-supplies-{to}",
            Relationship = new Relationship
            {
                Type = "SUPPLIES",
                Source = $"entities/{from}",
                Target = $"entities/{to}",
                Properties = { ["share"] = new PropertyValue { NumberValue = 0.5 } },
            },
        });
        await call.ResponseAsync;
        return TokenOf(await call.ResponseHeadersAsync, call.GetTrailers());
    }

    private static Task<FindPathsResponse> PathsAsync(QueryService.QueryServiceClient queries, string from, string to, string? token)
    {
        var headers = new Metadata();
        if (token is not null) headers.Add(ApiHeaders.ConsistencyToken, token);
        return queries.FindPathsAsync(new FindPathsRequest { Source = $"entities/{from}", Target = $"entities/{to}", MaxDepth = 1, Direction = Direction.Outgoing }, headers).ResponseAsync;
    }
}
