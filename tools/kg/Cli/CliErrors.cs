using Google.Rpc;
using Grpc.Core;

namespace KnowledgeGraph.Cli;

/// <summary>Turns a failure into one clear line on stderr (plus field violations) and its exit code.</summary>
public static class CliErrors
{
    /// <param name="service">The service being called, named in "cannot reach" messages.</param>
    public static int Report(Exception exception, TextWriter error, string? service = null) => exception switch
    {
        UsageException usage => Write(error, ExitCodes.Usage, $"error: {usage.Message}"),
        RpcException { StatusCode: StatusCode.Unavailable } rpc when service is not null =>
            Write(error, ExitCodes.Unavailable, $"error: service unavailable: cannot reach {service}: {rpc.Status.Detail}"),
        RpcException rpc => ReportRpc(rpc, error),
        OperationCanceledException => Write(error, ExitCodes.Unavailable, "error: cancelled"),
        IOException io => Write(error, ExitCodes.Usage, $"error: {io.Message}"),
        UnauthorizedAccessException access => Write(error, ExitCodes.Usage, $"error: {access.Message}"),
        _ => Write(error, ExitCodes.ServerError, $"error: {exception.GetType().Name}: {exception.Message}"),
    };

    public static int ExitCodeFor(StatusCode code) => code switch
    {
        StatusCode.NotFound => ExitCodes.NotFound,
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange or StatusCode.AlreadyExists or StatusCode.Aborted => ExitCodes.InvalidInput,
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => ExitCodes.Unavailable,
        StatusCode.Unauthenticated or StatusCode.PermissionDenied => ExitCodes.NotAuthorized,
        _ => ExitCodes.ServerError,
    };

    private static int ReportRpc(RpcException rpc, TextWriter error)
    {
        var code = ExitCodeFor(rpc.StatusCode);
        var status = TryGetStatus(rpc);
        var what = rpc.StatusCode switch
        {
            StatusCode.NotFound => "not found",
            StatusCode.InvalidArgument => "invalid input",
            StatusCode.FailedPrecondition => "failed precondition",
            StatusCode.AlreadyExists => "already exists",
            StatusCode.Aborted => "conflict",
            StatusCode.OutOfRange => "out of range",
            StatusCode.Unavailable => "service unavailable",
            StatusCode.DeadlineExceeded => "service did not answer in time",
            StatusCode.Unauthenticated => "not authenticated",
            StatusCode.PermissionDenied => "permission denied",
            _ => "server error",
        };
        var detail = string.IsNullOrWhiteSpace(rpc.Status.Detail) ? rpc.StatusCode.ToString() : rpc.Status.Detail;
        var resource = status?.GetDetail<ResourceInfo>();
        if (resource is not null && !string.IsNullOrEmpty(resource.ResourceName) && !detail.Contains(resource.ResourceName, StringComparison.Ordinal))
            detail = $"{resource.ResourceName}: {detail}";
        var reason = status?.GetDetail<ErrorInfo>()?.Reason;
        error.WriteLine($"error: {what}: {detail}{(string.IsNullOrEmpty(reason) ? "" : $" ({reason})")}");
        if (rpc.StatusCode == StatusCode.Unauthenticated)
            error.WriteLine($"  pass a token with --token or {BearerToken.Variable} (the AppHost dashboard's 'kg token' command shows one)");
        var badRequest = status?.GetDetail<BadRequest>();
        if (badRequest is not null)
            foreach (var violation in badRequest.FieldViolations)
                error.WriteLine($"  {violation.Field}: {violation.Description}");
        return code;
    }

    private static Google.Rpc.Status? TryGetStatus(RpcException rpc)
    {
        try
        {
            return rpc.GetRpcStatus();
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            return null;
        }
    }

    private static int Write(TextWriter error, int code, string line)
    {
        error.WriteLine(line);
        return code;
    }
}
