using System.Text.Json.Nodes;
using Google.Protobuf;
using KnowledgeGraph.Application;
using KnowledgeGraph.Domain.Errors;

namespace KnowledgeGraph.ModelTests;

/// <summary>
/// Answers as JSON, so two systems' answers compare as text and a difference prints readably.
/// <see cref="Canonical"/> makes them comparable: object keys sorted (map order is not meaningful)
/// and etags replaced by the system's labels.
/// </summary>
public static class Answers
{
    public static JsonNode Of(IMessage message) => JsonNode.Parse(JsonFormatter.Default.Format(message))!;

    /// <summary>A write's answer: its value, and whether it committed (tokens differ between stores, their presence must not).</summary>
    public static JsonNode Of<T>(Written<T> written) where T : IMessage =>
        new JsonObject { ["value"] = Of(written.Value), ["committed"] = written.ConsistencyToken is not null };

    public static JsonNode Of(IEnumerable<IMessage> messages) => new JsonArray([.. messages.Select(Of)]);

    public static JsonNode Of(GraphException error) => new JsonObject
    {
        ["error"] = error.Kind.CanonicalName(),
        ["reason"] = error.Reason,
        ["message"] = error.Message,
        ["violations"] = new JsonArray([.. error.Violations.Select(v => new JsonObject { ["field"] = v.Field, ["reason"] = v.Reason, ["description"] = v.Description })]),
        ["resource"] = error.Resource is { } resource ? $"{resource.ResourceType} {resource.Name}" : null,
    };

    /// <summary>An exception that is not a <see cref="GraphException"/>: a bug whatever the store, shown by type and message.</summary>
    public static JsonNode Crash(Exception exception) => new JsonObject { ["crash"] = exception.GetType().FullName, ["message"] = exception.Message };

    public static string Canonical(JsonNode? answer, ClientMemory memory) => Sorted(answer, memory)?.ToJsonString() ?? "null";

    private static JsonNode? Sorted(JsonNode? node, ClientMemory memory) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key,
            p.Key == "etag" && p.Value is JsonValue value && value.TryGetValue<string>(out var etag) ? JsonValue.Create(memory.Label(etag)) : Sorted(p.Value, memory)))),
        JsonArray a => new JsonArray([.. a.Select(item => Sorted(item, memory))]),
        _ => node?.DeepClone(),
    };
}
