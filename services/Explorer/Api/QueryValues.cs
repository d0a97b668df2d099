using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace Explorer.Api;

/// <summary>Reads the page's query parameters into request fields; the services validate the values.</summary>
public static class QueryValues
{
    /// <summary>A date (YYYY-MM-DD, midnight UTC) or an ISO 8601 instant; empty means unset (the services then use now).</summary>
    public static Timestamp? Instant(string? text, string parameter)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return Timestamp.FromDateTime(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return Timestamp.FromDateTimeOffset(instant);
        throw new BadQueryException($"{parameter}: '{text}' is not a date (YYYY-MM-DD) or an ISO 8601 instant.");
    }

    /// <summary>An enum value by its proto name (<c>UPSTREAM</c>, <c>K_SHORTEST</c>) in any case; empty means unspecified.</summary>
    public static TEnum Enum<TEnum>(string? text, string parameter) where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return default;
        return System.Enum.TryParse<TEnum>(text.Replace("_", ""), ignoreCase: true, out var value) && System.Enum.IsDefined(value)
            ? value
            : throw new BadQueryException($"{parameter}: '{text}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>().Skip(1))}.");
    }

    /// <summary>Repeated or comma-separated values, trimmed, empty ones dropped.</summary>
    public static IEnumerable<string> List(string[]? values) =>
        (values ?? []).SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
