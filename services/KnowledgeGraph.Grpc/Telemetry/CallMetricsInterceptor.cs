using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Core.Interceptors;

using KnowledgeGraph.Application.Telemetry;

namespace KnowledgeGraph.Grpc.Telemetry;

/// <summary>
/// Counts every call of the Knowledge Graph API on <c>kg.calls</c>, by method and canonical status code,
/// whether it came over gRPC or JSON transcoding (both run the same interceptors). Health checks and
/// reflection are not counted. Register it as the first interceptor, so that it sees the status the
/// error interceptor gives each failure.
/// </summary>
public sealed partial class CallMetricsInterceptor : Interceptor
{
    private const string ApiMethodPrefix = "/knowledgegraph.";

    private static readonly FrozenDictionary<StatusCode, string> CanonicalNames = Enum.GetValues<StatusCode>()
        .ToFrozenDictionary(code => code, code => WordBoundary().Replace(code.ToString(), "_").ToUpperInvariant());

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var status = StatusCode.Unknown;
        try
        {
            var response = await continuation(request, context);
            status = context.Status.StatusCode;
            return response;
        }
        catch (RpcException error)
        {
            status = error.StatusCode;
            throw;
        }
        finally
        {
            Record(context, status);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var status = StatusCode.Unknown;
        try
        {
            var response = await continuation(requestStream, context);
            status = context.Status.StatusCode;
            return response;
        }
        catch (RpcException error)
        {
            status = error.StatusCode;
            throw;
        }
        finally
        {
            Record(context, status);
        }
    }

    private static void Record(ServerCallContext context, StatusCode status)
    {
        if (context.Method.StartsWith(ApiMethodPrefix, StringComparison.Ordinal))
            ApplicationTelemetry.CallEnded(context.Method[1..], CanonicalNames[status]);
    }

    /// <summary>Between a lower-case letter and an upper-case one: <c>DeadlineExceeded</c> becomes <c>DEADLINE_EXCEEDED</c>, <c>OK</c> stays.</summary>
    [GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial Regex WordBoundary();
}
