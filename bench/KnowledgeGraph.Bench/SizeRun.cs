using System.Diagnostics;
using Grpc.Health.V1;
using KnowledgeGraph.Bench.Generation;
using KnowledgeGraph.Bench.Measurements;
using KnowledgeGraph.Bench.Reference;
using KnowledgeGraph.Bench.Services;
using KnowledgeGraph.Store.Sqlite;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Bench;

/// <summary>
/// One graph size end to end: generate, the raw-insert peer, the services as processes over a fresh
/// store, <c>kg import</c>, the Queries service's projection load, then every query measurement beside its peer.
/// </summary>
public static class SizeRun
{
    public static async Task<SizeResult> RunAsync(BenchmarkOptions options, int entityCount, int relationshipCount, BenchTokens tokens, TextWriter log)
    {
        var directory = Path.Combine(options.WorkDirectory, $"{entityCount}x{relationshipCount}");
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        var dataPath = Directory.CreateDirectory(Path.Combine(directory, "store")).FullName;

        var watch = Stopwatch.StartNew();
        var graph = SupplyNetworkGenerator.Generate(new SupplyNetworkOptions(entityCount, relationshipCount, options.Seed));
        var degrees = DegreeSummary.Of(graph);
        var (entityFiles, relationshipFiles) = JsonlFiles.Write(graph, Path.Combine(directory, "files"));
        log.WriteLine($"[{entityCount:N0} x {relationshipCount:N0}] generated in {watch.Elapsed.TotalSeconds:F1} s; {degrees}");

        var raw = await RawSqliteImport.RunAsync(graph, directory);
        log.WriteLine($"  raw SQLite peer: entities {raw.EntitiesPerSecond:N0}/s, relationships {raw.RelationshipsPerSecond:N0}/s");

        await using var services = new RunningServices(tokens, dataPath, directory);
        await services.StartWritersAsync();
        var (entityImport, entityResults) = await ImportAsync(entityFiles, "entities", services, tokens, dataPath, log);
        log.WriteLine($"  kg import entities: {entityCount / entityImport.TotalSeconds:N0}/s ({entityImport.TotalSeconds:F1} s)");
        var (relationshipImport, relationshipResults) = await ImportAsync(relationshipFiles, "relationships", services, tokens, dataPath, log);
        log.WriteLine($"  kg import relationships: {relationshipCount / relationshipImport.TotalSeconds:N0}/s ({relationshipImport.TotalSeconds:F1} s)");
        var rejected = entityResults.Concat(relationshipResults).Sum(r => r.Rejected);
        if (rejected > 0) log.WriteLine($"  WARNING: kg import rejected {rejected} rows");

        var queriesStarted = Stopwatch.StartNew();
        var health = await services.StartQueriesAsync(TimeSpan.FromMinutes(15));
        var queriesReady = queriesStarted.Elapsed;
        var projection = health.GetProperty("checks").GetProperty("projection");
        var loadSeconds = projection.GetProperty("data").GetProperty("elapsed_seconds").GetDouble();
        log.WriteLine($"  queries ready after {queriesReady.TotalSeconds:F1} s: {projection.GetProperty("description").GetString()}");

        var queries = services.QueryClient();
        var csr = new CsrGraph(graph, BenchmarkOptions.AsOf);
        var (pairs, roots) = Questions(new Random(options.Seed + 1), options, entityCount);
        // Warm-up questions come from their own stream, so the measured ones stay those of earlier runs.
        var (warmUpPairs, warmUpRoots) = Questions(new Random(options.Seed + 2), options, entityCount);

        var firstCalls = await Percentiles.OfCallsAsync(i => PathMeasurement.FindPathsAsync(queries, graph, warmUpPairs[i % warmUpPairs.Count], Direction.Outgoing, BenchmarkOptions.AsOf), WarmUp.FirstCalls);
        log.WriteLine($"  first {WarmUp.FirstCalls} FindPaths after start: p50 {firstCalls.P50:F2} ms, slowest {firstCalls.P99:F2} ms");
        var outgoing = await PathMeasurement.RunAsync(queries, graph, csr, pairs, warmUpPairs, Direction.Outgoing, BenchmarkOptions.AsOf);
        log.WriteLine($"  FindPaths OUTGOING: p50 {outgoing.Product.P50:F2} ms, {outgoing.AnsweredTrueDistance}/{outgoing.Reachable} reachable answered; CSR p50 {outgoing.Peer.P50:F3} ms");
        var both = await PathMeasurement.RunAsync(queries, graph, csr, pairs, warmUpPairs, Direction.Both, BenchmarkOptions.AsOf);
        log.WriteLine($"  FindPaths BOTH: p50 {both.Product.P50:F2} ms, {both.AnsweredTrueDistance}/{both.Reachable} reachable answered; CSR p50 {both.Peer.P50:F3} ms");
        var trace = await TraceMeasurement.RunAsync(queries, graph, roots, warmUpRoots, BenchmarkOptions.AsOf);
        log.WriteLine($"  TraceDependencies: p50 {trace.Latency.P50:F2} ms, {trace.Truncated} truncated, {trace.Failed} failed");

        var entityClient = services.EntityClient();
        var health0 = services.HealthClient(services.Entities!);
        Func<int, Task> trivialCall = _ => health0.CheckAsync(new HealthCheckRequest()).ResponseAsync;
        await WarmUp.RunAsync(trivialCall);
        var trivialLatency = await Percentiles.OfCallsAsync(trivialCall, 200);
        var (getEntity, trivial) = await ThroughputMeasurement.CompareAsync(
            i => entityClient.GetEntityAsync(new GetEntityRequest { Name = graph.EntityName(i % entityCount) }).ResponseAsync,
            trivialCall,
            options.ThroughputDuration);
        log.WriteLine($"  GetEntity x{ThroughputMeasurement.Callers}: {getEntity:N0}/s; trivial call: {trivial:N0}/s");

        var freshness = await FreshnessMeasurement.RunAsync(entityClient, services.RelationshipClient(), queries, options.FreshnessTrials);
        log.WriteLine($"  freshness: {freshness.SeenWithToken}/{freshness.Trials} with token; lag without p50 {freshness.LagWithoutToken.P50:F1} ms");

        var memory = services.All.Select(s => (s.Name, s.Memory())).Select(m => (m.Name, m.Item2.Current, m.Item2.Peak)).ToList();
        memory.Add(("kg import (peak)", 0, entityResults.Concat(relationshipResults).Max(r => r.PeakRssBytes)));

        return new SizeResult
        {
            Entities = entityCount,
            Relationships = relationshipCount,
            ValidAtAsOf = csr.OutTarget.Length,
            Degrees = degrees,
            DatabaseBytes = Directory.GetFiles(dataPath).Sum(f => new FileInfo(f).Length),
            EntityImport = entityImport,
            RelationshipImport = relationshipImport,
            KgPeakRssBytes = entityResults.Concat(relationshipResults).Max(r => r.PeakRssBytes),
            ImportRejected = rejected,
            RawImport = raw,
            ProjectionLoadSeconds = loadSeconds,
            QueriesReady = queriesReady,
            FirstFindPaths = firstCalls,
            ProjectionState = projection.GetProperty("description").GetString() ?? "",
            Outgoing = outgoing,
            Both = both,
            Trace = trace,
            TrivialLatency = trivialLatency,
            GetEntityPerSecond = getEntity,
            TrivialPerSecond = trivial,
            Freshness = freshness,
            Memory = memory,
        };
    }

    /// <summary>
    /// One <c>kg import</c> process per file, in turn, then the wait until the store has built the
    /// secondary indexes it deferred. The time counts the calls and that build, not the idle quiet
    /// period before it (the store waits that long for a next call before it builds).
    /// </summary>
    private static async Task<(TimeSpan Elapsed, List<KgImportResult> Results)> ImportAsync(IReadOnlyList<string> files, string kind, RunningServices services, BenchTokens tokens, string dataPath, TextWriter log)
    {
        var watch = Stopwatch.StartNew();
        var results = new List<KgImportResult>();
        foreach (var file in files) results.Add(await KgImport.RunAsync(file, kind, services.Entities!, services.Relationships!, tokens.Token));
        var calls = watch.Elapsed;
        var options = new SqliteGraphStoreOptions(SqliteGraphStoreOptions.FileIn(dataPath));
        using var store = new SqliteGraphStore(options);
        while ((await store.MissingSecondaryIndexesAsync(CancellationToken.None)).Count > 0) await Task.Delay(100);
        var quiet = options.BulkImportQuietPeriod;
        var build = TimeSpan.FromTicks(Math.Max(0, (watch.Elapsed - calls - quiet).Ticks));
        log.WriteLine($"  kg import {kind}: calls {calls.TotalSeconds:F1} s, then the {quiet.TotalSeconds:F0} s quiet period and {build.TotalSeconds:F1} s until the store had built the indexes it deferred");
        return (calls + build, results);
    }

    /// <summary>Random pairs of distinct entities (FindPaths) and random roots (the trace), drawn in that order.</summary>
    private static (List<(int Source, int Target)> Pairs, List<int> Roots) Questions(Random random, BenchmarkOptions options, int entityCount)
    {
        var pairs = Enumerable.Range(0, options.Pairs).Select(_ => (random.Next(entityCount), random.Next(entityCount - 1)))
            .Select(p => (p.Item1, p.Item2 >= p.Item1 ? p.Item2 + 1 : p.Item2)).ToList();
        var roots = Enumerable.Range(0, options.Roots).Select(_ => random.Next(entityCount)).ToList();
        return (pairs, roots);
    }
}
