namespace KnowledgeGraph.FunctionalTests.Infrastructure;

/// <summary>One set of running services shared by the functional tests; tests use distinct ids.</summary>
[CollectionDefinition(Name)]
public sealed class ServicesCollection : ICollectionFixture<SharedServices>
{
    public const string Name = "services";
}

public sealed class SharedServices : IAsyncLifetime
{
    public KnowledgeGraphServices Services { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Services = new KnowledgeGraphServices();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Services.DisposeAsync().AsTask();
}
