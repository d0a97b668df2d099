using System.Globalization;
using Grpc.Core;
using KnowledgeGraph.Application;
using KnowledgeGraph.Protocol;

namespace KnowledgeGraph.Grpc.Calls;

/// <summary>Maps a gRPC call to the application's <see cref="CallContext"/>, and a write's result back to the call.</summary>
public static class CallContexts
{
    /// <summary>The consistency token the client sent, the call's deadline and its cancellation.</summary>
    public static CallContext ToCall(this ServerCallContext context) =>
        new(context.RequestHeaders.GetValue(ApiHeaders.ConsistencyToken) is { Length: > 0 } token ? token : null, Deadline(context), context.CancellationToken);

    /// <summary>Sends the write's consistency token in the response headers, and returns its value.</summary>
    public static async Task<T> RespondAsync<T>(this ServerCallContext context, Task<Written<T>> write)
    {
        var written = await write;
        if (written.ConsistencyToken is { } token)
            await context.WriteResponseHeadersAsync(new Metadata { { ApiHeaders.ConsistencyToken, token } });
        return written.Value;
    }

    /// <summary>
    /// The call's deadline, if it has one. A client with no time left sends a timeout shorter than
    /// one tick (Grpc.Net.Client sends <c>grpc-timeout: 1n</c>), which the ASP.NET Core gRPC server
    /// decodes to zero and reports as no deadline at all; such a call is treated as already at its
    /// deadline, not as one that may run for as long as the server allows.
    /// </summary>
    private static DateTimeOffset? Deadline(ServerCallContext context)
    {
        if (context.Deadline != DateTime.MaxValue) return new DateTimeOffset(context.Deadline, TimeSpan.Zero);
        var timeout = context.GetHttpContext().Request.Headers["grpc-timeout"].ToString();
        if (timeout.Length < 2 || !long.TryParse(timeout.AsSpan(0, timeout.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)) return null;
        var belowOneTick = amount == 0 || (timeout[^1] == 'n' && amount < 100);
        return belowOneTick ? DateTimeOffset.UtcNow : null;
    }
}
