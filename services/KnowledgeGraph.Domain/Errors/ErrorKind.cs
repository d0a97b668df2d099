namespace KnowledgeGraph.Domain.Errors;

/// <summary>
/// What kind of failure a <see cref="GraphException"/> is, in the API's own terms. The transport
/// maps each kind to its canonical code (gRPC and HTTP alike); nothing below the transport knows codes.
/// </summary>
public enum ErrorKind
{
    /// <summary>The request is malformed or breaks the ontology; retrying it unchanged fails again.</summary>
    InvalidArgument,
    NotFound,
    AlreadyExists,
    /// <summary>The stored graph does not allow the write (an endpoint is missing, relationships remain).</summary>
    FailedPrecondition,
    /// <summary>A concurrent write got there first (etag mismatch); read again and retry.</summary>
    Aborted,
    /// <summary>The store cannot answer now; the same request may succeed later.</summary>
    Unavailable,
    /// <summary>A server-side resource bound was reached (for example the answer outgrew a message).</summary>
    ResourceExhausted,
}

public static class ErrorKinds
{
    /// <summary>The canonical code's name, as import row errors report it (for example INVALID_ARGUMENT).</summary>
    public static string CanonicalName(this ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidArgument => "INVALID_ARGUMENT",
        ErrorKind.NotFound => "NOT_FOUND",
        ErrorKind.AlreadyExists => "ALREADY_EXISTS",
        ErrorKind.FailedPrecondition => "FAILED_PRECONDITION",
        ErrorKind.Aborted => "ABORTED",
        ErrorKind.Unavailable => "UNAVAILABLE",
        ErrorKind.ResourceExhausted => "RESOURCE_EXHAUSTED",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
