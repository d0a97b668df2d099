using System.Diagnostics;
using KnowledgeGraph.Application;
using KnowledgeGraph.Application.Queries;
using KnowledgeGraph.Application.Reads;
using KnowledgeGraph.Application.Writes;
using KnowledgeGraph.Bench;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.Protocol;
using KnowledgeGraph.Store;
using KnowledgeGraph.Store.Sqlite;
using KnowledgeGraph.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// dotnet run -c Release --project bench/KnowledgeGraph.Bench [companies] [query-runs]
var companies = args.Length > 0 ? int.Parse(args[0]) : 20_000;
var runs = args.Length > 1 ? int.Parse(args[1]) : 200;
var graph = new SyntheticGraph(companies, suppliersPerCompany: 3, seed: 42);
var ontology = GraphOntology.Default;
var directory = Directory.CreateTempSubdirectory("kg-bench-");
var store = new SqliteGraphStore(new SqliteGraphStoreOptions(Path.Combine(directory.FullName, "graph.db")));
await store.InitializeAsync(CancellationToken.None);
await using var application = new ServiceCollection().AddSingleton<IGraphStore>(store).AddKnowledgeGraphApplication(new ConfigurationBuilder().Build()).BuildServiceProvider();
var entityWrites = application.GetRequiredService<ResourceWrites<Entity>>();
var relationshipWrites = application.GetRequiredService<ResourceWrites<Relationship>>();
var entityReads = application.GetRequiredService<ResourceReads<Entity>>();
var queries = application.GetRequiredService<QueryHandler>();
Console.WriteLine($"Graph: {graph.Entities.Count} companies, {graph.Relationships.Count} SUPPLIES relationships; {runs} query runs; {Environment.ProcessorCount} cores");

async Task<double> ImportAsync<T>(List<T> rows, Func<IAsyncEnumerable<IList<T>>, Task> import)
{
    var started = Stopwatch.GetTimestamp();
    await import(rows.Chunk(Limits.MaxBatchSize).Select(batch => (IList<T>)batch).ToAsyncEnumerable());
    return rows.Count / Stopwatch.GetElapsedTime(started).TotalSeconds;
}

var entityRate = await ImportAsync(graph.Entities, batches => entityWrites.ImportAsync(batches, CallContext.None));
var relationshipRate = await ImportAsync(graph.Relationships, batches => relationshipWrites.ImportAsync(batches, CallContext.None));
var unchangedRate = await ImportAsync(graph.Relationships, batches => relationshipWrites.ImportAsync(batches, CallContext.None));
Console.WriteLine($"Import (batches of {Limits.MaxBatchSize}, one transaction each): entities {entityRate:F0} rows/s, relationships {relationshipRate:F0} rows/s, unchanged re-import {unchangedRate:F0} rows/s");

var random = new Random(7);
var roots = Enumerable.Range(0, runs).Select(_ => $"entities/c{random.Next(companies)}").ToList();
var pairs = roots.Select(r => (Source: r, Target: $"entities/c{random.Next(companies)}")).ToList();
var asOf = DateTimeOffset.UtcNow;
var budget = TraversalBudget.Default;
var memory = new InMemoryReader(graph);

TraceQuery Trace(string root) => new(root, TraceDirection.Upstream, null, 6, 0.001, 100, asOf, budget);
PathQuery Paths((string Source, string Target) pair) => new(pair.Source, pair.Target, new HashSet<string>(), Direction.Outgoing, 6, 10, PathMode.Shortest, asOf, budget);

TraceDependenciesRequest TraceRequest(string root) => new() { Root = root, Direction = TraceDirection.Upstream, MaxDepth = 6, MinExposure = 0.001 };
FindPathsRequest PathsRequest((string Source, string Target) pair) => new() { Source = pair.Source, Target = pair.Target, MaxDepth = 6 };

var scenarios = new (string Name, Func<Task<double[]>> Sqlite, Func<Task<double[]>> Memory)[]
{
    ("GetEntity", () => Measure.TimesAsync(roots, r => entityReads.GetAsync(r, CallContext.None)), () => Measure.TimesAsync(roots, r => memory.GetEntitiesAsync([r], CancellationToken.None))),
    ("TraceDependencies upstream, depth 6, min_exposure 0.001", () => Measure.TimesAsync(roots, r => queries.TraceDependenciesAsync(TraceRequest(r), CallContext.None)), () => Measure.TimesAsync(roots, r => GraphTraversal.TraceDependenciesAsync(memory, Trace(r), ontology, CancellationToken.None))),
    ("FindPaths shortest, depth 6", () => Measure.TimesAsync(pairs, p => queries.FindPathsAsync(PathsRequest(p), CallContext.None)), () => Measure.TimesAsync(pairs, p => GraphTraversal.FindPathsAsync(memory, Paths(p), ontology, CancellationToken.None))),
};

Console.WriteLine();
Console.WriteLine("| query | SQLite median ms | SQLite p95 ms | in-memory median ms | ratio (SQLite / in-memory) |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var (name, sqlite, inMemory) in scenarios)
{
    var s = await sqlite();
    var m = await inMemory();
    Console.WriteLine($"| {name} | {Measure.Median(s):F3} | {Measure.P95(s):F3} | {Measure.Median(m):F3} | {Measure.Median(s) / Measure.Median(m):F1} |");
}

var sample = await queries.TraceDependenciesAsync(TraceRequest(roots[0]), CallContext.None);
var baseline = await GraphTraversal.TraceDependenciesAsync(memory, Trace(roots[0]), ontology, CancellationToken.None);
Console.WriteLine();
Console.WriteLine($"Same answer from both readers: {sample.Dependencies.Count == baseline.Dependencies.Count && sample.Dependencies.Zip(baseline.Dependencies).All(p => p.First.Entity.Name == p.Second.Entity.Name && Math.Abs(p.First.Exposure - p.Second.Exposure) < 1e-12)} ({sample.Dependencies.Count} providers reached from {roots[0]})");
Console.WriteLine($"Database file: {new FileInfo(Path.Combine(directory.FullName, "graph.db")).Length / 1024 / 1024} MiB; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB");

store.Dispose();
directory.Delete(recursive: true);
