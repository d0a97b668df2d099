using Grpc.Core;
using Grpc.Core.Interceptors;
using KnowledgeGraph.Domain;
using KnowledgeGraph.Store;

namespace KnowledgeGraph.Grpc.Consistency;

/// <summary>Before handling a call that carries a consistency token, waits until the store has reached it.</summary>
public sealed class ConsistencyInterceptor(IGraphStore store) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await WaitIfAskedAsync(context);
        return await continuation(request, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await WaitIfAskedAsync(context);
        return await continuation(requestStream, context);
    }

    private Task WaitIfAskedAsync(ServerCallContext context)
    {
        var token = ConsistencyToken.Read(context);
        if (string.IsNullOrEmpty(token)) return Task.CompletedTask;
        var untilDeadline = context.Deadline - DateTime.UtcNow;
        var maxWait = untilDeadline < Limits.MaxConsistencyWait ? untilDeadline : Limits.MaxConsistencyWait;
        return store.WaitForAsync(token, maxWait < TimeSpan.Zero ? TimeSpan.Zero : maxWait, context.CancellationToken);
    }
}
