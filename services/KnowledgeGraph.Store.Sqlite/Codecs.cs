using System.Text.Json;
using Google.Protobuf;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Sqlite;

/// <summary>How a write's response is kept in the request log for replay.</summary>
internal sealed record Codec<T>(Func<T, byte[]> Encode, Func<byte[], T> Decode);

internal static class Codecs
{
    public static readonly Codec<Entity> Entity = new(e => e.ToByteArray(), KnowledgeGraph.V1.Entity.Parser.ParseFrom);
    public static readonly Codec<Relationship> Relationship = new(r => r.ToByteArray(), KnowledgeGraph.V1.Relationship.Parser.ParseFrom);
    public static readonly Codec<ImportSummary> Import = new(s => s.ToByteArray(), ImportSummary.Parser.ParseFrom);
    public static readonly Codec<DeleteResult> Delete = new(
        d => JsonSerializer.SerializeToUtf8Bytes(d),
        bytes => JsonSerializer.Deserialize<DeleteResult>(bytes) ?? throw new InvalidDataException("An empty delete response was recorded."));
}
