using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using KnowledgeGraph.FunctionalTests.Infrastructure;

namespace KnowledgeGraph.FunctionalTests;

/// <summary>
/// Requests no client library sends, found by the fuzz tests (tests/KnowledgeGraph.FuzzTests): each
/// was answered by the gRPC server or JSON transcoding themselves, with UNKNOWN, INTERNAL or no
/// details, before any of the services' code ran. Now each gets a documented code with AIP-193 details.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class MalformedRequestTests(SharedServices shared)
{
    private const string GetEntity = "/knowledgegraph.v1.EntityService/GetEntity";
    private const string ImportEntities = "/knowledgegraph.v1.EntityService/ImportEntities";

    private static byte[] Frame(byte[] payload, int? declaredLength = null)
    {
        var frame = new byte[5 + payload.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), declaredLength ?? payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    /// <summary>Posts raw bytes as a gRPC call with a full token; returns the status and the ErrorInfo reason of its details.</summary>
    private async Task<(StatusCode Code, string? Reason)> SendAsync(string method, byte[] body)
    {
        using var http = new HttpClient { BaseAddress = shared.Services.EntitiesHost.GrpcAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = new ByteArrayContent(body), Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("TE", "trailers");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.All);
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        string? Header(string name) => response.TrailingHeaders.TryGetValues(name, out var values) || response.Headers.TryGetValues(name, out values) ? values.First() : null;
        var code = (StatusCode)int.Parse(Header("grpc-status")!, System.Globalization.CultureInfo.InvariantCulture);
        var details = Header("grpc-status-details-bin") is { } text ? Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(text.PadRight(text.Length + (4 - text.Length % 4) % 4, '='))) : null;
        var errorInfo = details?.Details.Select(any => any.TryUnpack<ErrorInfo>(out var info) ? info : null).OfType<ErrorInfo>().SingleOrDefault();
        if (code == StatusCode.InvalidArgument) Assert.Contains(details!.Details, any => any.Is(BadRequest.Descriptor));
        return (code, errorInfo?.Reason);
    }

    public static TheoryData<string, byte[]> Unreadable => new()
    {
        { "garbage", Frame([0x08, 0xFF, 0xFF, 0xFF]) },
        { "wrong wire type", Frame([0x0A]) },
        { "truncated", Frame([0x0A, 0x03, 0x61], declaredLength: 100) },
        { "two messages", [.. Frame([0x0A, 0x01, 0x61]), .. Frame([0x0A, 0x01, 0x61])] },
        { "no message", [] },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task A_unary_request_that_does_not_parse_is_invalid_argument(string what, byte[] body) =>
        Assert.True((StatusCode.InvalidArgument, "MALFORMED_MESSAGE") == await SendAsync(GetEntity, body), what);

    [Fact]
    public async Task A_unary_message_announced_beyond_the_limit_is_resource_exhausted() =>
        Assert.Equal((StatusCode.ResourceExhausted, "MESSAGE_TOO_LARGE"), await SendAsync(GetEntity, Frame([0x0A, 0x01, 0x61], declaredLength: int.MaxValue)));

    [Fact]
    public async Task A_streamed_message_that_does_not_parse_is_invalid_argument() =>
        Assert.Equal((StatusCode.InvalidArgument, "MALFORMED_MESSAGE"), await SendAsync(ImportEntities, Frame([0x0A, 0x7F, 0x61])));

    [Fact]
    public async Task A_well_formed_unary_request_still_reaches_the_service() =>
        Assert.Equal((StatusCode.NotFound, "NOT_FOUND"), await SendAsync(GetEntity, Frame(new KnowledgeGraph.V1.GetEntityRequest { Name = "entities/no-such-entity" }.ToByteArray())));

    [Theory]
    [InlineData(false, "/v1/entities?pageSize=abc")]
    [InlineData(false, "/v1/entities?pageSize=1&pageSize=2")]
    [InlineData(true, "/v1/entities/japan:neighborhood?direction=SIDEWAYS")]
    [InlineData(true, "/v1/entities/japan:findPaths?target=entities/lng&asOf=9999-99-99T00:00:00Z")]
    public async Task A_json_request_transcoding_cannot_bind_carries_details(bool queries, string url)
    {
        using var http = queries ? shared.Services.QueriesHost.CreateHttpClient() : shared.Services.EntitiesHost.CreateHttpClient();
        var errorInfo = await RpcAssert.JsonFailsAsync(await http.GetAsync(url), HttpStatusCode.BadRequest, StatusCode.InvalidArgument, "MALFORMED_MESSAGE");
        Assert.Equal("knowledgegraph.v1", errorInfo.GetProperty("domain").GetString());
    }

    [Fact]
    public async Task A_json_body_that_is_not_json_carries_details()
    {
        using var http = shared.Services.EntitiesHost.CreateHttpClient();
        using var content = new StringContent("{\"kind\": \"Country\", \"displayName\": \"Tr", System.Text.Encoding.UTF8, "application/json");
        await RpcAssert.JsonFailsAsync(await http.PostAsync("/v1/entities?entityId=truncated", content), HttpStatusCode.BadRequest, StatusCode.InvalidArgument, "MALFORMED_MESSAGE");
    }
}
