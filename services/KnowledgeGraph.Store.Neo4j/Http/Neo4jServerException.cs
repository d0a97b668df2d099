namespace KnowledgeGraph.Store.Neo4j.Http;

/// <summary>
/// An error Neo4j reported in a response body (<c>{"errors": [{"code", "message"}]}</c>), whatever the
/// HTTP status was; or an HTTP failure without such a body (then <see cref="Code"/> is empty).
/// </summary>
public sealed class Neo4jServerException(int httpStatus, string code, string message)
    : Exception(string.IsNullOrEmpty(code) ? $"HTTP {httpStatus}: {message}" : $"{code}: {message}")
{
    public int HttpStatus { get; } = httpStatus;
    public string Code { get; } = code;
    public string ServerMessage { get; } = message;

    /// <summary>Neo.TransientError.*: the server says the same request may succeed later.</summary>
    public bool IsTransient => Code.StartsWith("Neo.TransientError.", StringComparison.Ordinal);
}
