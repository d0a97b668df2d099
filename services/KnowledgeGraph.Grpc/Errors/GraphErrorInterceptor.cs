using Grpc.Core;
using Grpc.Core.Interceptors;
using KnowledgeGraph.Domain.Errors;

namespace KnowledgeGraph.Grpc.Errors;

/// <summary>
/// Maps failures a client can act on to their canonical codes with AIP-193 details, and a call
/// cancelled by its deadline to DEADLINE_EXCEEDED, so neither ever surfaces as INTERNAL. A malformed
/// message in a client stream is the client's error too (<see cref="CheckedRequestStream{T}"/>).
/// </summary>
public sealed class GraphErrorInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(request, context); }
        catch (Exception error) when (Map(error, context) is { } mapped) { throw mapped; }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(new CheckedRequestStream<TRequest>(requestStream, context.CancellationToken), context); }
        catch (Exception error) when (Map(error, context) is { } mapped) { throw mapped; }
    }

    private static RpcException? Map(Exception error, ServerCallContext context) => error switch
    {
        GraphException graph => RpcStatusMapper.ToRpcException(graph),
        OperationCanceledException when context.Deadline <= DateTime.UtcNow =>
            new RpcException(new Status(StatusCode.DeadlineExceeded, "The call's deadline passed before the answer was ready.")),
        OperationCanceledException when context.CancellationToken.IsCancellationRequested =>
            new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled by the client.")),
        _ => null,
    };
}
