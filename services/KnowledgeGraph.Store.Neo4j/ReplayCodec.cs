using KnowledgeGraph.Store.Neo4j.Mapping;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Neo4j;

/// <summary>How a write's first response is kept in its <c>:RequestRecord</c>, so a retry with the same request id gets it back.</summary>
internal sealed record ReplayCodec<T>(Func<T, string> Write, Func<string, T> Read);

internal static class ReplayCodecs
{
    public static readonly ReplayCodec<Entity> Entity = new(e => Blobs.Format(e), Blobs.Parse<Entity>);

    public static readonly ReplayCodec<Relationship> Relationship = new(r => Blobs.Format(r), Blobs.Parse<Relationship>);

    public static readonly ReplayCodec<DeleteResult> Delete = new(
        d => System.Text.Json.JsonSerializer.Serialize(d),
        s => System.Text.Json.JsonSerializer.Deserialize<DeleteResult>(s) ?? throw new InvalidDataException("An empty delete result was recorded."));
}
