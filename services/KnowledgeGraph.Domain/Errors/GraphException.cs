using Grpc.Core;

namespace KnowledgeGraph.Domain.Errors;

/// <summary>
/// A failure a client can act on. The gRPC layer turns it into a google.rpc.Status with
/// ErrorInfo (the reason), BadRequest (field violations) and ResourceInfo (the resource).
/// </summary>
public sealed class GraphException(
    StatusCode code,
    string reason,
    string message,
    IReadOnlyList<FieldViolation>? violations = null,
    ResourceRef? resource = null) : Exception(message)
{
    public StatusCode Code { get; } = code;
    public string Reason { get; } = reason;
    public IReadOnlyList<FieldViolation> Violations { get; } = violations ?? [];
    public ResourceRef? Resource { get; } = resource;

    public static GraphException InvalidArgument(string reason, string field, string description) =>
        new(StatusCode.InvalidArgument, reason, $"{field}: {description}", [new FieldViolation(field, description, reason)]);

    public static GraphException InvalidArgument(IReadOnlyList<FieldViolation> violations) =>
        new(StatusCode.InvalidArgument, violations[0].Reason, string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")), violations);

    public static GraphException NotFound(string resourceType, string name) =>
        new(StatusCode.NotFound, ErrorReasons.NotFound, $"{resourceType} '{name}' does not exist.", resource: new ResourceRef(resourceType, name));

    public static GraphException AlreadyExists(string resourceType, string name) =>
        new(StatusCode.AlreadyExists, ErrorReasons.AlreadyExists, $"{resourceType} '{name}' already exists.", resource: new ResourceRef(resourceType, name));

    public static GraphException EtagMismatch(string resourceType, string name) =>
        new(StatusCode.Aborted, ErrorReasons.EtagMismatch, $"{resourceType} '{name}' was changed by someone else: its etag no longer matches. Read it again and retry.", resource: new ResourceRef(resourceType, name));

    public static GraphException FailedPrecondition(string reason, string message, ResourceRef? resource = null) =>
        new(StatusCode.FailedPrecondition, reason, message, resource: resource);
}

/// <summary>One bad field of a request (google.rpc.BadRequest.FieldViolation).</summary>
public sealed record FieldViolation(string Field, string Description, string Reason);

/// <summary>The resource an error is about (google.rpc.ResourceInfo).</summary>
public sealed record ResourceRef(string ResourceType, string Name);
