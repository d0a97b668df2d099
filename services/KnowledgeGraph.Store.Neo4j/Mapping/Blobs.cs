using Google.Protobuf;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.Domain;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Neo4j.Mapping;

/// <summary>
/// The serialized copy of an entity or relationship kept in the <c>blob</c> property (protobuf JSON,
/// maps sorted by key, without etag and times, which are properties of their own). Equal content
/// gives equal blobs, which is how an import recognises an unchanged row.
/// </summary>
internal static class Blobs
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static string Of(Entity entity)
    {
        var copy = entity.WithoutServerFields();
        Sort(copy.Properties);
        Sort(copy.ExternalIds);
        return Formatter.Format(copy);
    }

    public static string Of(Relationship relationship)
    {
        var copy = relationship.WithoutServerFields();
        Sort(copy.Properties);
        return Formatter.Format(copy);
    }

    public static Entity ReadEntity(string blob, string? etag, DateTimeOffset? createTime, DateTimeOffset? updateTime)
    {
        return Parser.Parse<Entity>(blob).WithServerFields(etag ?? "", ToTimestamp(createTime), ToTimestamp(updateTime));
    }

    public static Relationship ReadRelationship(string blob, string? etag, DateTimeOffset? createTime, DateTimeOffset? updateTime)
    {
        return Parser.Parse<Relationship>(blob).WithServerFields(etag ?? "", ToTimestamp(createTime), ToTimestamp(updateTime));
    }

    private static Timestamp? ToTimestamp(DateTimeOffset? instant) => instant is { } value ? Timestamp.FromDateTimeOffset(value) : null;

    public static string Format(IMessage message) => Formatter.Format(message);

    public static T Parse<T>(string json) where T : IMessage<T>, new() => Parser.Parse<T>(json);

    private static void Sort<TValue>(MapField<string, TValue> map)
    {
        var sorted = map.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        map.Clear();
        foreach (var (key, value) in sorted) map[key] = value;
    }
}
