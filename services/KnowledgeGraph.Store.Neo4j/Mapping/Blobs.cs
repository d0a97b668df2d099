using Google.Protobuf;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
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
        var copy = entity.Clone();
        copy.Etag = "";
        copy.CreateTime = null;
        copy.UpdateTime = null;
        Sort(copy.Properties);
        Sort(copy.ExternalIds);
        return Formatter.Format(copy);
    }

    public static string Of(Relationship relationship)
    {
        var copy = relationship.Clone();
        copy.Etag = "";
        copy.CreateTime = null;
        copy.UpdateTime = null;
        Sort(copy.Properties);
        return Formatter.Format(copy);
    }

    public static Entity ReadEntity(string blob, string? etag, DateTimeOffset? createTime, DateTimeOffset? updateTime)
    {
        var entity = Parser.Parse<Entity>(blob);
        entity.Etag = etag ?? "";
        entity.CreateTime = createTime is { } c ? Timestamp.FromDateTimeOffset(c) : null;
        entity.UpdateTime = updateTime is { } u ? Timestamp.FromDateTimeOffset(u) : null;
        return entity;
    }

    public static Relationship ReadRelationship(string blob, string? etag, DateTimeOffset? createTime, DateTimeOffset? updateTime)
    {
        var relationship = Parser.Parse<Relationship>(blob);
        relationship.Etag = etag ?? "";
        relationship.CreateTime = createTime is { } c ? Timestamp.FromDateTimeOffset(c) : null;
        relationship.UpdateTime = updateTime is { } u ? Timestamp.FromDateTimeOffset(u) : null;
        return relationship;
    }

    public static string Format(IMessage message) => Formatter.Format(message);

    public static T Parse<T>(string json) where T : IMessage<T>, new() => Parser.Parse<T>(json);

    private static void Sort<TValue>(MapField<string, TValue> map)
    {
        var sorted = map.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        map.Clear();
        foreach (var (key, value) in sorted) map[key] = value;
    }
}
