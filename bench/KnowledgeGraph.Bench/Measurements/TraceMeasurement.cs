using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using KnowledgeGraph.Bench.Generation;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Bench.Measurements;

/// <summary>TraceDependencies upstream through gRPC at default budgets: latency, truncations, failures, answer size.</summary>
public sealed record TraceResult(
    int Roots, int Answered, int WithDependencies, int Truncated, IReadOnlyDictionary<string, int> Bounds, int Failed,
    Percentiles Latency, double MedianDependencies, long LargestResponseBytes, IReadOnlyList<string> Problems);

public static class TraceMeasurement
{
    public const int MaxDepth = 4;

    public static async Task<TraceResult> RunAsync(QueryService.QueryServiceClient queries, GeneratedGraph graph, IReadOnlyList<int> roots, IReadOnlyList<int> warmUpRoots, DateTimeOffset asOf)
    {
        var times = new List<double>();
        var sizes = new List<int>();
        var reached = new List<double>();
        var problems = new List<string>();
        var bounds = new Dictionary<string, int>();
        int truncated = 0, failed = 0, withDependencies = 0;
        await WarmUp.RunAsync(i => Call(warmUpRoots[i % warmUpRoots.Count]));
        foreach (var root in roots)
        {
            var started = Stopwatch.GetTimestamp();
            TraceDependenciesResponse response;
            try { response = await Call(root); }
            catch (RpcException error)
            {
                failed++;
                problems.Add($"{graph.EntityName(root)}: {error.StatusCode} {error.Status.Detail}");
                continue;
            }
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            sizes.Add(response.CalculateSize());
            reached.Add(response.Reached);
            if (response.Dependencies.Count > 0) withDependencies++;
            if (response.Truncated) truncated++;
            foreach (var bound in response.BoundsHit) bounds[bound.ToString()] = bounds.GetValueOrDefault(bound.ToString()) + 1;
        }
        return new TraceResult(roots.Count, times.Count, withDependencies, truncated, bounds, failed, Percentiles.Of(times),
            Percentiles.Of(reached).P50, sizes.DefaultIfEmpty().Max(), problems);

        Task<TraceDependenciesResponse> Call(int root) => queries.TraceDependenciesAsync(new TraceDependenciesRequest
        {
            Root = graph.EntityName(root),
            Direction = TraceDirection.Upstream,
            MaxDepth = MaxDepth,
            AsOf = Timestamp.FromDateTimeOffset(asOf),
        }, deadline: DateTime.UtcNow.AddSeconds(60)).ResponseAsync;
    }
}
