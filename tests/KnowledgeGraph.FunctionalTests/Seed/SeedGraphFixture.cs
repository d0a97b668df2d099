using Google.Protobuf;
using Grpc.Core;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.FunctionalTests.Seed;

/// <summary>
/// The three services on a fresh SQLite store, loaded with data/seed/ through the public
/// client-streaming import RPCs, the way the AppHost's seeding resource loads it. Fails to start
/// when the import rejects any row, so every test sees the whole seed graph.
/// </summary>
public sealed class SeedGraphFixture : IAsyncLifetime
{
    public const string ConsistencyHeader = "x-kg-consistency-token";

    /// <summary>Rows per import batch; the API accepts at most 1000.</summary>
    private const int BatchSize = 1000;

    public KnowledgeGraphServices Services { get; private set; } = null!;

    /// <summary>The directory holding entities.jsonl and relationships.jsonl.</summary>
    public static string SeedDirectory { get; } = FindSeedDirectory();

    public IReadOnlyList<Entity> SeedEntities { get; private set; } = [];
    public IReadOnlyList<Relationship> SeedRelationships { get; private set; } = [];

    public ImportSummary EntityImport { get; private set; } = null!;
    public ImportSummary RelationshipImport { get; private set; } = null!;

    /// <summary>Request metadata carrying the relationship import's consistency token, so reads see the whole seed.</summary>
    public Metadata AfterImport { get; private set; } = new();

    public async Task InitializeAsync()
    {
        SeedEntities = ReadJsonLines<Entity>("entities.jsonl");
        SeedRelationships = ReadJsonLines<Relationship>("relationships.jsonl");
        Services = new KnowledgeGraphServices();

        string entitiesToken;
        (EntityImport, entitiesToken) = await ImportAsync(
            Services.Entities.ImportEntities(),
            SeedEntities.Chunk(BatchSize).Select(batch => new ImportEntitiesRequest { Entities = { batch } }));
        ThrowIfRejected("entities.jsonl", EntityImport);

        string relationshipsToken;
        (RelationshipImport, relationshipsToken) = await ImportAsync(
            Services.Relationships.ImportRelationships(new Metadata { { ConsistencyHeader, entitiesToken } }),
            SeedRelationships.Chunk(BatchSize).Select(batch => new ImportRelationshipsRequest { Relationships = { batch } }));
        ThrowIfRejected("relationships.jsonl", RelationshipImport);

        AfterImport = new Metadata { { ConsistencyHeader, relationshipsToken } };
    }

    public async Task DisposeAsync()
    {
        if (Services is not null) await Services.DisposeAsync();
    }

    private static async Task<(ImportSummary Summary, string Token)> ImportAsync<TRequest>(
        AsyncClientStreamingCall<TRequest, ImportSummary> call, IEnumerable<TRequest> batches)
    {
        using (call)
        {
            foreach (var batch in batches) await call.RequestStream.WriteAsync(batch);
            await call.RequestStream.CompleteAsync();
            var summary = await call.ResponseAsync;
            var token = (await call.ResponseHeadersAsync).GetValue(ConsistencyHeader);
            if (string.IsNullOrEmpty(token)) throw new InvalidOperationException("The import returned no consistency token.");
            return (summary, token);
        }
    }

    private static void ThrowIfRejected(string file, ImportSummary summary)
    {
        if (summary.Rejected == 0 && summary.Errors.Count == 0) return;
        var rows = string.Join(Environment.NewLine, summary.Errors.Select(e => $"  row {e.Row} {e.Name}: {e.Code} {e.Reason} {e.Message}"));
        throw new InvalidOperationException($"Importing data/seed/{file} rejected {summary.Rejected} row(s):{Environment.NewLine}{rows}");
    }

    private static List<T> ReadJsonLines<T>(string file) where T : IMessage<T>, new()
    {
        var rows = new List<T>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(Path.Combine(SeedDirectory, file)))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try { rows.Add(JsonParser.Default.Parse<T>(line)); }
            catch (InvalidProtocolBufferException e) { throw new InvalidOperationException($"data/seed/{file}:{lineNumber}: {e.Message}", e); }
        }
        return rows;
    }

    private static string FindSeedDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KnowledgeGraph.sln")))
                return Path.Combine(directory.FullName, "data", "seed");
        }
        throw new InvalidOperationException($"No KnowledgeGraph.sln above {AppContext.BaseDirectory}, so data/seed cannot be found.");
    }
}
