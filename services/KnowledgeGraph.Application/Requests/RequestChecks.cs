using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Protocol;

namespace KnowledgeGraph.Application.Requests;

/// <summary>Checks shared by every service's request handling; each failure is INVALID_ARGUMENT with the field named.</summary>
public static class RequestChecks
{
    public static string EntityName(string? name, string field = "name")
    {
        if (!ResourceNames.IsEntityName(name))
            throw GraphException.InvalidArgument(ErrorReasons.InvalidName, field, $"must be entities/{{id}} with an id matching {ResourceNames.IdPattern}, got '{name}'");
        return name!;
    }

    public static string RelationshipName(string? name, string field = "name")
    {
        if (!ResourceNames.IsRelationshipName(name))
            throw GraphException.InvalidArgument(ErrorReasons.InvalidName, field, $"must be relationships/{{id}} with an id matching {ResourceNames.IdPattern}, got '{name}'");
        return name!;
    }

    public static string Id(string? id, string field)
    {
        if (!ResourceNames.IsValidId(id))
            throw GraphException.InvalidArgument(ErrorReasons.InvalidId, field, $"must match {ResourceNames.IdPattern} (lower-case letters, digits and hyphens, at most 63), got '{id}'");
        return id;
    }

    public static T Present<T>(T? value, string field) where T : class =>
        value ?? throw GraphException.InvalidArgument(ErrorReasons.MissingField, field, "is required");

    /// <summary>The request id, or null when unset.</summary>
    public static string? RequestId(string? requestId)
    {
        if (string.IsNullOrEmpty(requestId)) return null;
        if (requestId.Length > Limits.MaxRequestIdLength)
            throw GraphException.InvalidArgument(ErrorReasons.FieldTooLong, "request_id", $"at most {Limits.MaxRequestIdLength} characters");
        return requestId;
    }

    public static string? Etag(string? etag) => string.IsNullOrEmpty(etag) ? null : etag;

    public static void BatchSize(int count, string field)
    {
        if (count > Limits.MaxBatchSize)
            throw GraphException.InvalidArgument(ErrorReasons.BatchTooLarge, field, $"at most {Limits.MaxBatchSize} items per request, got {count}");
    }
}
