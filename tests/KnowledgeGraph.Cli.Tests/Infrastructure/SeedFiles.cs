namespace KnowledgeGraph.Cli.Tests.Infrastructure;

/// <summary>data/seed, copied next to the test assembly.</summary>
public static class SeedFiles
{
    public static string Entities => Path.Combine(AppContext.BaseDirectory, "seed", "entities.jsonl");
    public static string Relationships => Path.Combine(AppContext.BaseDirectory, "seed", "relationships.jsonl");

    public static int EntityCount => CountLines(Entities);
    public static int RelationshipCount => CountLines(Relationships);

    private static int CountLines(string path) => File.ReadLines(path).Count(l => !string.IsNullOrWhiteSpace(l));
}
