using System.Globalization;
using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Cli.Import;

/// <summary>
/// Typed property values from CSV cells. A header may name the type (<c>properties.term_years:integer</c>);
/// otherwise it is inferred: true/false, whole numbers, decimals, ISO dates, else text.
/// </summary>
public static partial class CsvValues
{
    [GeneratedRegex(@"^-?[0-9]+$")] private static partial Regex IntegerRegex();
    [GeneratedRegex(@"^-?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")] private static partial Regex NumberRegex();
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.]+(Z|[+-][0-9]{2}:?[0-9]{2})?)?$")] private static partial Regex DateRegex();

    public static PropertyValue Parse(string cell, string? type) => type?.ToLowerInvariant() switch
    {
        null or "" => Infer(cell),
        "string" => new PropertyValue { StringValue = cell },
        "number" => new PropertyValue { NumberValue = ParseDouble(cell) },
        "integer" => new PropertyValue { IntegerValue = long.Parse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture) },
        "boolean" or "bool" => new PropertyValue { BoolValue = ParseBool(cell) },
        "timestamp" or "date" => new PropertyValue { TimestampValue = Timestamp(cell) },
        _ => throw new FormatException($"unknown property type '{type}'; use string, number, integer, boolean or timestamp"),
    };

    public static Timestamp Timestamp(string cell) =>
        DateTimeOffset.TryParse(cell, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(instant)
            : throw new FormatException($"'{cell}' is not a date or ISO 8601 instant");

    public static double ParseDouble(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"'{cell}' is not a number");

    private static bool ParseBool(string cell) => cell.Trim().ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw new FormatException($"'{cell}' is not true or false"),
    };

    private static PropertyValue Infer(string cell)
    {
        var trimmed = cell.Trim();
        if (trimmed is "true" or "false") return new PropertyValue { BoolValue = trimmed == "true" };
        if (IntegerRegex().IsMatch(trimmed) && long.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
            return new PropertyValue { IntegerValue = whole };
        if (NumberRegex().IsMatch(trimmed)) return new PropertyValue { NumberValue = ParseDouble(trimmed) };
        if (DateRegex().IsMatch(trimmed)) return new PropertyValue { TimestampValue = Timestamp(trimmed) };
        return new PropertyValue { StringValue = cell };
    }
}
