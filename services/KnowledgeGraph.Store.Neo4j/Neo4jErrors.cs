using Grpc.Core;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Store.Neo4j.Http;

namespace KnowledgeGraph.Store.Neo4j;

/// <summary>Maps what Neo4j and the network report to the errors the embedded store gives for the same situation.</summary>
internal static class Neo4jErrors
{
    public const string ConstraintViolation = "Neo.ClientError.Schema.ConstraintValidationFailed";
    public const string BookmarkTimeout = "Neo.TransientError.Transaction.BookmarkTimeout";
    public const string InvalidBookmark = "Neo.ClientError.Transaction.InvalidBookmark";
    public const string InvalidBookmarkMixture = "Neo.ClientError.Transaction.InvalidBookmarkMixture";

    public static bool IsConstraintViolation(Exception e, string label) =>
        e is Neo4jServerException { Code: ConstraintViolation } server && server.ServerMessage.Contains(label, StringComparison.Ordinal);

    /// <summary>The error to throw for a failure no operation handled itself; null to let it through unchanged.</summary>
    public static Exception Map(Exception e, string location) => e switch
    {
        GraphException => e,
        Neo4jServerException { IsTransient: true } server => Unavailable($"Neo4j at {location} is busy and kept failing after retries ({server.Code}: {server.ServerMessage})."),
        Neo4jServerException { HttpStatus: 401 or 403 } server => Unavailable($"Neo4j at {location} refused the store's credentials ({Describe(server)})."),
        Neo4jServerException { Code: "" } server => Unavailable($"Neo4j at {location} answered HTTP {server.HttpStatus}: {server.ServerMessage}"),
        TimeoutException timeout => Unavailable(timeout.Message),
        HttpRequestException http => Unavailable($"Neo4j at {location} cannot be reached: {http.Message}"),
        _ => e,
    };

    public static GraphException Unavailable(string message) => new(StatusCode.Unavailable, ErrorReasons.StoreUnavailable, message);

    public static string Describe(Neo4jServerException e) => string.IsNullOrEmpty(e.Code) ? $"HTTP {e.HttpStatus}" : $"HTTP {e.HttpStatus}, {e.Code}: {e.ServerMessage}";
}
