namespace KnowledgeGraph.Cli.Tests.Infrastructure;

/// <summary>Services loaded once with the seed graph through <c>kg import</c>; read-only tests share them.</summary>
public sealed class SeededServices : IAsyncLifetime
{
    public CliServices Cli { get; } = new();

    public CliResult SeedImport { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        SeedImport = await Cli.KgAsync("import", SeedFiles.Entities, SeedFiles.Relationships);
        if (SeedImport.ExitCode != 0) throw new InvalidOperationException($"Seeding failed: {SeedImport}");
    }

    public Task DisposeAsync() => Cli.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class SeededCollection : ICollectionFixture<SeededServices>
{
    public const string Name = "seeded services";
}
