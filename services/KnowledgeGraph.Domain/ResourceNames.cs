using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace KnowledgeGraph.Domain;

/// <summary>Resource names: <c>entities/{id}</c> and <c>relationships/{id}</c>.</summary>
public static partial class ResourceNames
{
    public const string EntitiesCollection = "entities";
    public const string RelationshipsCollection = "relationships";
    public const string EntityType = "knowledgegraph.v1.Entity";
    public const string RelationshipType = "knowledgegraph.v1.Relationship";

    /// <summary>Ids are lower-case slugs: <c>[a-z0-9][a-z0-9-]{0,62}</c>.</summary>
    public const string IdPattern = "[a-z0-9][a-z0-9-]{0,62}";

    [GeneratedRegex("^" + IdPattern + "$", RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();

    public static bool IsValidId([NotNullWhen(true)] string? id) => id is not null && IdRegex().IsMatch(id);

    public static string Entity(string id) => $"{EntitiesCollection}/{id}";
    public static string Relationship(string id) => $"{RelationshipsCollection}/{id}";

    public static bool TryParseEntity(string? name, [NotNullWhen(true)] out string? id) => TryParse(name, EntitiesCollection, out id);
    public static bool TryParseRelationship(string? name, [NotNullWhen(true)] out string? id) => TryParse(name, RelationshipsCollection, out id);

    public static bool IsEntityName(string? name) => TryParseEntity(name, out _);
    public static bool IsRelationshipName(string? name) => TryParseRelationship(name, out _);

    private static bool TryParse(string? name, string collection, [NotNullWhen(true)] out string? id)
    {
        id = null;
        if (name is null || name.Length <= collection.Length + 1 || !name.StartsWith(collection, StringComparison.Ordinal) || name[collection.Length] != '/')
            return false;
        var candidate = name[(collection.Length + 1)..];
        if (!IsValidId(candidate)) return false;
        id = candidate;
        return true;
    }
}
