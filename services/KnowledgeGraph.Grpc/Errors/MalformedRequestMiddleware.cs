using System.IO.Pipelines;
using System.Buffers;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace KnowledgeGraph.Grpc.Errors;

/// <summary>
/// Reads the body of a unary gRPC call before the gRPC server does, and answers a malformed or
/// oversized one itself with the AIP-193 error <see cref="RequestMessages"/> gives (a trailers-only
/// gRPC response); a well-formed body is handed on unchanged. Streams are read by the handler,
/// inside the interceptors, and mapped there (<see cref="GraphErrorInterceptor"/>).
/// </summary>
public sealed class MalformedRequestMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsGrpc(context.Request) || !RequestMessages.UnaryParsers.TryGetValue(context.Request.Path.Value ?? "", out var parser)
            || context.Request.Headers.ContainsKey("grpc-encoding"))
        {
            await next(context);
            return;
        }

        byte[] body;
        try
        {
            if (await ReadBodyAsync(context) is not { } read) return;
            body = read;
        }
        catch (Exception e) when (e is IOException || (e is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
        {
            // The client reset the call while sending it: nobody is left to answer, and it is no server error.
            context.Abort();
            return;
        }

        if (RequestMessages.Check(body, parser) is { } error)
        {
            await RespondAsync(context, error);
            return;
        }
        context.Request.Body = new MemoryStream(body, writable: false);
        await next(context);
    }

    /// <summary>The whole body, or null when an oversized one was already answered.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        ReadResult read;
        while (true)
        {
            read = await reader.ReadAsync(context.RequestAborted);
            var declared = RequestMessages.DeclaredLength(read.Buffer.Length >= 5 ? read.Buffer.Slice(0, 5).ToArray() : []);
            // Refuse an oversized message from its prefix, before reading it.
            if (declared is { } length && (length < 0 || length > KnowledgeGraph.Protocol.Limits.MaxMessageBytes))
            {
                await RespondAsync(context, RequestMessages.TooLarge(length));
                return null;
            }
            if (read.Buffer.Length > KnowledgeGraph.Protocol.Limits.MaxMessageBytes + 5)
            {
                await RespondAsync(context, RequestMessages.TooLarge(read.Buffer.Length - 5));
                return null;
            }
            if (read.IsCompleted || read.IsCanceled) break;
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
        var body = read.Buffer.ToArray();
        reader.AdvanceTo(read.Buffer.End);
        return body;
    }

    private static bool IsGrpc(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase)
        && !type.StartsWith("application/grpc-web", StringComparison.OrdinalIgnoreCase);

    /// <summary>A trailers-only gRPC answer: the status, its message and its google.rpc.Status details, in the headers.</summary>
    private static Task RespondAsync(HttpContext context, Domain.Errors.GraphException error)
    {
        var rpc = RpcStatusMapper.ToRpcException(error);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)rpc.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(rpc.Status.Detail);
        if (rpc.Trailers.GetValueBytes("grpc-status-details-bin") is { } details)
            response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(details).TrimEnd('=');
        return response.CompleteAsync();
    }
}
