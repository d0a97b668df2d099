namespace KnowledgeGraph.FunctionalTests.Seed;

/// <summary>One seeded set of services shared by every test class that reads the seed graph (the tests only read it).</summary>
[CollectionDefinition(Name)]
public sealed class SeedGraphCollection : ICollectionFixture<SeedGraphFixture>
{
    public const string Name = "seed graph";
}
