using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Search;

/// <summary>
/// What SearchEntities means, for every store: an entity matches through its display name, its
/// aliases or its id, compared with <see cref="SearchText"/>; its score is its best field's.
/// </summary>
public static class EntitySearch
{
    public const string DisplayNameField = "display_name";
    public const string AliasField = "alias";
    public const string IdField = "id";

    private const char FieldSeparator = '|';

    /// <summary>
    /// The text a store indexes an entity under: each searchable field normalized, '|'-separated so
    /// that a match never spans two fields. A store finds candidates by substring in it.
    /// </summary>
    public static string IndexOf(Entity entity) =>
        string.Join(FieldSeparator, Fields(entity).Select(f => SearchText.Normalize(f.Text)));

    /// <summary>The score of the best field of an indexed text (0: no match).</summary>
    public static double ScoreIndexed(string normalizedQuery, string searchText)
    {
        var best = 0.0;
        foreach (var field in searchText.Split(FieldSeparator))
            best = Math.Max(best, SearchText.ScoreNormalized(normalizedQuery, field));
        return best;
    }

    /// <summary>The entity's best-matching field as a result, or null when none matches.</summary>
    public static SearchResult? Match(Entity entity, string normalizedQuery)
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

    /// <summary>Results in ranking order: higher score first, then by entity name.</summary>
    public static int Compare(double scoreA, string nameA, double scoreB, string nameB) =>
        scoreB.CompareTo(scoreA) is var byScore and not 0 ? byScore : string.CompareOrdinal(nameA, nameB);

    private static IEnumerable<(string Field, string Text)> Fields(Entity entity)
    {
        yield return (DisplayNameField, entity.DisplayName);
        foreach (var alias in entity.Aliases) yield return (AliasField, alias);
        if (ResourceNames.TryParseEntity(entity.Name, out var id)) yield return (IdField, id);
    }
}
