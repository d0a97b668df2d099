using System.Globalization;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Cli.Output;

/// <summary>Short human-readable forms of property values, dates and validity intervals.</summary>
public static class Values
{
    public static string Format(PropertyValue value) => value.ValueCase switch
    {
        PropertyValue.ValueOneofCase.StringValue => value.StringValue,
        PropertyValue.ValueOneofCase.NumberValue => Number(value.NumberValue),
        PropertyValue.ValueOneofCase.IntegerValue => value.IntegerValue.ToString(CultureInfo.InvariantCulture),
        PropertyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        PropertyValue.ValueOneofCase.TimestampValue => Date(value.TimestampValue),
        _ => "",
    };

    public static string Number(double number) => number.ToString("G", CultureInfo.InvariantCulture);

    public static string Percent(double fraction) => (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>A date when the instant is midnight UTC, otherwise the full ISO 8601 instant.</summary>
    public static string Date(Timestamp? timestamp)
    {
        if (timestamp is null) return "";
        var instant = timestamp.ToDateTimeOffset();
        return instant.TimeOfDay == TimeSpan.Zero
            ? instant.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : instant.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
    }

    /// <summary>"from 2030-01-01 to 2050-01-01", "until 2033-01-01", or "" when open at both ends.</summary>
    public static string Validity(Timestamp? from, Timestamp? to) => (from, to) switch
    {
        (null, null) => "",
        (not null, null) => $"from {Date(from)}",
        (null, not null) => $"until {Date(to)}",
        _ => $"from {Date(from)} until {Date(to)}",
    };

    public static string Properties(MapField<string, PropertyValue> properties) =>
        string.Join(", ", properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Format(p.Value)}"));

    public static string Source(Source source)
    {
        var text = string.IsNullOrEmpty(source.Quote) ? source.Document : $"\"{source.Quote}\" ({source.Document})";
        if (!string.IsNullOrEmpty(source.ReportedBy)) text += $", reported by {source.ReportedBy}";
        if (source.HasConfidence) text += $", confidence {Number(source.Confidence)}";
        return text;
    }
}
