using System.Buffers.Text;
using System.Text.Json;
using KnowledgeGraph.Domain.Errors;

namespace KnowledgeGraph.Store.Neo4j;

/// <summary>
/// The consistency token of a Neo4j write is the bookmarks its commit returned:
/// <c>neo4j.</c> + base64url(JSON array of bookmarks). A read that presents it is run with those
/// bookmarks, so Neo4j (any cluster member) answers only once it has applied that write.
/// </summary>
public static class ConsistencyTokens
{
    public const string Prefix = "neo4j.";

    public static string Create(IReadOnlyList<string> bookmarks) =>
        Prefix + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(bookmarks));

    public static IReadOnlyList<string> Parse(string token)
    {
        if (token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            try
            {
                var bookmarks = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(token.AsSpan(Prefix.Length)));
                if (bookmarks is not null && bookmarks.All(b => !string.IsNullOrEmpty(b))) return bookmarks;
            }
            catch (Exception e) when (e is FormatException or JsonException)
            {
                // Falls through to the error below.
            }
        }
        throw GraphException.InvalidArgument(ErrorReasons.InvalidConsistencyToken, "consistency_token",
            "was not issued by this Neo4j store; pass the token a write returned, unchanged");
    }
}
