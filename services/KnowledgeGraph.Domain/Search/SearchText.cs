using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Domain.Search;

/// <summary>
/// Case- and accent-insensitive matching for SearchEntities, shared by every store so they rank alike.
/// </summary>
public static class SearchText
{
    /// <summary>Lower case, accents removed, runs of non-alphanumerics folded to one space, trimmed.</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0) builder.Append(' ');
                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else pendingSpace = true;
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// How well <paramref name="candidate"/> matches the normalized <paramref name="query"/>:
    /// 1 exact, 0.8 prefix, 0.6 a word starts with it, 0.4 contains it, 0 no match.
    /// </summary>
    public static double Score(string normalizedQuery, string candidate) => ScoreNormalized(normalizedQuery, Normalize(candidate));

    /// <summary><see cref="Score"/> of a candidate that is normalized already.</summary>
    public static double ScoreNormalized(string normalizedQuery, string text)
    {
        if (normalizedQuery.Length == 0) return 0;
        if (text == normalizedQuery) return 1.0;
        if (text.StartsWith(normalizedQuery, StringComparison.Ordinal)) return 0.8;
        if (text.Contains(" " + normalizedQuery, StringComparison.Ordinal)) return 0.6;
        if (text.Contains(normalizedQuery, StringComparison.Ordinal)) return 0.4;
        return 0;
    }
}
