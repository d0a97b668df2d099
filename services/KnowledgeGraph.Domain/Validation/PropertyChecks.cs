using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Protocol;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Validation;

internal static class PropertyChecks
{
    public sealed record Problem(string Description, string Reason);

    public static Problem? Check(PropertyDefinition definition, PropertyValue value)
    {
        var actual = value.ValueCase;
        switch (definition.Type)
        {
            case PropertyType.String when actual == PropertyValue.ValueOneofCase.StringValue:
                if (value.StringValue.Length > Limits.MaxStringPropertyLength)
                    return new($"at most {Limits.MaxStringPropertyLength} characters", ErrorReasons.FieldTooLong);
                if (definition.ReferenceKind.Length > 0 && !ResourceNames.IsEntityName(value.StringValue))
                    return new($"must name a {definition.ReferenceKind} entity, as entities/{{id}}", ErrorReasons.InvalidReference);
                return null;
            case PropertyType.Number when actual is PropertyValue.ValueOneofCase.NumberValue or PropertyValue.ValueOneofCase.IntegerValue:
            case PropertyType.Integer when actual == PropertyValue.ValueOneofCase.IntegerValue:
                return CheckRange(definition, actual == PropertyValue.ValueOneofCase.NumberValue ? value.NumberValue : value.IntegerValue);
            case PropertyType.Boolean when actual == PropertyValue.ValueOneofCase.BoolValue:
                return null;
            case PropertyType.Timestamp when actual == PropertyValue.ValueOneofCase.TimestampValue:
                return TimestampChecks.IsValid(value.TimestampValue) ? null : new($"must lie in {TimestampChecks.Range}", ErrorReasons.PropertyOutOfRange);
            default:
                return new($"must be a {definition.Type.ToString().ToUpperInvariant()} value, not {Describe(actual)}", ErrorReasons.WrongPropertyType);
        }
    }

    private static Problem? CheckRange(PropertyDefinition definition, double number)
    {
        if (!double.IsFinite(number)) return new("must be a finite number", ErrorReasons.PropertyOutOfRange);
        var low = definition.HasMinimum ? definition.Minimum : double.NegativeInfinity;
        var high = definition.HasMaximum ? definition.Maximum : double.PositiveInfinity;
        var tooLow = definition.ExclusiveMinimum ? number <= low : number < low;
        if (tooLow || number > high)
            return new($"must lie in {(definition.ExclusiveMinimum ? "(" : "[")}{Format(low)}, {Format(high)}]", ErrorReasons.PropertyOutOfRange);
        return null;
    }

    private static string Format(double bound) => double.IsInfinity(bound) ? (bound < 0 ? "-inf" : "inf") : bound.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(PropertyValue.ValueOneofCase actual) => actual switch
    {
        PropertyValue.ValueOneofCase.None => "an empty value",
        PropertyValue.ValueOneofCase.StringValue => "a STRING",
        PropertyValue.ValueOneofCase.NumberValue => "a NUMBER",
        PropertyValue.ValueOneofCase.IntegerValue => "an INTEGER",
        PropertyValue.ValueOneofCase.BoolValue => "a BOOLEAN",
        PropertyValue.ValueOneofCase.TimestampValue => "a TIMESTAMP",
        _ => actual.ToString(),
    };
}
