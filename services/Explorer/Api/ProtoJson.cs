using Google.Protobuf;

namespace Explorer.Api;

/// <summary>Answers with a service's response as the API's own JSON (proto3 JSON, lowerCamelCase, defaults included).</summary>
public static class ProtoJson
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static IResult Ok(IMessage message) => Results.Text(Formatter.Format(message), "application/json");
}
