using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using KnowledgeGraph.Domain.Errors;
using Microsoft.AspNetCore.Http;

namespace KnowledgeGraph.Grpc.Errors;

/// <summary>
/// JSON transcoding binds the body and the query parameters before any interceptor runs, and
/// answers what it cannot bind (a body that is not JSON, <c>pageSize=abc</c>, an unknown enum name)
/// with INVALID_ARGUMENT and no details. This gives such an answer the AIP-193 details every other
/// error carries: ErrorInfo (MALFORMED_MESSAGE) and a BadRequest violation of <c>request</c>.
/// </summary>
public sealed class TranscodingErrorMiddleware(RequestDelegate next)
{
    private static readonly TypeRegistry Details = TypeRegistry.FromMessages(ErrorInfo.Descriptor, BadRequest.Descriptor, ResourceInfo.Descriptor, RetryInfo.Descriptor);
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true).WithTypeRegistry(Details));
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithTypeRegistry(Details));

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try { await next(context); }
        finally { context.Response.Body = original; }

        if (context.Response.StatusCode == StatusCodes.Status400BadRequest && WithDetails(buffer.ToArray()) is { } rewritten)
        {
            context.Response.ContentLength = rewritten.Length;
            await original.WriteAsync(rewritten, context.RequestAborted);
            return;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>The body with details added, when it is a google.rpc.Status without any; otherwise null (left as it is).</summary>
    private static byte[]? WithDetails(byte[] body)
    {
        Google.Rpc.Status status;
        try { status = Parser.Parse<Google.Rpc.Status>(System.Text.Encoding.UTF8.GetString(body)); }
        catch (Exception unreadable) when (unreadable is InvalidProtocolBufferException or InvalidJsonException) { return null; }
        if (status.Code != (int)global::Grpc.Core.StatusCode.InvalidArgument || status.Details.Count > 0) return null;

        var error = RequestMessages.Malformed($"the request could not be read: {status.Message}");
        status.Details.Add(Any.Pack(new ErrorInfo { Reason = error.Reason, Domain = ErrorReasons.Domain }));
        status.Details.Add(Any.Pack(new BadRequest { FieldViolations = { error.Violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description, Reason = v.Reason }) } }));
        return System.Text.Encoding.UTF8.GetBytes(Formatter.Format(status));
    }
}
