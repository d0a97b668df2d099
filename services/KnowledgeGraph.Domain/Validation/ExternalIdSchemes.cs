using System.Text.RegularExpressions;

namespace KnowledgeGraph.Domain.Validation;

/// <summary>The formats of the external id schemes the ontology may name.</summary>
public static partial class ExternalIdSchemes
{
    public const string Iso3166Alpha2 = "iso3166_alpha2";
    public const string Lei = "lei";
    public const string Wikidata = "wikidata";

    [GeneratedRegex("^[A-Z]{2}$")] private static partial Regex Iso3166Regex();
    [GeneratedRegex("^[A-Z0-9]{18}[0-9]{2}$")] private static partial Regex LeiRegex();
    [GeneratedRegex("^Q[1-9][0-9]*$")] private static partial Regex WikidataRegex();

    /// <summary>Null when the value is well formed for its scheme, otherwise what is wrong.</summary>
    public static string? Check(string scheme, string value) => scheme switch
    {
        Iso3166Alpha2 => Iso3166Regex().IsMatch(value) ? null : "an ISO 3166-1 alpha-2 code is two upper-case letters, for example JP",
        Lei => LeiRegex().IsMatch(value) ? null : "an LEI is 18 upper-case letters or digits followed by 2 check digits",
        Wikidata => WikidataRegex().IsMatch(value) ? null : "a Wikidata id is Q followed by digits, for example Q17",
        _ => string.IsNullOrWhiteSpace(value) ? "must not be empty" : null,
    };
}
