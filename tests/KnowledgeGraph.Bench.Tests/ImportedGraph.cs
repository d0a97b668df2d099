using System.Text.Json;
using Grpc.Core;
using KnowledgeGraph.Protocol;
using KnowledgeGraph.Bench.Generation;
using KnowledgeGraph.Cli.Tests.Infrastructure;

namespace KnowledgeGraph.Bench.Tests;

/// <summary>
/// A small generated supply network with hubs, written as JSONL and imported with the real
/// <c>kg import</c> into the three services over a fresh SQLite store; shared by the tests of a class.
/// </summary>
public sealed class ImportedGraph : IAsyncLifetime
{
    public static readonly DateTimeOffset AsOf = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly string _files = Directory.CreateTempSubdirectory("kg-bench-tests-").FullName;

    public GeneratedGraph Graph { get; } = SupplyNetworkGenerator.Generate(new SupplyNetworkOptions(Entities: 240, Relationships: 900, Seed: 11));
    public CliServices Cli { get; } = new();

    /// <summary>Call headers carrying the import's consistency token: a query waits until the projection has every row.</summary>
    public Metadata ReadTheImport { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var (entities, relationships) = JsonlFiles.Write(Graph, _files);
        var result = await Cli.KgAsync(["import", .. entities, .. relationships, "--json"]);
        if (result.ExitCode != 0) throw new InvalidOperationException($"kg import failed: {result}");
        using var report = JsonDocument.Parse(result.Out);
        var created = report.RootElement.GetProperty("entities").GetProperty("created").GetInt32() + report.RootElement.GetProperty("relationships").GetProperty("created").GetInt32();
        if (created != Graph.EntityCount + Graph.RelationshipCount) throw new InvalidOperationException($"kg import created {created} rows: {result}");
        ReadTheImport = new Metadata { { ApiHeaders.ConsistencyToken, report.RootElement.GetProperty("consistencyToken").GetString()! } };
    }

    public async Task DisposeAsync()
    {
        await Cli.DisposeAsync();
        Directory.Delete(_files, recursive: true);
    }
}
