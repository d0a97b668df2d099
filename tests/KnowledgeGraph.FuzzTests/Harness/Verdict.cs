using Google.Rpc;
using Grpc.Core;
using KnowledgeGraph.Domain.Errors;

namespace KnowledgeGraph.FuzzTests.Harness;

/// <summary>
/// Whether an answer is one the API documents (docs/api.md, docs/limits.md, SECURITY.md): a
/// documented code, never UNKNOWN or INTERNAL, and the AIP-193 details each code carries.
/// </summary>
public static class Verdict
{
    /// <summary>The codes the API documents, with what each must carry besides ErrorInfo.</summary>
    private static readonly HashSet<StatusCode> Documented =
    [
        StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.AlreadyExists, StatusCode.FailedPrecondition, StatusCode.Aborted,
        StatusCode.Unavailable, StatusCode.ResourceExhausted, StatusCode.Unauthenticated, StatusCode.PermissionDenied,
    ];

    /// <summary>Codes that answer for the caller's own deadline or cancellation, not for the input; they need no details.</summary>
    private static readonly HashSet<StatusCode> CallerCaused = [StatusCode.DeadlineExceeded, StatusCode.Cancelled];

    /// <summary>Null when a failed call's status is a documented answer to <paramref name="fuzz"/>; otherwise what is wrong.</summary>
    public static string? Judge(FuzzCase fuzz, StatusCode code, Google.Rpc.Status? status)
    {
        // A request that cannot even be read (a garbage frame, a body that is not JSON) is refused before its token is looked at.
        var unreadable = status?.GetDetail<ErrorInfo>()?.Reason is ErrorReasons.MalformedMessage or ErrorReasons.MessageTooLarge;
        if (Credentials.Forced(fuzz.Credential, fuzz.Call) is { } forced && code != forced && !CallerCaused.Contains(code) && !unreadable)
            return $"{code} where the credential ({fuzz.Credential}) must give {forced}";
        if (CallerCaused.Contains(code))
            return fuzz.MayBeCutShort ? null : $"{code} although the call neither had a short deadline nor was cancelled";
        if (!Documented.Contains(code)) return $"{code} is not a documented answer";

        var errorInfo = status?.GetDetail<ErrorInfo>();
        if (errorInfo is null) return $"{code} without google.rpc.ErrorInfo ({status?.Message})";
        if (errorInfo.Domain != ErrorReasons.Domain || errorInfo.Reason.Length == 0)
            return $"{code} with ErrorInfo domain '{errorInfo.Domain}' and reason '{errorInfo.Reason}'";
        return code switch
        {
            StatusCode.InvalidArgument when status!.GetDetail<BadRequest>() is not { FieldViolations.Count: > 0 } =>
                $"INVALID_ARGUMENT ({errorInfo.Reason}) without BadRequest field violations",
            StatusCode.NotFound when status!.GetDetail<ResourceInfo>() is null => $"NOT_FOUND ({errorInfo.Reason}) without ResourceInfo",
            StatusCode.Unavailable when status!.GetDetail<RetryInfo>() is null => $"UNAVAILABLE ({errorInfo.Reason}) without RetryInfo",
            _ => null,
        };
    }

    /// <summary>The HTTP status JSON transcoding gives each code (google.rpc.Code's mapping).</summary>
    public static int HttpStatusOf(StatusCode code) => code switch
    {
        StatusCode.OK => 200,
        StatusCode.Cancelled => 499,
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange => 400,
        StatusCode.DeadlineExceeded => 504,
        StatusCode.NotFound => 404,
        StatusCode.AlreadyExists or StatusCode.Aborted => 409,
        StatusCode.PermissionDenied => 403,
        StatusCode.Unauthenticated => 401,
        StatusCode.ResourceExhausted => 429,
        StatusCode.Unimplemented => 501,
        StatusCode.Unavailable => 503,
        _ => 500,
    };
}
