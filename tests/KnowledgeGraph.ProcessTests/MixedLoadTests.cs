using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.V1;
using Xunit.Abstractions;

namespace KnowledgeGraph.ProcessTests;

/// <summary>
/// 64 callers for <c>KG_LOAD_SECONDS</c> (default 10; the documented run is 60) against the three
/// services as processes: reads, searches, paths, traces, writes with etags and imports, mixed. Every
/// answer must be OK or a status the mix expects (ABORTED for an etag collision, UNAVAILABLE with retry
/// advice for a busy store); the report gives each method's calls per second and p50/p99 latency.
/// It asserts no speed: these machines are shared; the figures are for the report.
/// </summary>
public sealed class MixedLoadTests(ITestOutputHelper output)
{
    private const int Callers = 64;

    private static TimeSpan Duration =>
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("KG_LOAD_SECONDS"), out var seconds) && seconds > 0 ? seconds : 10);

    [Fact]
    public async Task Sixty_four_callers_of_every_kind_get_only_expected_statuses()
    {
        var data = Directory.CreateTempSubdirectory("kg-load-").FullName;
        try
        {
            await using var entityService = await ServiceProcess.StartAsync("Entities.Api", data);
            await using var relationshipService = await ServiceProcess.StartAsync("Relationships.Api", data);
            await using var queryService = await ServiceProcess.StartAsync("Queries.Api", data);
            var entities = new EntityService.EntityServiceClient(entityService.Channel);
            var relationships = new RelationshipService.RelationshipServiceClient(relationshipService.Channel);
            var queries = new QueryService.QueryServiceClient(queryService.Channel);
            // The setup reads its own writes, as a client would: one query carrying the last import's token
            // waits until the Queries service's projection holds every batch the load asks about.
            var setup = new ConsistencySession();
            for (var batch = 0; batch < 4; batch++)
            {
                await ImportBatches.ImportEntitiesAsync(new EntityService.EntityServiceClient(entityService.Channel.Intercept(setup)), batch, CancellationToken.None);
                await ImportBatches.ImportRelationshipsAsync(new RelationshipService.RelationshipServiceClient(relationshipService.Channel.Intercept(setup)), batch, CancellationToken.None);
            }
            await new QueryService.QueryServiceClient(queryService.Channel.Intercept(setup)).TraceDependenciesAsync(
                new TraceDependenciesRequest { Root = ImportBatches.EntityName(3, 0), Direction = TraceDirection.Upstream });

            var latencies = new ConcurrentDictionary<string, ConcurrentBag<double>>();
            var unexpected = new ConcurrentBag<string>();
            var expected = new ConcurrentDictionary<StatusCode, int>();
            var until = Stopwatch.StartNew();
            var nextImport = 100;
            await Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
            {
                var random = new Random(caller);
                while (until.Elapsed < Duration)
                {
                    var (method, call) = Pick(random, caller);
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        await call();
                        latencies.GetOrAdd(method, _ => []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                    catch (RpcException e) when (e.StatusCode == StatusCode.Aborted && method == "UpdateEntity"
                        || e.StatusCode == StatusCode.Unavailable && e.GetRpcStatus()?.GetDetail<Google.Rpc.RetryInfo>() is not null)
                    {
                        expected.AddOrUpdate(e.StatusCode, 1, (_, n) => n + 1);
                    }
                    catch (RpcException e)
                    {
                        unexpected.Add($"{method}: {e.StatusCode} {e.Status.Detail}");
                    }
                }
            })));

            (string, Func<Task>) Pick(Random random, int caller)
            {
                var batch = random.Next(4);
                var row = random.Next(ImportBatches.Size);
                return random.Next(100) switch
                {
                    < 35 => ("GetEntity", async () => await entities.GetEntityAsync(new GetEntityRequest { Name = ImportBatches.EntityName(batch, row) })),
                    < 45 => ("ListRelationships", async () => await relationships.ListRelationshipsAsync(new ListRelationshipsRequest { PageSize = 50 })),
                    < 55 => ("SearchEntities", async () => await queries.SearchEntitiesAsync(new SearchEntitiesRequest { Query = $"company {batch}-{row / 10}" })),
                    < 70 => ("FindPaths", async () => await queries.FindPathsAsync(new FindPathsRequest
                    {
                        Source = ImportBatches.EntityName(batch, row), Target = ImportBatches.EntityName(batch, Math.Min(ImportBatches.Size - 1, row + 5)),
                    })),
                    < 85 => ("TraceDependencies", async () => await queries.TraceDependenciesAsync(new TraceDependenciesRequest
                    {
                        Root = ImportBatches.EntityName(batch, row), Direction = TraceDirection.Upstream, MaxDepth = 4,
                    })),
                    < 98 => ("UpdateEntity", async () =>
                    {
                        var current = await entities.GetEntityAsync(new GetEntityRequest { Name = ImportBatches.EntityName(batch, row % 20) });
                        current.Description = $"updated by caller {caller}";
                        await entities.UpdateEntityAsync(new UpdateEntityRequest { Entity = current });
                    }),
                    _ => ("ImportEntities", async () => await ImportBatches.ImportEntitiesAsync(entities, Interlocked.Increment(ref nextImport), CancellationToken.None)),
                };
            }

            var seconds = until.Elapsed.TotalSeconds;
            var lines = new List<string> { $"load: {Callers} callers for {seconds:0} s against three service processes" };
            lines.AddRange(latencies.OrderBy(m => m.Key).Select(m =>
            {
                var sorted = m.Value.Order().ToArray();
                return $"  {m.Key,-18} {sorted.Length / seconds,8:0.0} calls/s  p50 {sorted[sorted.Length / 2],8:0.0} ms  p99 {sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * 0.99))],8:0.0} ms";
            }));
            lines.Add($"  expected refusals: {string.Join(", ", expected.Select(e => $"{e.Key} {e.Value}"))}; unexpected: {unexpected.Count}");
            foreach (var line in lines)
            {
                output.WriteLine(line);
                Console.WriteLine(line);
            }
            Assert.True(unexpected.IsEmpty, string.Join("\n", unexpected.Take(20)));
            Assert.Equal(7, latencies.Count); // every kind of call got through at least once
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
