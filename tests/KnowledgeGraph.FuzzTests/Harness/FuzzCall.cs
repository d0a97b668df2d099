using Google.Protobuf;
using Grpc.Core;

namespace KnowledgeGraph.FuzzTests.Harness;

/// <summary>Which service answers a call.</summary>
public enum Service { Entities, Relationships, Queries }

/// <summary>
/// One generated request to one RPC: how to send it over gRPC, and (for the methods JSON
/// transcoding serves) its HTTP route, so the same request can go either way.
/// </summary>
/// <param name="Method">The RPC, as <c>Service/Method</c>.</param>
/// <param name="Request">The request message (for streams, the first batch), for the failure report and the JSON form.</param>
/// <param name="Writes">What the call may write, and so what a rejection must leave unchanged.</param>
/// <param name="Grpc">Sends the request over gRPC and returns the response.</param>
/// <param name="Route">The HTTP binding, or null for the client-streaming imports and raw frames.</param>
/// <param name="CancelsItself">The client cancels the call halfway (a stream abandoned after some batches).</param>
public sealed record FuzzCall(
    string Method, Service Service, IMessage Request, Writes Writes, Func<FuzzClients, CallOptions, Task<IMessage>> Grpc, JsonRoute? Route, bool CancelsItself = false)
{
    public override string ToString() => $"{Method} {Describe(Request)}";

    private static string Describe(IMessage request)
    {
        string text;
        // JSON cannot print a lone surrogate: show the message's bytes instead.
        try { text = request.ToString() ?? ""; }
        catch (ArgumentException) { text = $"{request.Descriptor.Name} (protobuf, base64) {Convert.ToBase64String(request.ToByteArray())}"; }
        return text.Length <= 600 ? text : $"{text[..600]}… ({text.Length} chars)";
    }
}

/// <summary>What a call may write.</summary>
public enum Writes
{
    Nothing,
    /// <summary>One unit of work: a rejected call leaves the store exactly as it was.</summary>
    Atomic,
    /// <summary>A stream of batches, each its own unit of work: a batch committed before a rejection stays.</summary>
    Batches,
}

/// <summary>
/// A method's <c>google.api.http</c> binding: verb, template with one path field (for example
/// <c>/v1/{name=entities/*}</c>) and the field sent as the body, if any.
/// </summary>
public sealed record JsonRoute(HttpMethod Verb, string Template, string? Body = null);
