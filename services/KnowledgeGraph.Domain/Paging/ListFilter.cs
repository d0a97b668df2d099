using System.Text.RegularExpressions;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Protocol;

namespace KnowledgeGraph.Domain.Paging;

/// <summary>
/// The AIP-160 subset the List methods accept: equality terms joined by AND, for example
/// <c>type = "SUPPLIES" AND entity = "entities/japan"</c>. Values may be quoted or bare.
/// </summary>
public static partial class ListFilter
{
    [GeneratedRegex("""^\s*(?<field>[a-z_]+)\s*=\s*(?:"(?<quoted>(?:[^"\\]|\\.)*)"|(?<bare>[^\s"]+))\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex TermRegex();

    [GeneratedRegex(@"\s+AND\s+", RegexOptions.CultureInvariant)]
    private static partial Regex AndRegex();

    /// <summary>Parses <paramref name="filter"/> into field → value; INVALID_ARGUMENT on anything else.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string? filter, IReadOnlyCollection<string> allowedFields)
    {
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(filter)) return terms;
        if (filter.Length > Limits.MaxFilterLength)
            throw Invalid($"at most {Limits.MaxFilterLength} characters");

        foreach (var term in AndRegex().Split(filter))
        {
            var match = TermRegex().Match(term);
            if (!match.Success)
                throw Invalid($"'{term.Trim()}' is not a term of the form field = \"value\"; join terms with AND. Fields: {string.Join(", ", allowedFields)}");
            var field = match.Groups["field"].Value;
            if (!allowedFields.Contains(field))
                throw Invalid($"unknown field '{field}'; fields: {string.Join(", ", allowedFields)}");
            var value = match.Groups["quoted"].Success ? Unescape(match.Groups["quoted"].Value) : match.Groups["bare"].Value;
            if (!terms.TryAdd(field, value))
                throw Invalid($"field '{field}' appears twice");
        }
        return terms;
    }

    private static string Unescape(string quoted)
    {
        try { return Regex.Unescape(quoted); }
        catch (ArgumentException) { throw Invalid($"\"{quoted}\" holds an invalid escape sequence; escape a quote as \\\" and a backslash as \\\\"); }
    }

    private static GraphException Invalid(string description) =>
        GraphException.InvalidArgument(ErrorReasons.InvalidFilter, "filter", description);
}
