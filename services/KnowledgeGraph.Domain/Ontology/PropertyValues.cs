using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Ontology;

public static class PropertyValues
{
    public static PropertyValue Of(string value) => new() { StringValue = value };
    public static PropertyValue Of(double value) => new() { NumberValue = value };
    public static PropertyValue Of(long value) => new() { IntegerValue = value };
    public static PropertyValue Of(bool value) => new() { BoolValue = value };
    public static PropertyValue Of(DateTimeOffset value) => new() { TimestampValue = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(value) };

    /// <summary>The value as a number, for NUMBER and INTEGER values; otherwise null.</summary>
    public static double? AsDouble(this PropertyValue value) => value.ValueCase switch
    {
        PropertyValue.ValueOneofCase.NumberValue => value.NumberValue,
        PropertyValue.ValueOneofCase.IntegerValue => value.IntegerValue,
        _ => null,
    };

    /// <summary>The string value, or null when the value is not a string.</summary>
    public static string? AsString(this PropertyValue value) =>
        value.ValueCase == PropertyValue.ValueOneofCase.StringValue ? value.StringValue : null;
}
