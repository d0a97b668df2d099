using Grpc.Core;
using Grpc.Core.Interceptors;
using KnowledgeGraph.Protocol;

namespace KnowledgeGraph.FunctionalTests.Infrastructure;

/// <summary>
/// A client session that reads its own writes, as a careful client does: the consistency token of
/// the latest write any of its clients made travels with every later call, to any service.
/// </summary>
public sealed class ConsistencySession : Interceptor
{
    private string? _token;

    /// <summary>The token of the session's latest write, or null before its first.</summary>
    public string? Token => Volatile.Read(ref _token);

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(request, WithToken(context));
        return new AsyncUnaryCall<TResponse>(RecordAsync(call.ResponseAsync, call.ResponseHeadersAsync), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(WithToken(context));
        return new AsyncClientStreamingCall<TRequest, TResponse>(call.RequestStream, RecordAsync(call.ResponseAsync, call.ResponseHeadersAsync),
            call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    private async Task<TResponse> RecordAsync<TResponse>(Task<TResponse> response, Task<Metadata> headers)
    {
        var value = await response;
        if ((await headers).GetValue(ApiHeaders.ConsistencyToken) is { Length: > 0 } token) Volatile.Write(ref _token, token);
        return value;
    }

    private ClientInterceptorContext<TRequest, TResponse> WithToken<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class where TResponse : class
    {
        if (Token is not { } token || context.Options.Headers?.GetValue(ApiHeaders.ConsistencyToken) is not null) return context;
        var headers = new Metadata();
        foreach (var header in context.Options.Headers ?? []) headers.Add(header);
        headers.Add(ApiHeaders.ConsistencyToken, token);
        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers));
    }
}
