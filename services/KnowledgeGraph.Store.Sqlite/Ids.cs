using KnowledgeGraph.Domain;

namespace KnowledgeGraph.Store.Sqlite;

/// <summary>Rows are found by id (a unique index; their integer keys never leave the SQL); the API speaks resource names. Both sort alike.</summary>
internal static class Ids
{
    // A name that does not parse is kept whole: it then matches no row.
    public static string OfEntity(string name) => ResourceNames.TryParseEntity(name, out var id) ? id : name;

    public static string OfRelationship(string name) => ResourceNames.TryParseRelationship(name, out var id) ? id : name;

    /// <summary>The id after which a page starts; null for the first page.</summary>
    public static string AfterId(string? afterName, Func<string, string> ofName) =>
        string.IsNullOrEmpty(afterName) ? "" : ofName(afterName);

    /// <summary>A JSON array for <c>json_each</c>, so a list of any length binds as one parameter.</summary>
    public static string JsonArray(IEnumerable<string> values) => System.Text.Json.JsonSerializer.Serialize(values);
}
