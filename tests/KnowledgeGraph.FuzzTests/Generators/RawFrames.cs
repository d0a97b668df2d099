using System.Buffers.Binary;
using System.Net;
using CsCheck;
using Google.Protobuf;
using Grpc.Core;
using KnowledgeGraph.FuzzTests.Harness;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.FuzzTests.Generators;

/// <summary>
/// Requests no gRPC client library would send: truncated and garbage length-prefixed frames,
/// invalid UTF-8 in string fields, wrong wire types, a compressed flag without an encoding, two
/// messages for a unary call, a length prefix beyond the message limit. Sent over HTTP/2 as raw bytes.
/// </summary>
public static class RawFrames
{
    private static readonly (string Path, Service Service, Writes Writes)[] Methods =
    [
        ("/knowledgegraph.v1.EntityService/GetEntity", Service.Entities, Writes.Nothing),
        ("/knowledgegraph.v1.EntityService/CreateEntity", Service.Entities, Writes.Atomic),
        ("/knowledgegraph.v1.EntityService/UpdateEntity", Service.Entities, Writes.Atomic),
        ("/knowledgegraph.v1.EntityService/ListEntities", Service.Entities, Writes.Nothing),
        ("/knowledgegraph.v1.EntityService/ImportEntities", Service.Entities, Writes.Batches),
        ("/knowledgegraph.v1.RelationshipService/CreateRelationship", Service.Relationships, Writes.Atomic),
        ("/knowledgegraph.v1.RelationshipService/DeleteRelationship", Service.Relationships, Writes.Atomic),
        ("/knowledgegraph.v1.RelationshipService/ImportRelationships", Service.Relationships, Writes.Batches),
        ("/knowledgegraph.v1.QueryService/FindPaths", Service.Queries, Writes.Nothing),
        ("/knowledgegraph.v1.QueryService/SearchEntities", Service.Queries, Writes.Nothing),
    ];

    private static byte[] Frame(byte[] payload, byte flag = 0, int? declaredLength = null)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), declaredLength ?? payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    private static readonly byte[] ValidName = new GetEntityRequest { Name = "entities/japan" }.ToByteArray();

    private static readonly Gen<(string Name, byte[] Body)> Bodies = Gen.OneOf(
        Gen.OneOf(
            ("no frame", Array.Empty<byte>()),
            ("half a prefix", new byte[] { 0, 0 }),
            ("prefix longer than the payload", Frame(ValidName, declaredLength: 100)),
            ("prefix beyond the message limit", Frame(ValidName, declaredLength: int.MaxValue)),
            ("negative prefix", Frame(ValidName, declaredLength: -1)),
            ("compressed flag without an encoding", Frame(ValidName, flag: 1)),
            ("unknown flag", Frame(ValidName, flag: 7)),
            ("two messages", [.. Frame(ValidName), .. Frame(ValidName)]),
            ("invalid UTF-8 in field 1", Frame([0x0A, 0x04, 0xFF, 0xFE, 0xC3, 0x28])),
            ("overlong UTF-8 in field 1", Frame([0x0A, 0x02, 0xC0, 0xAF])),
            ("wrong wire type for field 1", Frame([0x08, 0x96, 0x01])),
            ("length beyond the payload in field 1", Frame([0x0A, 0x7F, 0x61])),
            ("unterminated varint", Frame([0x08, 0xFF, 0xFF, 0xFF])),
            ("field number 0", Frame([0x02, 0x01, 0x61])),
            ("end-group without start", Frame([0x0C])),
            ("deeply nested group", Frame([.. Enumerable.Repeat((byte)0x0B, 200), .. Enumerable.Repeat((byte)0x0C, 200)])),
            ("deeply nested messages", Frame(Nested(150))),
            ("unknown fields only", Frame([0xF8, 0x07, 0x01, 0x82, 0x08, 0x01, 0x61])),
            ("valid name with unknown fields", Frame([.. ValidName, 0xF8, 0x07, 0x01]))),
        Gen.Byte.Array[1, 200].Select(bytes => ("random frame", Frame(bytes))),
        Gen.Byte.Array[1, 200].Select(bytes => ("random bytes", bytes)));

    /// <summary>Field 2 (the resource, a message) nested inside itself: far deeper than any message of the API.</summary>
    private static byte[] Nested(int depth)
    {
        byte[] inner = [0x12, 0x00];
        for (var i = 0; i < depth; i++)
        {
            var length = new byte[5];
            var lengthSize = 0;
            var value = (uint)inner.Length;
            do { length[lengthSize++] = (byte)((value & 0x7Fu) | (value > 0x7Fu ? 0x80u : 0u)); value >>= 7; } while (value > 0);
            inner = [0x12, .. length[..lengthSize], .. inner];
        }
        return inner;
    }

    public static Gen<FuzzCall> Calls { get; } =
        from method in Gen.OneOf(Methods)
        from body in Bodies
        select new FuzzCall($"{method.Path} [raw: {body.Name}]", method.Service, new Google.Protobuf.WellKnownTypes.BytesValue { Value = ByteString.CopyFrom(body.Body) }, method.Writes,
            (clients, options) => SendAsync(clients.GrpcAddresses[(int)method.Service], method.Path, body.Body, options), Route: null);

    /// <summary>Posts the bytes as a gRPC call and turns a non-OK status (with its details trailer) into an <see cref="RpcException"/>.</summary>
    private static async Task<IMessage> SendAsync(Uri address, string path, byte[] body, CallOptions options)
    {
        using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = address, DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body), Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/grpc");
        request.Headers.TryAddWithoutValidation("TE", "trailers");
        foreach (var header in options.Headers ?? []) request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        var timeLeft = options.Deadline!.Value - DateTime.UtcNow;
        using var cancel = new CancellationTokenSource(timeLeft > TimeSpan.Zero ? timeLeft : TimeSpan.FromTicks(1));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancel.Token);
            await response.Content.ReadAsByteArrayAsync(cancel.Token);
        }
        catch (OperationCanceledException) { throw new RpcException(new Status(StatusCode.DeadlineExceeded, "deadline passed")); }
        using var _ = response;

        string? Header(string name) =>
            response.TrailingHeaders.TryGetValues(name, out var values) || response.Headers.TryGetValues(name, out values) ? values.FirstOrDefault() : null;
        if (response.StatusCode != HttpStatusCode.OK) throw new RpcException(new Status(StatusCode.Internal, $"HTTP {(int)response.StatusCode} instead of a gRPC answer"));
        var code = int.TryParse(Header("grpc-status"), out var parsed) ? (StatusCode)parsed : StatusCode.Internal;
        if (code == StatusCode.OK) return new Google.Protobuf.WellKnownTypes.Empty();
        var trailers = new Metadata();
        if (Header("grpc-status-details-bin") is { } details)
            trailers.Add("grpc-status-details-bin", Convert.FromBase64String(details.PadRight(details.Length + (4 - details.Length % 4) % 4, '=')));
        throw new RpcException(new Status(code, Uri.UnescapeDataString(Header("grpc-message") ?? "")), trailers);
    }
}
