using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Core;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.FunctionalTests.Queries;

/// <summary>
/// A call whose deadline is too short for the query ends with DEADLINE_EXCEEDED, or with an answer
/// marked truncated by DEADLINE (the server stops a traversal DeadlineMargin = 200 ms before the
/// deadline), never with INTERNAL. A client whose deadline has (all but) passed sends grpc-timeout 1n,
/// which ASP.NET Core decodes to zero, i.e. no deadline: the server must treat it as already reached.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class DeadlineTests(SharedServices shared)
{
    private async Task<QueryGraph> ChainAsync()
    {
        var g = new QueryGraph(shared.Services);
        await g.AddAsync("Company", "a", "b", "c");
        await g.LinkAsync("ab", "DEPENDS_ON", "a", "b", 0.5);
        await g.LinkAsync("bc", "DEPENDS_ON", "b", "c", 0.5);
        return g;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    [InlineData(150)]
    public async Task A_short_client_deadline_gives_deadline_exceeded_or_an_answer_truncated_by_it(int milliseconds)
    {
        var g = await ChainAsync();
        var queries = shared.Services.Queries;
        DateTime Deadline() => DateTime.UtcNow.AddMilliseconds(milliseconds);

        await ExpectDeadlineAsync(async () => Bounds(await queries.FindPathsAsync(new FindPathsRequest { Source = g.Entity("a"), Target = g.Entity("c") }, deadline: Deadline())));
        await ExpectDeadlineAsync(async () => Bounds(await queries.FindPathsAsync(new FindPathsRequest { Source = g.Entity("a"), Target = g.Entity("c"), Mode = PathMode.AllSimple }, deadline: Deadline())));
        await ExpectDeadlineAsync(async () => Bounds(await queries.TraceDependenciesAsync(new TraceDependenciesRequest { Root = g.Entity("a"), Direction = TraceDirection.Upstream }, deadline: Deadline())));
        await ExpectDeadlineAsync(async () => Bounds(await queries.GetNeighborhoodAsync(new GetNeighborhoodRequest { Name = g.Entity("a"), Depth = 3 }, deadline: Deadline())));
    }

    /// <summary>
    /// The client above enforces its own deadline, so it would hide a server that failed with
    /// INTERNAL. Here the call goes over raw HTTP/2 with only the grpc-timeout header, and the
    /// status read is the one the server sent.
    /// </summary>
    [Theory]
    [InlineData("0m")]
    [InlineData("1n")]
    [InlineData("1m")]
    [InlineData("100m")]
    [InlineData("190m")]
    public async Task The_server_itself_answers_a_short_deadline_with_deadline_exceeded_or_a_truncated_answer(string grpcTimeout)
    {
        var g = await ChainAsync();
        var request = new TraceDependenciesRequest { Root = g.Entity("a"), Direction = TraceDirection.Upstream };

        var (status, body) = await RawUnaryAsync("knowledgegraph.v1.QueryService/TraceDependencies", request, grpcTimeout);

        Assert.True(status is StatusCode.OK or StatusCode.DeadlineExceeded, $"status {status}");
        if (status == StatusCode.OK)
        {
            var response = TraceDependenciesResponse.Parser.ParseFrom(body);
            Assert.True(response.Truncated);
            Assert.Contains(Bound.Deadline, response.BoundsHit);
        }

        // The same call with time to spare is answered in full.
        var (fullStatus, fullBody) = await RawUnaryAsync("knowledgegraph.v1.QueryService/TraceDependencies", request, "10S");
        Assert.Equal(StatusCode.OK, fullStatus);
        var full = TraceDependenciesResponse.Parser.ParseFrom(fullBody);
        Assert.False(full.Truncated);
        Assert.Equal(2, full.Dependencies.Count);
    }

    private static IReadOnlyList<Bound> Bounds(FindPathsResponse r) => Checked(r.Truncated, r.BoundsHit);

    private static IReadOnlyList<Bound> Bounds(TraceDependenciesResponse r) => Checked(r.Truncated, r.BoundsHit);

    private static IReadOnlyList<Bound> Bounds(GetNeighborhoodResponse r) => Checked(r.Truncated, r.BoundsHit);

    private static IReadOnlyList<Bound> Checked(bool truncated, IEnumerable<Bound> bounds)
    {
        Assert.True(truncated, "an answer that beat a deadline shorter than the server's margin must say it was cut short");
        return [.. bounds];
    }

    private static async Task ExpectDeadlineAsync(Func<Task<IReadOnlyList<Bound>>> call)
    {
        try
        {
            Assert.Contains(Bound.Deadline, await call());
        }
        catch (RpcException error)
        {
            Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        }
    }

    private async Task<(StatusCode Status, byte[] Message)> RawUnaryAsync(string method, IMessage request, string grpcTimeout)
    {
        using var http = new HttpClient();
        var payload = request.ToByteArray();
        var framed = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1, 4), (uint)payload.Length);
        payload.CopyTo(framed, 5);

        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(shared.Services.QueriesHost.GrpcAddress, method))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(framed),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        message.Headers.TryAddWithoutValidation("te", "trailers");
        message.Headers.TryAddWithoutValidation("grpc-timeout", grpcTimeout);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.All);
        // Reads its own writes, as the session's clients do.
        message.Headers.TryAddWithoutValidation(KnowledgeGraph.Protocol.ApiHeaders.ConsistencyToken, shared.Services.Session.Token);

        using var response = await http.SendAsync(message);
        var body = await response.Content.ReadAsByteArrayAsync();
        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var trailer) ? trailer.Single()
            : response.Headers.TryGetValues("grpc-status", out var header) ? header.Single()
            : throw new InvalidOperationException($"no grpc-status in the response (HTTP {(int)response.StatusCode})");
        var length = body.Length >= 5 ? (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1, 4)) : 0;
        return ((StatusCode)int.Parse(status), body.Length >= 5 ? body[5..(5 + length)] : []);
    }
}
