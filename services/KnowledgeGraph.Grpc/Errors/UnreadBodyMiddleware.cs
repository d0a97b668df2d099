using Microsoft.AspNetCore.Http;

namespace KnowledgeGraph.Grpc.Errors;

/// <summary>
/// A JSON call refused before its body was read (a token that does not validate, a query parameter
/// that cannot bind) is answered at once, and the connection was then closed under a client still
/// sending a large body: it saw "Error while copying content to a stream" instead of the refusal
/// (the fuzz suite's 1–2 MB bodies, now and then). The rest of such a body is read before the
/// refusal goes out; Kestrel's request body limit still bounds what is read. Runs ahead of
/// authentication, so its refusals are covered too. gRPC calls (HTTP/2 streams) need none of it.
/// </summary>
public sealed class UnreadBodyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Response.StatusCode < StatusCodes.Status400BadRequest || context.Response.HasStarted
            || context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true) return;
        try { await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted); }
        catch (Exception gone) when (gone is BadHttpRequestException or IOException or OperationCanceledException or InvalidOperationException) { }
    }
}
