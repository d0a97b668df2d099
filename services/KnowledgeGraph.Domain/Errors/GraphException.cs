namespace KnowledgeGraph.Domain.Errors;

/// <summary>
/// A failure a client can act on. The transport turns it into a google.rpc.Status with ErrorInfo
/// (the reason), BadRequest (field violations), ResourceInfo (the resource) and RetryInfo (when to retry).
/// </summary>
public sealed class GraphException(
    ErrorKind kind,
    string reason,
    string message,
    IReadOnlyList<FieldViolation>? violations = null,
    ResourceRef? resource = null,
    TimeSpan? retryDelay = null) : Exception(message)
{
    public ErrorKind Kind { get; } = kind;
    public string Reason { get; } = reason;
    public IReadOnlyList<FieldViolation> Violations { get; } = violations ?? [];
    public ResourceRef? Resource { get; } = resource;

    /// <summary>For UNAVAILABLE: how long a client should wait before it retries.</summary>
    public TimeSpan? RetryDelay { get; } = retryDelay;

    public static GraphException InvalidArgument(string reason, string field, string description) =>
        new(ErrorKind.InvalidArgument, reason, $"{field}: {description}", [new FieldViolation(field, description, reason)]);

    public static GraphException InvalidArgument(IReadOnlyList<FieldViolation> violations) =>
        new(ErrorKind.InvalidArgument, violations[0].Reason, string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")), violations);

    public static GraphException NotFound(string resourceType, string name) =>
        new(ErrorKind.NotFound, ErrorReasons.NotFound, $"{resourceType} '{name}' does not exist.", resource: new ResourceRef(resourceType, name));

    public static GraphException AlreadyExists(string resourceType, string name) =>
        new(ErrorKind.AlreadyExists, ErrorReasons.AlreadyExists, $"{resourceType} '{name}' already exists.", resource: new ResourceRef(resourceType, name));

    public static GraphException EtagMismatch(string resourceType, string name) =>
        new(ErrorKind.Aborted, ErrorReasons.EtagMismatch, $"{resourceType} '{name}' was changed by someone else: its etag no longer matches. Read it again and retry.", resource: new ResourceRef(resourceType, name));

    public static GraphException FailedPrecondition(string reason, string message, ResourceRef? resource = null) =>
        new(ErrorKind.FailedPrecondition, reason, message, resource: resource);

    /// <summary>RESOURCE_EXHAUSTED (MESSAGE_TOO_LARGE): a message in or out would exceed the limit of <paramref name="limitBytes"/> per message.</summary>
    public static GraphException MessageTooLarge(string message, string field, long limitBytes) =>
        new(ErrorKind.ResourceExhausted, ErrorReasons.MessageTooLarge, message,
            [new FieldViolation(field, $"at most {limitBytes} bytes per message", ErrorReasons.MessageTooLarge)]);

    /// <summary>The store cannot answer now; a client should retry after <paramref name="retryDelay"/>.</summary>
    public static GraphException Unavailable(string reason, string message, TimeSpan retryDelay) =>
        new(ErrorKind.Unavailable, reason, message, retryDelay: retryDelay);
}

/// <summary>One bad field of a request (google.rpc.BadRequest.FieldViolation).</summary>
public sealed record FieldViolation(string Field, string Description, string Reason);

/// <summary>The resource an error is about (google.rpc.ResourceInfo).</summary>
public sealed record ResourceRef(string ResourceType, string Name);
