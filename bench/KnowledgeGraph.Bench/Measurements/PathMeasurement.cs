using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using KnowledgeGraph.Bench.Generation;
using KnowledgeGraph.Bench.Reference;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Bench.Measurements;

/// <summary>FindPaths shortest through gRPC, one direction, beside the in-process CSR bidirectional BFS on the same pairs.</summary>
public sealed record PathResult(
    Direction Direction, int Pairs, int Reachable, int AnsweredTrueDistance, int WrongDistance, int Truncated, IReadOnlyDictionary<string, int> Bounds, int Failed,
    Percentiles Product, Percentiles Peer, IReadOnlyList<string> Problems);

public static class PathMeasurement
{
    public const int MaxDepth = 6;

    public static async Task<PathResult> RunAsync(
        QueryService.QueryServiceClient queries, GeneratedGraph graph, CsrGraph csr, IReadOnlyList<(int Source, int Target)> pairs,
        IReadOnlyList<(int Source, int Target)> warmUpPairs, Direction direction, DateTimeOffset asOf)
    {
        var both = direction == Direction.Both;
        var bfs = new BidirectionalBfs(csr);
        foreach (var (source, target) in warmUpPairs) bfs.Distance(source, target, both, MaxDepth);
        var peerTimes = new List<double>();
        var truth = new int[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            truth[i] = bfs.Distance(pairs[i].Source, pairs[i].Target, both, MaxDepth);
            peerTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var times = new List<double>();
        var problems = new List<string>();
        int answered = 0, wrong = 0, truncated = 0, failed = 0;
        var bounds = new Dictionary<string, int>();
        await WarmUp.RunAsync(i => Call(warmUpPairs[i % warmUpPairs.Count]));
        for (var i = 0; i < pairs.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            FindPathsResponse? response;
            try { response = await Call(pairs[i]); }
            catch (RpcException error)
            {
                failed++;
                problems.Add($"{graph.EntityName(pairs[i].Source)} -> {graph.EntityName(pairs[i].Target)}: {error.StatusCode} {error.Status.Detail}");
                continue;
            }
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var distance = response.Paths.Count > 0 ? response.Paths[0].Hops.Count : -1;
            if (response.Truncated) truncated++;
            foreach (var bound in response.BoundsHit) bounds[bound.ToString()] = bounds.GetValueOrDefault(bound.ToString()) + 1;
            if (distance == truth[i] && truth[i] >= 0) answered++;
            else if (distance != truth[i])
            {
                wrong++;
                problems.Add($"{graph.EntityName(pairs[i].Source)} -> {graph.EntityName(pairs[i].Target)}: answered {distance}, true {truth[i]}" +
                    (response.Truncated ? $" (truncated: {string.Join(", ", response.BoundsHit)})" : ""));
            }
        }
        return new PathResult(direction, pairs.Count, truth.Count(d => d >= 0), answered, wrong, truncated, bounds, failed,
            Percentiles.Of(times), Percentiles.Of(peerTimes), problems);

        Task<FindPathsResponse> Call((int Source, int Target) pair) => FindPathsAsync(queries, graph, pair, direction, asOf);
    }

    /// <summary>The question measured: the shortest path of at most <see cref="MaxDepth"/> hops, one path.</summary>
    public static Task<FindPathsResponse> FindPathsAsync(
        QueryService.QueryServiceClient queries, GeneratedGraph graph, (int Source, int Target) pair, Direction direction, DateTimeOffset asOf) =>
        queries.FindPathsAsync(new FindPathsRequest
        {
            Source = graph.EntityName(pair.Source),
            Target = graph.EntityName(pair.Target),
            Direction = direction,
            Mode = PathMode.Shortest,
            MaxDepth = MaxDepth,
            MaxPaths = 1,
            AsOf = Timestamp.FromDateTimeOffset(asOf),
        }, deadline: DateTime.UtcNow.AddSeconds(60)).ResponseAsync;
}
