using System.Buffers.Binary;
using System.Collections.Frozen;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Protocol;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Grpc.Errors;

/// <summary>
/// Whether the bytes of a gRPC request are one well-formed message of the method's request type:
/// a 5-byte prefix (flag 0, big-endian length) and exactly that many bytes that parse. The gRPC
/// server reads a unary request before any interceptor runs and answers a malformed one with
/// UNKNOWN or INTERNAL and no details; checked here first, it gets INVALID_ARGUMENT
/// (MALFORMED_MESSAGE), or RESOURCE_EXHAUSTED (MESSAGE_TOO_LARGE) past <see cref="Limits.MaxMessageBytes"/>.
/// </summary>
public static class RequestMessages
{
    private const int PrefixLength = 5;

    /// <summary>The request parser of every unary method of the three services, by path (<c>/package.Service/Method</c>).</summary>
    public static FrozenDictionary<string, MessageParser> UnaryParsers { get; } =
        new[] { EntityService.Descriptor, RelationshipService.Descriptor, QueryService.Descriptor }
            .SelectMany(service => service.Methods.Where(m => !m.IsClientStreaming && !m.IsServerStreaming)
                .Select(m => KeyValuePair.Create($"/{service.FullName}/{m.Name}", m.InputType.Parser)))
            .ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The declared length of the message the prefix announces, or null when there is no full prefix.</summary>
    public static int? DeclaredLength(ReadOnlySpan<byte> body) =>
        body.Length < PrefixLength ? null : BinaryPrimitives.ReadInt32BigEndian(body[1..PrefixLength]);

    /// <summary>Null when <paramref name="body"/> is one well-formed message for <paramref name="parser"/>; otherwise the error to answer with.</summary>
    public static GraphException? Check(ReadOnlySpan<byte> body, MessageParser parser)
    {
        if (DeclaredLength(body) is not { } length)
            return Malformed("a unary call carries exactly one length-prefixed message; the request ended before its 5-byte prefix");
        if (body[0] != 0)
            return Malformed($"the message is flagged {body[0]} (compressed) but the call names no grpc-encoding; send it uncompressed (flag 0)");
        if (length < 0 || length > Limits.MaxMessageBytes) return TooLarge(length);
        if (body.Length - PrefixLength != length)
            return Malformed(body.Length - PrefixLength < length
                ? $"the prefix announces {length} bytes but the request ends after {body.Length - PrefixLength}"
                : "a unary call carries exactly one message, but bytes follow it");
        try
        {
            parser.ParseFrom(body[PrefixLength..]);
            return null;
        }
        catch (InvalidProtocolBufferException error)
        {
            return Malformed($"the message does not parse as {parser.GetType().GenericTypeArguments.FirstOrDefault()?.Name ?? "the request type"}: {error.Message}");
        }
    }

    /// <param name="length">The message's length, when known.</param>
    public static GraphException TooLarge(long? length = null) => GraphException.MessageTooLarge(
        $"A message{(length is { } n ? $" of {n} bytes" : "")} is over the limit of {Limits.MaxMessageBytes} bytes; split the request.", "request", Limits.MaxMessageBytes);

    public static GraphException Malformed(string description) =>
        GraphException.InvalidArgument(ErrorReasons.MalformedMessage, "request", description);
}
