using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using KnowledgeGraph.ImportBench;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

// Usage: KnowledgeGraph.ImportBench --bin DIR [--entities N] [--work DIR]
//   DIR holds the Release builds in Entities.Api/, Relationships.Api/ and kg/ (bench/import/run makes it).
var options = Options.Parse(args);
var entities = options.Int("--entities", 100_000);
var bin = options.Required("--bin");
var work = Path.GetFullPath(options.Text("--work", Path.Combine(Path.GetTempPath(), "kg-import-bench")));
if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
Directory.CreateDirectory(work);

var network = new SupplyNetwork(entities);
var entitiesCsv = Path.Combine(work, "entities.csv");
var relationshipsCsv = Path.Combine(work, "relationships.csv");
network.WriteEntities(entitiesCsv);
network.WriteRelationships(relationshipsCsv);
Console.Error.WriteLine($"generated {network.EntityCount:N0} entities and {network.RelationshipCount:N0} relationships in {work}");

const string issuer = "https://import-bench.knowledge-graph.invalid";
const string audience = "knowledge-graph";
var key = RandomNumberGenerator.GetBytes(32);
var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
{
    Issuer = issuer,
    Audience = audience,
    Claims = new Dictionary<string, object> { ["sub"] = "import-bench", ["scope"] = "graph.read graph.write graph.admin" },
    Expires = DateTime.UtcNow.AddHours(4),
    SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
});
var serviceEnvironment = new Dictionary<string, string>
{
    ["KnowledgeGraph__Store"] = "Embedded",
    ["KnowledgeGraph__DataPath"] = Path.Combine(work, "store"),
    ["Authentication__Schemes__Bearer__ValidIssuer"] = issuer,
    ["Authentication__Schemes__Bearer__ValidAudiences__0"] = audience,
    ["Authentication__Schemes__Bearer__SigningKeys__0__Issuer"] = issuer,
    ["Authentication__Schemes__Bearer__SigningKeys__0__Value"] = Convert.ToBase64String(key),
};

JsonElement report;
double wallSeconds;
long entitiesPeak, relationshipsPeak;
TimeSpan kgCpu, entitiesCpu, relationshipsCpu;
await using (var entitiesService = await ServiceProcess.StartAsync(Path.Combine(bin, "Entities.Api", "Entities.Api.dll"), 5581, 5580, serviceEnvironment))
await using (var relationshipsService = await ServiceProcess.StartAsync(Path.Combine(bin, "Relationships.Api", "Relationships.Api.dll"), 5591, 5590, serviceEnvironment))
{
    var kg = new ProcessStartInfo("dotnet", [Path.Combine(bin, "kg", "kg.dll"), "import", entitiesCsv, relationshipsCsv, "--json"])
    {
        RedirectStandardOutput = true,
        UseShellExecute = false,
    };
    kg.Environment["KG_ENTITIES_URL"] = entitiesService.GrpcUrl;
    kg.Environment["KG_RELATIONSHIPS_URL"] = relationshipsService.GrpcUrl;
    kg.Environment["KG_TOKEN"] = token;
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(kg)!;
    var output = await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    wallSeconds = clock.Elapsed.TotalSeconds;
    if (process.ExitCode != 0) throw new InvalidOperationException($"kg import exited with {process.ExitCode}:\n{output}");
    report = JsonDocument.Parse(output).RootElement.Clone();
    entitiesPeak = entitiesService.PeakMegabytes();
    relationshipsPeak = relationshipsService.PeakMegabytes();
    kgCpu = CpuTime.OfFinishedChildren();
    entitiesCpu = CpuTime.OfProcess(entitiesService.ProcessId);
    relationshipsCpu = CpuTime.OfProcess(relationshipsService.ProcessId);
}
var storeBytes = Directory.GetFiles(Path.Combine(work, "store")).Sum(f => new FileInfo(f).Length);

Console.Error.WriteLine("raw SQLite peer ...");
var peerCpu = Process.GetCurrentProcess().TotalProcessorTime;
var (rawEntities, rawRelationships) = await RawSqlitePeer.RunAsync(Path.Combine(work, "raw.db"), network, entitiesCsv, relationshipsCsv);

peerCpu = Process.GetCurrentProcess().TotalProcessorTime - peerCpu;
var importCpu = kgCpu + entitiesCpu + relationshipsCpu;
var rows = network.EntityCount + network.RelationshipCount;

double Rate(string kind) => report.GetProperty(kind).GetProperty("rowsPerSecond").GetDouble();
int Created(string kind) => report.GetProperty(kind).GetProperty("created").GetInt32();
string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
Console.WriteLine($"""
    | {N(network.EntityCount)} entities, {N(network.RelationshipCount)} relationships | `kg import` (end to end) | raw SQLite prepared inserts, same schema | ratio |
    |---|---|---|---|
    | entities/s | {N(Rate("entities"))} | {N(rawEntities)} | {Rate("entities") / rawEntities:0.00} |
    | relationships/s | {N(Rate("relationships"))} | {N(rawRelationships)} | {Rate("relationships") / rawRelationships:0.00} |

    | all rows per CPU-second | {N(rows / importCpu.TotalSeconds)} | {N(rows / peerCpu.TotalSeconds)} | {rows / importCpu.TotalSeconds / (rows / peerCpu.TotalSeconds):0.00} |

    CPU time of the import: kg {kgCpu.TotalSeconds:0.0} s, Entities service {entitiesCpu.TotalSeconds:0.0} s, Relationships service {relationshipsCpu.TotalSeconds:0.0} s (services including start-up); peer {peerCpu.TotalSeconds:0.0} s;
    load average at the end: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (rows/s are wall-clock rates: on a loaded machine compare the CPU-second line).
    created {N(Created("entities"))} entities and {N(Created("relationships"))} relationships; kg wall time {wallSeconds:0.0} s;
    peak RSS: Entities service {entitiesPeak} MB, Relationships service {relationshipsPeak} MB; store files {storeBytes / 1_048_576} MB;
    machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}.
    """);

/// <summary>The few options of this command: <c>--name value</c> pairs.</summary>
internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(string[] args) =>
        new(Enumerable.Range(0, args.Length / 2).ToDictionary(i => args[2 * i], i => args[2 * i + 1], StringComparer.Ordinal));

    public string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public int Int(string name, int fallback) => values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public string Required(string name) => values.TryGetValue(name, out var text) ? text : throw new ArgumentException($"{name} is required");
}
