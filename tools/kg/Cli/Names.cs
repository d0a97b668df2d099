namespace KnowledgeGraph.Cli;

/// <summary>Accepts bare ids where resource names are expected: <c>japan</c> means <c>entities/japan</c>.</summary>
public static class Names
{
    public const string EntitiesPrefix = "entities/";
    public const string RelationshipsPrefix = "relationships/";

    public static string Entity(string nameOrId) =>
        nameOrId.Contains('/', StringComparison.Ordinal) ? nameOrId : EntitiesPrefix + nameOrId;

    public static bool IsRelationship(string name) => name.StartsWith(RelationshipsPrefix, StringComparison.Ordinal);

    /// <summary>The id part of a resource name, for display.</summary>
    public static string Id(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? name : name[(slash + 1)..];
    }
}
