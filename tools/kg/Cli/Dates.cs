using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace KnowledgeGraph.Cli;

/// <summary>Parses <c>--as-of</c> values: a date (<c>2031-01-01</c>, midnight UTC) or an ISO 8601 instant.</summary>
public static class Dates
{
    public static Timestamp? ParseOptional(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
            return Timestamp.FromDateTimeOffset(instant);
        throw new UsageException($"{option}: '{text}' is not a date; use YYYY-MM-DD or an ISO 8601 instant such as 2031-01-01T00:00:00Z");
    }
}
