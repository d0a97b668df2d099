using Grpc.Core;

namespace KnowledgeGraph.Grpc.Consistency;

/// <summary>
/// The consistency token travels in metadata: writes return it in this response header; a read
/// that carries it in the same request header waits (bounded) until the store has caught up.
/// </summary>
public static class ConsistencyToken
{
    public const string Header = "x-kg-consistency-token";

    public static Task SendAsync(ServerCallContext context, string token) =>
        context.WriteResponseHeadersAsync(new Metadata { { Header, token } });

    public static string? Read(ServerCallContext context) => context.RequestHeaders.GetValue(Header);
}
