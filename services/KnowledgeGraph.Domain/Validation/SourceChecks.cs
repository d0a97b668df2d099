using System.Text.RegularExpressions;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Protocol;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Validation;

/// <summary>A source names its document (an id or an http(s) URL), may quote it, and has a confidence in [0, 1].</summary>
internal static partial class SourceChecks
{
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:/-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentIdRegex();

    /// <summary>What is wrong with a source: a length over its limit is FIELD_TOO_LONG, like every other string's; anything else INVALID_SOURCE.</summary>
    public static IEnumerable<(string Field, string Description, string Reason)> Check(Source source)
    {
        if (string.IsNullOrWhiteSpace(source.Document))
            yield return ("document", "is required: a document id or an http(s) URL", ErrorReasons.InvalidSource);
        else if (source.Document.Length > Limits.MaxDocumentLength)
            yield return ("document", $"at most {Limits.MaxDocumentLength} characters", ErrorReasons.FieldTooLong);
        else if (source.Document.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(source.Document, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                yield return ("document", "a URL must be an absolute http or https URL", ErrorReasons.InvalidSource);
        }
        else if (!DocumentIdRegex().IsMatch(source.Document))
            yield return ("document", "a document id may hold letters, digits and . _ : / - only", ErrorReasons.InvalidSource);

        if (source.Quote.Length > Limits.MaxQuoteLength)
            yield return ("quote", $"at most {Limits.MaxQuoteLength} characters", ErrorReasons.FieldTooLong);
        if (source.ReportedBy.Length > Limits.MaxReportedByLength)
            yield return ("reported_by", $"at most {Limits.MaxReportedByLength} characters", ErrorReasons.FieldTooLong);
        if (source.HasConfidence && !(source.Confidence >= 0 && source.Confidence <= 1))
            yield return ("confidence", "must lie in [0, 1]", ErrorReasons.InvalidSource);
    }
}
