using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Store.Neo4j.Http;

namespace KnowledgeGraph.Store.Neo4j;

/// <summary>
/// What Neo4j and the network report, sorted by what the store does about it: retry an idempotent
/// request, rerun a unit of work (<see cref="StoreConflictException"/>), or report UNAVAILABLE.
/// Codes are Neo4j's status codes (server: <c>org.neo4j.kernel.api.exceptions.Status</c>).
/// </summary>
internal static class Neo4jErrors
{
    public const string ConstraintViolation = "Neo.ClientError.Schema.ConstraintValidationFailed";
    public const string BookmarkTimeout = "Neo.TransientError.Transaction.BookmarkTimeout";
    public const string InvalidBookmark = "Neo.ClientError.Transaction.InvalidBookmark";
    public const string InvalidBookmarkMixture = "Neo.ClientError.Transaction.InvalidBookmarkMixture";
    public const string DatabaseNotFound = "Neo.ClientError.Database.DatabaseNotFound";

    /// <summary>The server ran out of memory for the work: retrying at once only adds load.</summary>
    public static readonly IReadOnlySet<string> MemoryErrors = new HashSet<string>(StringComparer.Ordinal)
    {
        "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
        "Neo.TransientError.General.TransactionMemoryLimit",
        "Neo.TransientError.General.OutOfMemoryError",
        "Neo.ClientError.General.TransactionOutOfMemoryError",
    };

    /// <summary>How long a client should wait after the store was busy or unreachable.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>How long a client should wait after the server ran out of memory.</summary>
    public static readonly TimeSpan MemoryRetryDelay = TimeSpan.FromSeconds(5);

    public static bool IsConstraintViolation(Exception e) => e is Neo4jServerException { Code: ConstraintViolation };

    public static bool IsMemoryError(Exception e) => e is Neo4jServerException server && MemoryErrors.Contains(server.Code);

    /// <summary>Whether an idempotent request (an auto-commit read, BEGIN) may be sent again after <paramref name="e"/>.</summary>
    public static bool IsWorthRetrying(Exception e) => e switch
    {
        Neo4jServerException { Code: BookmarkTimeout } => false,
        Neo4jServerException server => server.IsTransient && !IsMemoryError(server),
        HttpRequestException or TimeoutException => true,
        _ => false,
    };

    /// <summary>The error a caller gets for a failure the operation did not handle itself; <paramref name="e"/> unchanged when it is not the store's to explain.</summary>
    public static Exception Map(Exception e, string location) => e switch
    {
        GraphException or StoreConflictException or OperationCanceledException => e,
        Neo4jServerException server when IsMemoryError(server) => Unavailable(
            $"Neo4j at {location} ran out of memory for this request ({server.Code}: {server.ServerMessage}).", MemoryRetryDelay),
        Neo4jServerException { IsTransient: true } server => Unavailable($"Neo4j at {location} is busy ({server.Code}: {server.ServerMessage})."),
        Neo4jServerException { HttpStatus: 401 or 403 } server => Unavailable($"Neo4j at {location} refused the store's credentials ({Describe(server)})."),
        Neo4jServerException server when server.Code.Contains("TransactionTimedOut", StringComparison.Ordinal) =>
            Unavailable($"Neo4j at {location} stopped the transaction at its time limit ({server.Code})."),
        Neo4jServerException { Code: "" } server => Unavailable($"Neo4j at {location} answered HTTP {server.HttpStatus}: {server.ServerMessage}"),
        TimeoutException timeout => Unavailable(timeout.Message),
        HttpRequestException http => Unavailable($"Neo4j at {location} cannot be reached: {http.Message}"),
        _ => e,
    };

    public static GraphException Unavailable(string message, TimeSpan? retryDelay = null) =>
        GraphException.Unavailable(ErrorReasons.StoreUnavailable, message, retryDelay ?? RetryDelay);

    public static string Describe(Neo4jServerException e) => string.IsNullOrEmpty(e.Code) ? $"HTTP {e.HttpStatus}" : $"HTTP {e.HttpStatus}, {e.Code}: {e.ServerMessage}";
}
