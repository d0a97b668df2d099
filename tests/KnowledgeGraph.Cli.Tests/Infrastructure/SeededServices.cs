namespace KnowledgeGraph.Cli.Tests.Infrastructure;

/// <summary>
/// Services loaded once with the seed graph through <c>kg import</c>; read-only tests share them. The
/// Queries service answers from a projection that follows the store's change feed, so the fixture
/// asks one question with the import's consistency token before any test runs: every later read
/// then sees the whole seed, as a client that carries the token would.
/// </summary>
public sealed class SeededServices : IAsyncLifetime
{
    public CliServices Cli { get; } = new();

    public CliResult SeedImport { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        SeedImport = await Cli.KgAsync("import", SeedFiles.Entities, SeedFiles.Relationships, "--json");
        if (SeedImport.ExitCode != 0) throw new InvalidOperationException($"Seeding failed: {SeedImport}");
        var token = System.Text.Json.JsonDocument.Parse(SeedImport.Out).RootElement.GetProperty("consistencyToken").GetString();
        var caughtUp = await Cli.KgAsync("trace", "japan", "--upstream", "--consistency-token", token!);
        if (caughtUp.ExitCode != 0) throw new InvalidOperationException($"The Queries service did not catch up with the seed: {caughtUp}");
    }

    public Task DisposeAsync() => Cli.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class SeededCollection : ICollectionFixture<SeededServices>
{
    public const string Name = "seeded services";
}
