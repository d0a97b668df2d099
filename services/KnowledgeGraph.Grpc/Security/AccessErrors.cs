using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using KnowledgeGraph.Domain.Errors;

namespace KnowledgeGraph.Grpc.Security;

/// <summary>
/// The errors of a call that may not run: UNAUTHENTICATED (no usable token) and PERMISSION_DENIED
/// (a valid token without the scope), each with an AIP-193 ErrorInfo that names the scope the
/// method needs. JSON transcoding answers them as HTTP 401 and 403 with the same status body.
/// </summary>
public static class AccessErrors
{
    public const string MissingToken = "MISSING_TOKEN";
    public const string TokenExpired = "TOKEN_EXPIRED";
    public const string InvalidToken = "INVALID_TOKEN";
    public const string MissingScope = "MISSING_SCOPE";

    /// <summary>The ErrorInfo metadata key that holds the scope the method needs.</summary>
    public const string RequiredScopeKey = "requiredScope";

    public static RpcException Unauthenticated(string reason, string message, string requiredScope) =>
        Create(StatusCode.Unauthenticated, reason, message, requiredScope);

    public static RpcException PermissionDenied(string requiredScope) =>
        Create(StatusCode.PermissionDenied, MissingScope, $"This call needs a token with the scope '{requiredScope}'.", requiredScope);

    private static RpcException Create(StatusCode code, string reason, string message, string requiredScope)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.Add(Any.Pack(new ErrorInfo
        {
            Reason = reason,
            Domain = ErrorReasons.Domain,
            Metadata = { [RequiredScopeKey] = requiredScope },
        }));
        return status.ToRpcException();
    }
}
