using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Google.Protobuf;

namespace KnowledgeGraph.FuzzTests.Harness;

/// <summary>
/// Turns a request message into the HTTP request its <c>google.api.http</c> binding describes: the
/// path field in the URL, the body field as the JSON body, every other field as query parameters
/// (repeated fields repeated, nested fields dotted), as a JSON client would send it.
/// </summary>
public static partial class JsonRequests
{
    [GeneratedRegex(@"^(?<pre>[^{]*)\{(?<field>[^=}]+)=(?<pattern>[^}]*)\*\}(?<post>.*)$")]
    private static partial Regex PathTemplate();

    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);

    /// <summary>Bodies over this many bytes are sent with <c>Expect: 100-continue</c>.</summary>
    public const int LargeBody = 64 * 1024;

    /// <summary>The HTTP request, or null when the message cannot be written as JSON or in a URL at all (a Timestamp out of range, a lone surrogate).</summary>
    public static HttpRequestMessage? Build(JsonRoute route, IMessage message, JsonMutation? mutation)
    {
        try { return BuildOrThrow(route, message, mutation); }
        catch (Exception error) when (error is InvalidOperationException or UriFormatException or ArgumentException) { return null; }
    }

    private static HttpRequestMessage BuildOrThrow(JsonRoute route, IMessage message, JsonMutation? mutation)
    {
        var json = (JsonObject)JsonNode.Parse(Formatter.Format(message))!;

        var path = route.Template;
        var template = PathTemplate().Match(route.Template);
        string? pathTop = null;
        if (template.Success)
        {
            var fieldPath = template.Groups["field"].Value.Split('.').Select(CamelCase).ToArray();
            pathTop = fieldPath.Length == 1 ? fieldPath[0] : null;
            var value = Find(json, fieldPath) ?? "";
            var prefix = template.Groups["pattern"].Value;
            var segment = value.StartsWith(prefix, StringComparison.Ordinal) && prefix.Length > 0
                ? prefix + Uri.EscapeDataString(value[prefix.Length..])
                : Uri.EscapeDataString(value);
            path = template.Groups["pre"].Value + segment + template.Groups["post"].Value;
        }

        var query = new List<string>();
        foreach (var (key, node) in json)
        {
            if (key == pathTop || (route.Body is { } body && key == CamelCase(body))) continue;
            Flatten(key, node, query);
        }
        if (mutation?.Query is { } extra) query.Add(extra);
        var url = query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";

        var request = new HttpRequestMessage(route.Verb, url);
        if (route.Body is { } bodyField)
        {
            var bodyText = json[CamelCase(bodyField)]?.ToJsonString() ?? "{}";
            HttpContent content = mutation?.RawBody is { } raw ? new ByteArrayContent(raw) : new StringContent(mutation?.Body ?? bodyText, Encoding.UTF8);
            content.Headers.ContentType = null;
            var contentType = mutation?.ContentType ?? "application/json";
            if (contentType.Length > 0) content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            request.Content = content;
            // As curl does for large bodies, ask before sending one: Kestrel refuses some requests
            // (a NUL in the path) before any route runs and closes the connection, and a client
            // still writing its body then sees a broken connection instead of the refusal.
            if (content.Headers.ContentLength > LargeBody) request.Headers.ExpectContinue = true;
        }
        return request;
    }

    private static string? Find(JsonObject json, string[] path)
    {
        JsonNode? node = json;
        foreach (var part in path) node = (node as JsonObject)?[part];
        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    private static void Flatten(string key, JsonNode? node, List<string> query)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array) Flatten(key, item, query);
                break;
            case JsonObject obj:
                foreach (var (inner, value) in obj) Flatten($"{key}.{inner}", value, query);
                break;
            case JsonValue value:
                var text = value.TryGetValue<string>(out var s) ? s : value.ToJsonString();
                query.Add($"{key}={Uri.EscapeDataString(text)}");
                break;
        }
    }

    private static string CamelCase(string snake)
    {
        var parts = snake.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => p.Length == 0 ? "" : char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
