using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Search;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Sqlite;

/// <summary>
/// The normalized search column (id, display name and aliases, '|'-separated so a match never
/// spans two fields) and the scoring of the rows it pre-selects.
/// </summary>
internal static class EntitySearchText
{
    public static string Build(Entity entity) =>
        string.Join('|', Fields(entity).Select(f => SearchText.Normalize(f.Text)));

    /// <summary>The best-matching field of <paramref name="entity"/>, or null when none matches.</summary>
    public static SearchResult? Score(Entity entity, string normalizedQuery)
    {
        SearchResult? best = null;
        foreach (var (field, text) in Fields(entity))
        {
            var score = SearchText.Score(normalizedQuery, text);
            if (score > 0 && (best is null || score > best.Score))
                best = new SearchResult { Entity = entity, Score = score, MatchedField = field, MatchedText = text };
        }
        return best;
    }

    private static IEnumerable<(string Field, string Text)> Fields(Entity entity)
    {
        yield return ("display_name", entity.DisplayName);
        foreach (var alias in entity.Aliases) yield return ("alias", alias);
        if (ResourceNames.TryParseEntity(entity.Name, out var id)) yield return ("id", id);
    }
}
